import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RembError } from "../../../src/core/errors";
import { centsDepuisEuros, tauxDepuisNombre, type Cents, type Taux } from "../../../src/core/money";
import { jourDepuisIso, type Jour } from "../../../src/core/dates";
import { garantieDepuisNombre, parseGarantie, type Garantie } from "../../../src/core/garantie";
import type { Decompte } from "../../../src/core/calculators/decompte";

/**
 * Shared driver of the calculator fixture families (test/fixtures/calculators/*.json): euros → cents, rates →
 * exact Taux, dates → Jour, guarantees → AST, and exact comparison of the expected figures.
 */

export interface CasFixture {
  nom: string;
  date: string;
  fonction?: string;
  entree: Record<string, unknown>;
  attendu?: Record<string, unknown>;
  erreur?: { code: string; message?: string };
  source: string;
}

export interface FamilleFixture {
  famille: string;
  description: string;
  cas: CasFixture[];
}

export function chargerFixtures(nom: string): FamilleFixture {
  const chemin = join(__dirname, "..", "..", "fixtures", "calculators", `${nom}.json`);
  const f = JSON.parse(readFileSync(chemin, "utf8")) as FamilleFixture;
  assert.ok(Array.isArray(f.cas) && f.cas.length > 0, `${nom}.json : aucun cas`);
  for (const c of f.cas) {
    assert.ok(c.nom && c.date && c.entree && c.source, `${nom}.json : cas incomplet ${JSON.stringify(c).slice(0, 80)}`);
    assert.ok((c.attendu === undefined) !== (c.erreur === undefined), `${c.nom} : attendu ou erreur, exactement un`);
  }
  return f;
}

export const cents = (x: unknown, quoi = "montant"): Cents => {
  assert.equal(typeof x, "number", `${quoi} : nombre attendu`);
  return centsDepuisEuros(x as number, quoi);
};
export const taux = (x: unknown): Taux => tauxDepuisNombre(x as number);
export const jour = (x: unknown): Jour => jourDepuisIso(x as string);

/** Guarantee as text (parseGarantie) or, for a number typed in Excel, {nombre, unite: "BR" | "EUR"}. */
export function garantie(x: unknown): Garantie {
  if (typeof x === "string") return parseGarantie(x);
  const s = x as { nombre: number; unite: "BR" | "EUR" };
  assert.ok(s.unite === "BR" || s.unite === "EUR", `unité de garantie inconnue dans la fixture : ${String(s.unite)}`);
  return garantieDepuisNombre(s.nombre, s.unite);
}

/** Compares the Decompte with the expected euros (only the fields the case gives). */
export function verifierDecompte(d: Decompte, attendu: Record<string, unknown>, nom: string): void {
  const champs: [string, Cents][] = [
    ["fr", d.fr],
    ["br", d.br],
    ["roBrut", d.roBrut],
    ["retenue", d.retenue],
    ["ro", d.roNet],
    ["garantie", d.garantie],
    ["rc", d.rc],
    ["rac", d.rac],
  ];
  for (const [cle, valeur] of champs) {
    if (attendu[cle] !== undefined) assert.equal(valeur, cents(attendu[cle], cle), `${nom} : ${cle}`);
  }
  if (attendu["plafond"] !== undefined) {
    assert.equal(d.plafonds.length, 1, `${nom} : un plafond appliqué attendu`);
    assert.equal(d.plafonds[0]!.montant, cents(attendu["plafond"]), `${nom} : plafond`);
    assert.ok(d.plafonds[0]!.reference.length > 0, `${nom} : référence du plafond`);
  } else {
    assert.deepEqual(d.plafonds, [], `${nom} : aucun plafond ne devait s'appliquer`);
  }
  if (attendu["alerte"] !== undefined) {
    assert.ok(
      d.alertes.some((a) => new RegExp(attendu["alerte"] as string).test(a)),
      `${nom} : alerte /${String(attendu["alerte"])}/ attendue, trouvé ${JSON.stringify(d.alertes)}`,
    );
  } else {
    assert.deepEqual(d.alertes, [], `${nom} : aucune alerte attendue`);
  }
}

/** Runs `f` and checks it throws the expected RembError (code and, if given, message). */
export function verifierErreur(f: () => unknown, erreur: { code: string; message?: string }, nom: string): void {
  assert.throws(
    f,
    (e: unknown) => {
      assert.ok(e instanceof RembError, `${nom} : RembError attendue, trouvé ${String(e)}`);
      assert.equal(e.code, erreur.code, `${nom} : code (${e.message})`);
      if (erreur.message) assert.match(e.message, new RegExp(erreur.message), `${nom} : message`);
      return true;
    },
    nom,
  );
}
