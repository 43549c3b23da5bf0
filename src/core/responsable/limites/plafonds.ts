import type { Jour } from "../../dates";
import type { Cents } from "../../money";
import type { ValeurDatee } from "../../params";
import { citerArticle } from "../../params/articles";
import type { CategorieOptique } from "../../calculators/verres";
import { avantRegime2015, regime2015OuPlus, valeurContrat } from "./regime-responsable";

/**
 * The legal caps (plafonds) and floors (planchers) of the contrat responsable that the calculators and the validator
 * apply: optical categories and frame (R871-2 3°), audio classe II (4°). Every value comes from a dated parameter
 * selected by the **contract date** (the responsible regime, docs/modele-de-calcul.md §8); callers that only know a care date pass
 * it, which is the calculators' default (dateContrat = care date). Amounts are totals per item as the law writes
 * them: 2020 regime RO included, 2015 regime TM included with the RO on top (`inclutRo` says which).
 * REMB.PLAFOND / REMB.PLANCHER (every poste, with French wording) are in limites-responsables.ts.
 */

/** « R871-2 3° CSS (LEGIARTI…) », the optical limits, in the version binding the contract. */
export function refOptique(dateContrat: Jour): string {
  return citerArticle("R871-2", "3°", dateContrat);
}

/** « R871-2 4° CSS (LEGIARTI…) », the audio limits, in the version binding the contract. */
export function refAudio(dateContrat: Jour): string {
  return citerArticle("R871-2", "4°", dateContrat);
}

// ---------------------------------------------------------------------------------------------------------
// Optique (R871-2 3°, rules « R871-2 3° plancher » to « R871-2 3° monture »)

/** A cap or floor in cents with what the calculators need: whether the amount includes the RO. */
export interface MontantLimite {
  readonly montant: Cents;
  /** 2020 regime: the amount includes the RO and the TM; 2015 regime: the TM only, the RO comes on top. */
  readonly inclutRo: boolean;
  readonly valeur: ValeurDatee;
}

function inclutRo(dateContrat: Jour): boolean {
  return valeurContrat("optique.plafonds.inclut_ro", dateContrat, "la règle des plafonds optiques", () => refOptique(dateContrat)).valeur as boolean;
}

function limiteOptique(nom: string, dateContrat: Jour, regle: string): MontantLimite {
  if (!regime2015OuPlus(dateContrat)) throw avantRegime2015(dateContrat, "les plafonds et planchers optiques du contrat responsable");
  const valeur = valeurContrat(nom, dateContrat, regle, () => refOptique(dateContrat));
  return { montant: valeur.valeur as Cents, inclutRo: inclutRo(dateContrat), valeur };
}

/** rule « R871-2 3° plafond »: the classe B cap per equipment of category c. */
export function plafondOptique(c: CategorieOptique, dateContrat: Jour): MontantLimite {
  return limiteOptique(`optique.classe_b.plafond.${c}`, dateContrat, "le plafond optique du contrat responsable");
}

/** rule « R871-2 3° plancher »: the classe B floor per equipment, binding only when the contract covers more than the TM. */
export function plancherOptique(c: CategorieOptique, dateContrat: Jour): MontantLimite {
  return limiteOptique(`optique.classe_b.plancher.${c}`, dateContrat, "le plancher optique du contrat responsable");
}

/** rule « R871-2 3° monture »: the frame limit, within the equipment amount. */
export function plafondMonture(dateContrat: Jour): MontantLimite {
  return limiteOptique("optique.monture.plafond", dateContrat, "la limite de prise en charge de la monture");
}

/** rule « R871-2 4° plafond »: the audio classe II cap per aid, RO and TM included (contracts from 2021-01-01). */
export function plafondAudio(dateContrat: Jour): ValeurDatee {
  return valeurContrat("audio.classe_2.plafond", dateContrat, "le plafond des aides auditives de classe II (R871-2 4°)", () => refAudio(dateContrat));
}
