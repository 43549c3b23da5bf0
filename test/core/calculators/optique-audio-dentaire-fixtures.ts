import assert from "node:assert/strict";
import fc from "fast-check";
import { RembError } from "../../../src/core/errors";
import type { Decompte } from "../../../src/core/calculators/decompte";
import { cents } from "./soins-fixtures";

/**
 * Comparison of a Decompte with the expected figures of the optique / audio / dentaire fixture families (same
 * case shape as soins.json, read through the shared driver soins-fixtures.ts). Beyond the amounts, a case lists
 * the codes of the legal caps that must have bound (`plafonds`, none when absent) and one pattern per expected
 * alert (`alertes`, none when absent): an unexpected alert or cap fails the case.
 */
export function verifierDecompteDispositif(d: Decompte, attendu: Record<string, unknown>, nom: string): void {
  const champs: [string, number][] = [
    ["fr", d.fr],
    ["br", d.br],
    ["roBrut", d.roBrut],
    ["ro", d.roNet],
    ["garantie", d.garantie],
    ["rc", d.rc],
    ["rac", d.rac],
  ];
  for (const [cle, valeur] of champs) {
    if (attendu[cle] !== undefined) assert.equal(valeur, cents(attendu[cle], cle), `${nom} : ${cle}`);
  }
  assert.equal(d.retenue, 0, `${nom} : aucune retenue sur ces postes`);
  const plafonds = (attendu["plafonds"] as string[] | undefined) ?? [];
  assert.deepEqual(
    d.plafonds.map((p) => p.code),
    plafonds,
    `${nom} : plafonds appliqués`,
  );
  for (const p of d.plafonds) assert.match(p.reference, /R871-2|CSS/, `${nom} : référence du plafond ${p.code}`);
  const alertes = (attendu["alertes"] as string[] | undefined) ?? [];
  assert.equal(d.alertes.length, alertes.length, `${nom} : alertes ${JSON.stringify(d.alertes)}`);
  for (const motif of alertes) {
    assert.ok(
      d.alertes.some((a) => new RegExp(motif).test(a)),
      `${nom} : alerte /${motif}/ attendue, trouvé ${JSON.stringify(d.alertes)}`,
    );
  }
}

/** The invariants every calculator result must satisfy (decompte.ts), checked independently of clore(). */
export function verifierInvariants(d: Decompte): void {
  assert.ok(Number.isSafeInteger(d.rc) && Number.isSafeInteger(d.rac) && Number.isSafeInteger(d.roNet), "centimes entiers");
  assert.equal(d.roNet + d.rc + d.rac, d.fr, "RO net + RC + RAC = FR");
  assert.ok(d.rc >= 0 && d.rc <= d.fr - d.roBrut, "0 ≤ RC ≤ FR − RO brut");
  assert.ok(d.rac >= 0, "RAC ≥ 0");
  assert.ok(d.roNet >= 0 && d.roNet <= d.roBrut, "0 ≤ RO net ≤ RO brut");
}

/**
 * Property: every call returns a Decompte satisfying the invariants, or throws a RembError — never anything
 * else (a plain Error from clore() would be an invariant violation, a TypeError a crash).
 */
export function proprieteDecompteOuRembError<T>(arb: fc.Arbitrary<T>, calculer: (x: T) => Decompte, numRuns = 10_000): { ok: number; erreurs: number } {
  let ok = 0;
  let erreurs = 0;
  fc.assert(
    fc.property(arb, (x) => {
      let d: Decompte;
      try {
        d = calculer(x);
      } catch (e) {
        if (e instanceof RembError) {
          assert.ok(e.message.length > 10, "message d'erreur en clair");
          erreurs++;
          return;
        }
        throw e;
      }
      verifierInvariants(d);
      ok++;
    }),
    { numRuns },
  );
  return { ok, erreurs };
}

/** Money as a fixture or generator gives it: mostly plausible euros, sometimes nonsense. */
export const centsArb = (max = 300_000): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 24, arbitrary: fc.integer({ min: 0, max }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, -100, Number.NaN, Number.POSITIVE_INFINITY, 1.5, 2 ** 60, 100_000_000_001) },
  );
