import { estRembError } from "../errors";
import type { Jour } from "../dates";
import type { Cents, Taux } from "../money";
import { parametres } from "../params";
import { plier, type Poste } from "../postes";
import { BRS_ECHANTILLON, FR_ILLIMITE, point, type Point } from "./echantillons";

/**
 * The bills on which a rule evaluates a line, by kind of line. Devices use their legal BR, PLV and HLF (dated
 * parameters); other acts the sample BRs with the poste's dated AMO rate.
 */

/** A dated value in cents, or null when the parameter has no value on that date (the rule then skips the case). */
export function centsAu(nom: string, date: Jour): Cents | null {
  try {
    return parametres.cents(nom, date);
  } catch (e) {
    if (estRembError(e)) return null;
    throw e;
  }
}

export function tauxAu(nom: string, date: Jour): Taux | null {
  try {
    return parametres.taux(nom, date);
  } catch (e) {
    if (estRembError(e)) return null;
    throw e;
  }
}

/** The dated value of a rate is marked ⚠ (sources disagree or were not confirmed). */
export function tauxIncertain(nom: string, date: Jour): boolean {
  try {
    return parametres.valeurDatee(nom, date).incertain;
  } catch (e) {
    if (estRembError(e)) return false;
    throw e;
  }
}

/** The poste's AMO rate on the date, or null (no rate, or the care is no longer reimbursed). */
export function tauxDuPoste(p: Poste, date: Jour): Taux | null {
  return p.tauxRo === undefined ? null : tauxAu(p.tauxRo, date);
}

/** Sample acts of every BR; `fr` gives the bill for a BR (the BR itself for the TM, unlimited for a cap). */
export function pointsActes(date: Jour, taux: Taux, fr: (br: Cents) => Cents): Point[] {
  return BRS_ECHANTILLON.map((br) => point(date, br, taux, fr(br)));
}

/** BR of a classe B equipment (2 lenses + 1 frame, LPP), or null before the 2020 tariffs. */
export function brEquipementB(date: Jour): Cents | null {
  const verre = centsAu("optique.classe_b.br.verre", date);
  const monture = centsAu("optique.classe_b.br.monture", date);
  if (verre !== null && monture !== null) return 2 * verre + monture;
  // 2015 regime contracts checked at a pre-2020 date: the former LPP tariffs (adult frame, cheapest lenses).
  const ancienVerre = centsAu("optique.ancien.br.verre.min", date);
  const ancienneMonture = centsAu("optique.ancien.br.monture.adulte", date);
  return ancienVerre !== null && ancienneMonture !== null ? 2 * ancienVerre + ancienneMonture : null;
}

/** BR of one classe B lens (the cheapest one for 2015-regime contracts checked before 2020). */
export function brVerreB(date: Jour): Cents | null {
  return centsAu("optique.classe_b.br.verre", date) ?? centsAu("optique.ancien.br.verre.min", date);
}

export function brMontureB(date: Jour): Cents | null {
  return centsAu("optique.classe_b.br.monture", date) ?? centsAu("optique.ancien.br.monture.adulte", date);
}

/**
 * Classe A (100 % Santé) items: sample prices, each billed at its PLV, BR = the dated ratio of the PLV. The
 * frame's PLV is a parameter; the lenses' PLV table was not read (docs/modele-de-calcul.md §14 point 6), hence sample prices.
 */
export function pointsClasseA(date: Jour, lpp: Taux): Point[] {
  const ratio = tauxAu("optique.classe_a.br_ratio", date);
  if (ratio === null) return [];
  const plvs: Cents[] = [3000, 10000, 20000, 50000, 100000];
  return plvs.map((plv) => {
    const br = Math.round((plv * ratio.num) / 10 ** ratio.exp);
    return point(date, br, lpp, plv, { plv });
  });
}

/** The age a line is printed for: « Aides auditives plus de 20 ans », « … jusqu'au 20e anniversaire ou cécité ». */
export type AgeAudio = "adulte" | "moins_20";

export function ageDuLibelle(libelle: string): AgeAudio | undefined {
  const t = plier(libelle);
  if (/\b(moins de 20 ans|jusqu a 20 ans|jusqu au 20 e?m?e? anniversaire|20 ans et moins|enfants?|cecite|inferieur a 20 ans)\b/.test(t)) return "moins_20";
  if (/\b(plus de 20 ans|20 ans et plus|au dela de leur 20 e?m?e? anniversaire|adultes?|a partir de 20 ans|superieur a 20 ans)\b/.test(t)) return "adulte";
  return undefined;
}

/** One hearing aid for an adult and for a patient under 20 (BR and PLV differ, docs/modele-de-calcul.md §11); one of them for a line printed for one age. */
export function pointsAudio(date: Jour, lpp: Taux, fr: "plv" | "illimite", age?: AgeAudio): Point[] {
  const r: Point[] = [];
  for (const [cas, base, plvNom] of [
    ["adulte (20 ans et plus)", "audio.base.adulte", "audio.classe_1.plv.adulte"],
    ["moins de 20 ans", "audio.base.moins_20", "audio.classe_1.plv.moins_20"],
  ] as const) {
    if (age !== undefined && (age === "adulte") !== base.endsWith("adulte")) continue;
    const br = centsAu(base, date);
    const plv = centsAu(plvNom, date);
    if (br === null || plv === null) continue;
    r.push(point(date, br, lpp, fr === "plv" ? plv : FR_ILLIMITE, { plv }, cas));
  }
  return r;
}

/** The 100 % Santé dental acts whose BR and HLF are known on the date, billed at their HLF (docs/modele-de-calcul.md §10). */
const ACTES_100_SANTE: readonly (readonly [string, string, string])[] = [
  ["couronne métallique", "dentaire.br.couronne", "dentaire.hlf.couronne.metal"],
  ["couronne zircone", "dentaire.br.couronne", "dentaire.hlf.couronne.zircone"],
  ["couronne céramo-métallique (incisive, canine, 1re prémolaire)", "dentaire.br.couronne", "dentaire.hlf.couronne.ccm_anterieure"],
  ["couronne transitoire", "dentaire.br.couronne_transitoire", "dentaire.hlf.couronne_transitoire"],
  ["inlay-core", "dentaire.br.inlay_core", "dentaire.hlf.inlay_core"],
  ["bridge 3 éléments métallique", "dentaire.br.bridge_3_elements", "dentaire.hlf.bridge.metal"],
  ["bridge 3 éléments zircone", "dentaire.br.bridge_3_elements", "dentaire.hlf.bridge.zircone"],
  ["bridge 3 éléments céramo-métallique (incisive)", "dentaire.br.bridge_3_elements", "dentaire.hlf.bridge.ccm_anterieur"],
  ["prothèse complète résine, une arcade", "dentaire.br.prothese_complete_resine.1_arcade", "dentaire.hlf.prothese_complete_resine.1_arcade"],
  ["prothèse complète résine, deux arcades", "dentaire.br.prothese_complete_resine.2_arcades", "dentaire.hlf.prothese_complete_resine.2_arcades"],
];

export function pointsDentaire100Sante(date: Jour, taux: Taux, fr: "hlf" | "br"): Point[] {
  const r: Point[] = [];
  for (const [acte, brNom, hlfNom] of ACTES_100_SANTE) {
    const br = centsAu(brNom, date);
    const hlf = centsAu(hlfNom, date);
    if (br === null || hlf === null) continue;
    r.push(point(date, br, taux, fr === "hlf" ? hlf : br, { hlf }, `${acte}, HLF ${(hlf / 100).toFixed(2).replace(".", ",")}\u00a0€`));
  }
  return r;
}
