import { estRembError, horsChamp, type RembError } from "../../errors";
import { dateFr, jourDepuisCivil, type Jour } from "../../dates";
import { parametres, type ValeurDatee } from "../../params";

/**
 * Which contrat-responsable regime a contract falls under (docs/modele-de-calcul.md §8). The contract's subscription or renewal
 * date selects it, never the care date:
 * - before responsable.regime_2015.debut (2015-04-01): pre-2015 rules, not modelled;
 * - 2015 regime (décret 2014-1374): optical floors and caps including the TM only, frame ≤ 150 €;
 * - from responsable.regime_100s.optique_dentaire.debut (2020-01-01, décret 2019-21): 100 % Santé optique and
 *   dentaire, optical caps including the RO, frame ≤ 100 €;
 * - from responsable.regime_100s.audio.debut (2021-01-01): audio classe I in full, classe II ≤ 1 700 €.
 * The three dates are parameters (one value each, stored from the engine's first day), read once.
 */
export type RegimeOptique = "2015" | "2020";

const FIN_DES_TEMPS = jourDepuisCivil(9999, 12, 31);

let debuts: { r2015: Jour; r100s: Jour; audio: Jour } | undefined;

function lesDebuts(): { r2015: Jour; r100s: Jour; audio: Jour } {
  debuts ??= {
    r2015: parametres.date("responsable.regime_2015.debut", FIN_DES_TEMPS),
    r100s: parametres.date("responsable.regime_100s.optique_dentaire.debut", FIN_DES_TEMPS),
    audio: parametres.date("responsable.regime_100s.audio.debut", FIN_DES_TEMPS),
  };
  return debuts;
}

export function debutRegime2015(): Jour {
  return lesDebuts().r2015;
}

export function debut100SanteOptiqueDentaire(): Jour {
  return lesDebuts().r100s;
}

export function debut100SanteAudio(): Jour {
  return lesDebuts().audio;
}

/** The optical regime of a contract; before 2015-04-01 there is none this engine models (HORS_CHAMP). */
export function regimeOptique(dateContrat: Jour): RegimeOptique {
  const d = lesDebuts();
  if (dateContrat < d.r2015) throw avantRegime2015(dateContrat, "les règles optiques du contrat responsable (R871-2 3°)");
  return dateContrat < d.r100s ? "2015" : "2020";
}

/** Contracts from 2020-01-01: dental 100 % Santé covered up to the HLF (R871-2 5°). */
export function dentaire100SanteApplicable(dateContrat: Jour): boolean {
  return dateContrat >= lesDebuts().r100s;
}

/** Contracts from 2021-01-01: audio classe I covered up to the PLV, classe II capped (R871-2 4°). */
export function audio100SanteApplicable(dateContrat: Jour): boolean {
  return dateContrat >= lesDebuts().audio;
}

/** Whether the contract is under any modelled responsible regime (from 2015-04-01). */
export function regime2015OuPlus(dateContrat: Jour): boolean {
  return dateContrat >= lesDebuts().r2015;
}

export function avantRegime2015(dateContrat: Jour, quoi: string): RembError {
  return horsChamp(
    `Contrat du ${dateFr(dateContrat)} : ${quoi} s'appliquent aux contrats souscrits ou renouvelés depuis le ` +
      `${dateFr(debutRegime2015())} (décret n° 2014-1374). Avant : non modélisé ; REMB.GARANTIE calcule la garantie telle qu'écrite.`,
    "R871-2 CSS",
  );
}

/**
 * A responsible-contract value looked up by contract date. A date before the parameter's first value means the
 * rule did not exist for that contract: a HORS_CHAMP error that says since when it applies, rather than the
 * registry's generic message. `reference` may be a function: the article is then cited only for the error.
 */
export function valeurContrat(nom: string, dateContrat: Jour, regle: string, reference: string | (() => string)): ValeurDatee {
  try {
    return parametres.valeurDatee(nom, dateContrat);
  } catch (e) {
    if (estRembError(e) && e.code === "PARAMETRE_AVANT_DEBUT") {
      const premier = parametres.definition(nom).valeurs.find((v) => !v.annonce);
      throw horsChamp(
        `Contrat du ${dateFr(dateContrat)} : ${regle} ne s'applique qu'aux contrats souscrits ou renouvelés depuis le ` +
          `${premier ? dateFr(premier.debut) : "?"}.`,
        typeof reference === "string" ? reference : reference(),
      );
    }
    throw e;
  }
}

/** A value looked up by care date, with a HORS_CHAMP message saying since when the item exists. */
export function valeurSoins(nom: string, date: Jour, quoi: string): ValeurDatee {
  try {
    return parametres.valeurDatee(nom, date);
  } catch (e) {
    if (estRembError(e) && e.code === "PARAMETRE_AVANT_DEBUT") {
      const premier = parametres.definition(nom).valeurs.find((v) => !v.annonce);
      throw horsChamp(`Soins du ${dateFr(date)} : ${quoi} n'existe que depuis le ${premier ? dateFr(premier.debut) : "?"} (paramètre « ${nom} »).`);
    }
    if (estRembError(e) && e.code === "PARAMETRE_ABROGE") {
      throw horsChamp(`Soins du ${dateFr(date)} : ${quoi} n'existe plus à cette date (paramètre « ${nom} »).`);
    }
    throw e;
  }
}
