import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REGLES } from "../../../src/core/responsable/regles";

/** docs/verification.md is the auditors' list of rules: every rule the validator runs has its row there. */
describe("responsable: docs/verification.md", () => {
  const doc = readFileSync(join(__dirname, "../../../docs/verification.md"), "utf8");
  for (const r of REGLES) {
    it(`documente ${r.id}`, () => assert.ok(doc.includes(`| \`${r.id}\` |`), `ligne « ${r.id} » absente du tableau des règles`));
  }
});
