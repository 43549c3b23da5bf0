import type { Formule, Terme, TermePeriode, UniteTemps } from "./ast";
import { UNITES } from "./vocabulaire";

/**
 * What a count (`Formule.nombreMax`) does to one line's amount. One reading, shared by the parser (which refuses a
 * count that would bound nothing silently), the evaluator and the French description:
 *
 * - "unites": the cell has amounts per unit of care (« 30 € / séance (max 4 / an) », « Frais réels dans la limite
 *   de 50 € / jour (max 90 jours / an) »): those amounts are paid for at most `nombre` units;
 * - "prorata": a count of units of care (« (max 90 jours / an) ») on a cell without amounts per unit, whose terms
 *   are all shares of the line (« Frais réels », « 100 % BR »): the terms give the whole line, so the line's value
 *   is taken pro rata of the units paid (a 120-day stay at « Frais réels (max 90 jours / an) »: FR × 90 / 120);
 * - "renouvellement": a count of items (« 1 équipement tous les 2 ans », « 1 aide auditive par oreille tous les
 *   4 ans »), or a count without a noun on a cell without amounts per unit (« 200 € (max 1 / 2 ans) »: one of the
 *   line's item per period). One line is one item: nothing changes in its amount; the validator checks the rule.
 *
 * None of them knows what the beneficiary already used in the period: one line assumes the whole count available.
 */
export type SorteCompte = "unites" | "prorata" | "renouvellement";

export function sorteDuCompte(f: Formule): SorteCompte | undefined {
  const m = f.nombreMax;
  if (m === undefined) return undefined;
  if (m.unite !== undefined && !UNITES[m.unite].parUnite) return "renouvellement";
  if (aUnMontantParUnite(f.termes) || (f.limite !== undefined && aUnMontantParUnite(f.limite))) return "unites";
  return m.unite !== undefined ? "prorata" : "renouvellement";
}

/** A term multiplied by the line's units: an amount or a share of the PMSS written « / jour », « / séance »… */
export function estMontantParUnite(tp: TermePeriode): boolean {
  return tp.periode !== undefined && UNITES[tp.periode.unite].parUnite && seMultiplie(tp.terme);
}

function aUnMontantParUnite(termes: readonly TermePeriode[]): boolean {
  for (let i = 0; i < termes.length; i++) if (estMontantParUnite(termes[i]!)) return true;
  return false;
}

/**
 * Terms whose value is per unit of care: an amount, or a share of the PMSS (a fixed legal value). A share of
 * the BR, the FR, the PLV… is already the line's total (the calculators pass the whole line's BR), so
 * « 150 % BR / acte » is not multiplied again.
 */
export function seMultiplie(t: Terme): boolean {
  return t.type === "montant" || (t.type === "pourcentage" && t.taux.num !== 0 && t.base === "PMSS");
}

/**
 * A share of the line's own amounts (BR, FR, TM, PLV, HLF): the value of the whole line, whatever its units. A
 * count of days can take it pro rata; a bare amount (« 23 € ») or a share of the PMSS cannot (per day or per stay?).
 */
export function estPartDeLaLigne(t: Terme): boolean {
  return t.type === "pourcentage" && t.base !== "PMSS";
}

/** A night of hospital stay is counted like a day (« 50 € / nuit, limité à 30 jours / an »). */
export function memeCompteur(a: UniteTemps, b: UniteTemps): boolean {
  return a === b || ((a === "jour" || a === "nuit") && (b === "jour" || b === "nuit"));
}

/** An item one line holds once and that a renewal rule counts: an equipment, an ear, a hearing aid, a tooth… */
export function estObjet(u: UniteTemps): boolean {
  return UNITES[u].denombrable && !UNITES[u].parUnite;
}
