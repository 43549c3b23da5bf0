import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as fonctions from "../../src/functions/functions";
import { argumentsExcel, chargerCas, ecarts } from "./harnais/cas";
import { invocation } from "./harnais/custom-functions";

/** The fixture cases, against the TypeScript sources (the same cases run against dist/ in bundle.test.ts). */
const parId = new Map<string, (...args: unknown[]) => unknown>(
  Object.entries(fonctions).map(([nom, f]) => [nom.toUpperCase(), f as (...args: unknown[]) => unknown]),
);

/** Declared arguments per id, from the public contract (a function's `length` also counts an invocation parameter). */
const CONTRAT = JSON.parse(readFileSync(path.resolve(__dirname, "../fixtures/functions/contrat-public.json"), "utf8")) as {
  fonctions: { id: string; arguments: string[] }[];
};
function nombreArguments(id: string): number {
  const f = CONTRAT.fonctions.find((x) => x.id === id);
  if (!f) throw new Error(`REMB.${id} absente de contrat-public.json`);
  return f.arguments.length;
}

describe("REMB.* — cas des fixtures (sources)", () => {
  for (const fichier of chargerCas()) {
    describe(`REMB.${fichier.fonction} (${fichier.fichier})`, () => {
      for (const c of fichier.cas) {
        it(`${c.nom} — ${c.source}`, async () => {
          const f = parId.get(fichier.fonction);
          assert.ok(f, `fonction ${fichier.fonction} absente de functions.ts`);
          const r = await f(...argumentsExcel(c.args, nombreArguments(fichier.fonction)), invocation(fichier.fonction, c.adresses));
          assert.deepEqual(ecarts(c, r), []);
        });
      }
    });
  }
});
