import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyserArguments, ErreurUsage } from "../../src/cli/arguments";
import { isoDepuisJour } from "../../src/core/dates";
import { FIXTURES } from "./outils";

interface Cas {
  readonly argv: string[];
  readonly attendu?: Record<string, unknown>;
  readonly erreur?: string;
}

const { cas } = JSON.parse(readFileSync(path.join(FIXTURES, "arguments.json"), "utf8")) as { cas: Cas[] };

describe("cli: argument parsing (test/fixtures/cli/arguments.json)", () => {
  it("every case expects exactly one of attendu / erreur", () => {
    for (const c of cas) assert.equal((c.attendu === undefined) !== (c.erreur === undefined), true, JSON.stringify(c.argv));
  });

  for (const c of cas) {
    it(`remb ${c.argv.map((a) => (a === "" || /\s/.test(a) ? JSON.stringify(a) : a)).join(" ")} → ${c.erreur !== undefined ? "erreur" : JSON.stringify(c.attendu)}`, () => {
      if (c.erreur !== undefined) {
        assert.throws(
          () => analyserArguments(c.argv),
          (e: unknown) => {
            assert.ok(e instanceof ErreurUsage, `ErreurUsage attendue, ${String(e)} levée`);
            assert.ok(e.message.includes(c.erreur!), `« ${e.message} » ne contient pas « ${c.erreur} »`);
            return true;
          },
        );
        return;
      }
      const r = analyserArguments(c.argv) as { date?: number };
      const lisible = { ...r, ...(r.date !== undefined ? { date: isoDepuisJour(r.date) } : {}) };
      assert.deepEqual(lisible, c.attendu);
    });
  }
});
