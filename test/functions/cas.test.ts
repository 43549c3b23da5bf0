import assert from "node:assert/strict";
import * as fonctions from "../../src/functions/functions";
import { argumentsExcel, chargerCas, ecarts } from "./harnais/cas";
import { invocation } from "./harnais/custom-functions";

/** The fixture cases, against the TypeScript sources (the same cases run against dist/ in bundle.test.ts). */
const parId = new Map<string, (...args: unknown[]) => unknown>(
  Object.entries(fonctions).map(([nom, f]) => [nom.toUpperCase(), f as (...args: unknown[]) => unknown]),
);

describe("REMB.* — cas des fixtures (sources)", () => {
  for (const fichier of chargerCas()) {
    describe(`REMB.${fichier.fonction} (${fichier.fichier})`, () => {
      for (const c of fichier.cas) {
        it(`${c.nom} — ${c.source}`, () => {
          const f = parId.get(fichier.fonction);
          assert.ok(f, `fonction ${fichier.fonction} absente de functions.ts`);
          const r = f(...argumentsExcel(c.args, f.length), invocation(fichier.fonction));
          assert.deepEqual(ecarts(c, r), []);
        });
      }
    });
  }
});
