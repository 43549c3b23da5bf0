import { RembError, argumentInvalide } from "../errors";
import { CENTS_MAX, POW10, formatEuros, type Cents, type Taux } from "../money";
import { jourDepuisCivil, type Jour } from "../dates";
import type { Garantie } from "../garantie";
import { replier } from "../texte/plier";

/**
 * Input checks shared by the calculators. Adapters convert Excel values to core types, but the core is also
 * called directly (CLI, task pane, tests, other calculators), so every entry point re-checks its inputs and
 * answers a French RembError instead of computing with NaN or a fractional cent.
 */

// What the checks name in their messages, for the inputs most calculators share (one copy of each in the bundle).
export const QUOI_DATE_SOINS = "la date des soins";
export const QUOI_DATE_CONTRAT = "la date du contrat";
export const QUOI_FR = "les frais réels";
export const QUOI_BR = "la base de remboursement";
export const QUOI_TAUX_RO = "le taux de remboursement du RO";

/**
 * Bounds that catch typing slips, not legal limits: nobody has been known to live past 122, and one stay billed
 * for more than ten years is far likelier a slip (100 000 typed for 10) than a real stay. Past them an input is
 * refused, with the bound in the message.
 */
export const AGE_MAX = 125;
export const JOURS_SEJOUR_MAX = 3_660;

const JOUR_MIN = jourDepuisCivil(1900, 1, 1);
const JOUR_MAX = jourDepuisCivil(9999, 12, 31);

/*
 * Hot-path shape: each check is a short condition; the message of a failure is built by a separate function. The
 * calculators run these checks on every claim line, and V8 inlines a check into its caller only while the inlined
 * bytecode stays small: message templates inside the check would use up that budget and leave the arithmetic that
 * follows as out-of-line calls.
 */

/** A non-negative whole number of cents within the supported range; returned with −0 turned into 0. */
export function verifierMontant(c: Cents, quoi: string): Cents {
  if (!(Number.isSafeInteger(c) && c >= 0 && c <= CENTS_MAX)) throw montantRefuse(c, quoi);
  // −0 passes every check above but would print as "-0" and break Object.is comparisons downstream.
  return c === 0 ? 0 : c;
}

function montantRefuse(c: Cents, quoi: string): RembError {
  const vu = typeof c === "number" && Number.isFinite(c) ? (Number.isInteger(c) ? formatEuros(c) : `${c} centimes`) : String(c);
  return new RembError(
    "MONTANT_INVALIDE",
    c < 0
      ? `Montant négatif pour ${quoi} : ${vu} — un montant positif ou nul est attendu.`
      : `Montant invalide pour ${quoi} : ${vu} — un montant en euros, au centime près, est attendu.`,
  );
}

/** An age in whole or fractional years, 0 to AGE_MAX; undefined (not given) passes. */
export function verifierAge(age: number | undefined): void {
  if (age !== undefined && !(typeof age === "number" && age >= 0 && age <= AGE_MAX)) throw ageRefuse(age);
}

function ageRefuse(age: unknown): RembError {
  return argumentInvalide(`Âge invalide : ${String(age).replace(".", ",")} — un âge en années, de 0 à ${AGE_MAX} ans, est attendu.`);
}

/** A rate between 0 % and 100 % (an AMO rate, a tax rate): exact decimal fields, no NaN, no negative. */
export function verifierTaux(t: Taux, quoi: string): void {
  // POW10[exp] is undefined unless exp is an integer in 0..15, and no comparison with undefined holds: the table
  // read checks the exponent's range. num / 10^exp ≤ 1 is then exact (10^exp is an exact double for exp ≤ 15).
  if (!(t !== null && typeof t === "object" && Number.isSafeInteger(t.num) && Number.isInteger(t.exp) && t.num >= 0 && t.num <= POW10[t.exp]!)) {
    throw tauxRefuse(t, quoi);
  }
}

function tauxRefuse(t: Taux, quoi: string): RembError {
  const vu = t !== null && typeof t === "object" ? `${String(t.num)}e-${String(t.exp)}` : String(t);
  return new RembError("TAUX_INVALIDE", `Taux invalide pour ${quoi} : ${vu} — un taux entre 0 % et 100 % est attendu.`);
}

/** A calendar day (Jour) between 1900 and 9999. */
export function verifierJour(j: Jour, quoi: string): void {
  if (!(Number.isInteger(j) && j >= JOUR_MIN && j <= JOUR_MAX)) throw jourRefuse(j, quoi);
}

function jourRefuse(j: Jour, quoi: string): RembError {
  return new RembError("DATE_INVALIDE", `Date invalide pour ${quoi} : ${String(j)} — une date entre 1900 et 9999 est attendue.`);
}

/** An optional boolean flag: undefined → the default; anything else than true/false is refused. */
export function booleenOuDefaut(b: boolean | undefined, defaut: boolean, quoi: string): boolean {
  if (b === undefined) return defaut;
  if (b !== true && b !== false) throw booleenRefuse(b, quoi);
  return b;
}

function booleenRefuse(b: unknown, quoi: string): RembError {
  return argumentInvalide(`Valeur invalide pour ${quoi} : « ${String(b)} » — VRAI ou FAUX est attendu.`);
}

/**
 * French text normalised for keyword matching: no accents, lower case, dashes/underscores/slashes as spaces,
 * single spaces. « Franchise médicament » and "FRANCHISE_MEDICAMENT" compare equal.
 */
export function normaliserMotCle(s: string): string {
  return replier(s)
    .replace(/[-_/']/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** The options every calculator accepts: `detail` fills `etapes` (DETAIL); off, no string is built. */
export interface OptionsCalcul {
  readonly detail?: boolean;
}

/** A guarantee AST (from parseGarantie or the builders); anything else is refused before evaluation. */
export function verifierGarantie(g: Garantie, quoi?: string): void {
  if (
    g === null ||
    typeof g !== "object" ||
    !(g.type === "neant" || g.type === "service" || g.type === "renvoi" || (g.type === "formule" && Array.isArray(g.termes) && g.termes.length > 0))
  ) {
    throw garantieRefusee(quoi);
  }
}

function garantieRefusee(quoi = "la garantie"): RembError {
  return argumentInvalide(`Garantie manquante ou invalide pour ${quoi} — une expression (« 150 % BR », « 50 € », « Néant ») ou un nombre est attendu.`);
}

/** G as evaluated: a whole number of cents (one message for every calculator). */
export function verifierMontantGarantie(g: Cents): void {
  if (!Number.isSafeInteger(g)) throw garantieNonEntiere();
}

function garantieNonEntiere(): RembError {
  return argumentInvalide("Garantie invalide : son montant n'est pas un nombre de centimes.");
}

/** The entry object itself (a direct caller may pass nothing). */
export function verifierEntree(e: object): void {
  if (e === null || typeof e !== "object") throw entreeManquante();
}

function entreeManquante(): RembError {
  return argumentInvalide("Entrée manquante : un objet décrivant la ligne de soins est attendu.");
}
