import assert from "node:assert/strict";
import fc from "fast-check";
import { RembError, horsChamp } from "../../src/core/errors";
import { fonctionExcel } from "../../src/functions/diffusion";
import { erreurExcel, erreurValeur, LONGUEUR_MAX_MESSAGE } from "../../src/functions/erreur-excel";
import type { ArgumentExcel } from "../../src/functions/excel";

const nombre = (v: unknown, nom: string): number => {
  if (typeof v !== "number") throw new RembError("ARGUMENT_INVALIDE", `${nom} : nombre attendu`);
  return v;
};
const facultatif = (v: unknown): number => (v === null || v === undefined || v === "" ? 0 : (v as number));
const LECTEURS = { a: nombre, b: nombre, c: facultatif };
const f = fonctionExcel(LECTEURS, (v) => v.a + v.b + v.c);
const somme = (args: ArgumentExcel[]) => f(...args);

describe("diffusion des arguments (comme les fonctions d'Excel)", () => {
  it("cellules uniques : un résultat 1×1", () => {
    assert.deepEqual(somme([[[1]], [[2]], null]), [[3]]);
    assert.deepEqual(somme([1, 2, 3]), [[6]]);
  });

  it("plages de même taille élément par élément, cellules uniques répétées", () => {
    assert.deepEqual(somme([[[1], [2], [3]], [[10]], [[100], [200], [300]]]), [[111], [212], [313]]);
    assert.deepEqual(somme([[[1, 2]], [[10, 20]], null]), [[11, 22]]);
    assert.deepEqual(
      somme([
        [
          [1, 2],
          [3, 4],
        ],
        10,
        [
          [0, 0],
          [0, 1],
        ],
      ]),
      [
        [11, 12],
        [13, 15],
      ],
    );
  });

  it("ligne contre colonne, ou tailles différentes : une erreur claire nommant les deux arguments", () => {
    const r = somme([[[1], [2]], [[1, 2]], null]);
    assert.equal(r.length, 1);
    const e = r[0]![0] as { code: string; message: string };
    assert.equal(e.code, "#VALUE!");
    assert.match(e.message, /a \(2 lignes × 1 colonne\) et b \(1 ligne × 2 colonnes\)/);
    assert.equal((somme([[[1], [2]], [[1], [2], [3]], null])[0]![0] as { code: string }).code, "#VALUE!");
  });

  it("une erreur dans un élément reste dans sa cellule", () => {
    const r = somme([[[1], ["x"], [3]], 1, null]);
    assert.equal(r[0]![0], 2);
    assert.equal((r[1]![0] as { code: string }).code, "#VALUE!");
    assert.equal(r[2]![0], 4);
  });

  it("une valeur unique invalide est l'erreur de tout l'appel (une seule cellule)", () => {
    const r = somme([[[1], [2]], "x", null]);
    assert.deepEqual(r.length, 1);
    assert.equal((r[0]![0] as { code: string }).code, "#VALUE!");
  });

  it("plage vide refusée", () => {
    assert.match((somme([[], 1, null])[0]![0] as { message: string }).message, /plage vide/);
  });

  it("un tableau (DETAIL) n'est accepté que pour un appel d'une seule ligne", () => {
    const table = fonctionExcel(LECTEURS, () => [["libellé", 1]]);
    assert.deepEqual(table(1, 2, null), [["libellé", 1]]);
    const r = table([[1], [2]], 2, null);
    assert.equal((r[0]![0] as { code: string }).code, "#VALUE!");
  });

  it("propriété : le résultat est le calcul élément par élément, quelle que soit la forme", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        (l, c, plages, graine) => {
          const val = (k: number, i: number, j: number) => (graine + 7 * k + 13 * i + 31 * j) % 97;
          const args = [0, 1, 2].map((k) =>
            plages[k] ? Array.from({ length: l }, (_, i) => Array.from({ length: c }, (_, j) => val(k, i, j))) : [[val(k, 0, 0)]],
          );
          const r = somme(args);
          const toutesUniques = plages.every((p) => !p);
          const L = toutesUniques ? 1 : l;
          const C = toutesUniques ? 1 : c;
          assert.equal(r.length, L);
          for (let i = 0; i < L; i++) {
            for (let j = 0; j < C; j++) {
              const att = [0, 1, 2].reduce((s, k) => s + (plages[k] ? val(k, i, j) : val(k, 0, 0)), 0);
              assert.equal(r[i]![j], att);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("erreurs Excel", () => {
  it("RembError « valeur » → #VALUE!, « indisponible » → #N/A, avec le message français", () => {
    const v = erreurExcel(new RembError("ARGUMENT_INVALIDE", "frais : valeur manquante."));
    assert.deepEqual({ ...v }, { code: "#VALUE!", message: "frais : valeur manquante." });
    const na = erreurExcel(horsChamp("Aucune valeur du paramètre « pmss » au 01/01/2010."));
    assert.equal(na.code, "#N/A");
  });

  it("toute autre exception → #VALUE! avec un message générique, jamais la pile", () => {
    const e = erreurExcel(new TypeError("Cannot read properties of undefined (reading 'x')"));
    assert.equal(e.code, "#VALUE!");
    assert.match(e.message!, /Erreur interne de REMB/);
    assert.doesNotMatch(e.message!, /undefined|reading/);
    assert.equal(erreurExcel("chaîne lancée").code, "#VALUE!");
  });

  it(`messages coupés à ${LONGUEUR_MAX_MESSAGE} caractères, espaces normalisés`, () => {
    const e = erreurValeur(`début\n  ${"x".repeat(400)}`);
    assert.equal(e.message!.length, LONGUEUR_MAX_MESSAGE);
    assert.ok(e.message!.startsWith("début x"));
    assert.ok(e.message!.endsWith("…"));
  });

  it("dans Excel, les erreurs sont des CustomFunctions.Error", () => {
    class ErreurCF {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: ErreurCF, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
    try {
      assert.ok(erreurValeur("x") instanceof ErreurCF);
    } finally {
      delete g.CustomFunctions;
    }
  });
});
