import { estRembError, horsChamp } from "../../errors";
import { appliquerTaux, type Cents, type Taux } from "../../money";
import { dateFr, type Jour } from "../../dates";
import { parametres, type ValeurDatee } from "../../params";
import { referenceNommee } from "../../params/articles";
import { memoTaux, type ParametreMemo } from "../../calculators/parametre-memo";

/**
 * R871-2 2° CSS: a responsible contract covers the dépassements of doctors outside the DPTM (OPTAM,
 * OPTAM-CO; the CAS until 2017-05-05) within a double limit: a share of the tarif de responsabilité, and the cover
 * of the adherents' dépassements minus another share of it. Per act, on the dépassement part:
 *
 *     dépassement non-DPTM ≤ max(0, min(plafond × BR, dépassement DPTM − écart × BR))
 *
 * with the dated parameters responsable.non_dptm.plafond_depassement and responsable.non_dptm.ecart_min, selected
 * by the contract date (their values and the article's words are in the data).
 * The DPTM dépassement cover itself is not capped.
 */

export const PARAM_PLAFOND = "responsable.non_dptm.plafond_depassement";
export const PARAM_ECART = "responsable.non_dptm.ecart_min";
/** « R871-2 2° CSS (LEGIARTI…) : dépassements des médecins non adhérents… » for the version binding the contract. */
export function referenceNonOptam(dateContrat: Jour): string {
  return referenceNommee("r871_2.2", dateContrat);
}

/**
 * The highest total (Sécu incluse) a responsible contract may guarantee for a non-OPTAM act of base `br`:
 * BR + the largest coverable dépassement. `depassementOptam` is the dépassement part (G − BR) of the paired
 * OPTAM guarantee; without it only the 100 % BR limit is known and applied.
 */
export function plafondNonOptam(br: Cents, depassementOptam: Cents | undefined, dateContrat: Jour): Cents {
  const plafond = valeurTaux(MEMO_PLAFOND, dateContrat);
  let dep = appliquerTaux(br, plafond);
  if (depassementOptam !== undefined) {
    const autre = depassementOptam - appliquerTaux(br, valeurTaux(MEMO_ECART, dateContrat));
    if (autre < dep) dep = autre;
  }
  return dep > 0 ? br + dep : br;
}

/** The dated value of the 100 % BR limit used for this contract date (its reference and ⚠ note, for DETAIL). */
export function valeurPlafondNonOptam(dateContrat: Jour): ValeurDatee {
  return valeurDatee(PARAM_PLAFOND, dateContrat);
}

/** The dated value of the 20 % BR gap below the OPTAM cover (its reference, for DETAIL). */
export function valeurEcartNonOptam(dateContrat: Jour): ValeurDatee {
  return valeurDatee(PARAM_ECART, dateContrat);
}

const MEMO_PLAFOND = memoTaux(PARAM_PLAFOND);
const MEMO_ECART = memoTaux(PARAM_ECART);

function valeurTaux(memo: ParametreMemo<Taux>, dateContrat: Jour): Taux {
  try {
    return memo.valeurAu(dateContrat);
  } catch (e) {
    throw expliquer(e, memo.nom, dateContrat);
  }
}

function valeurDatee(nom: string, dateContrat: Jour): ValeurDatee {
  try {
    return parametres.valeurDatee(nom, dateContrat);
  } catch (e) {
    throw expliquer(e, nom, dateContrat);
  }
}

/** Before the 2015 regime the parameter has no value: say why in legal terms rather than « no value ». */
function expliquer(e: unknown, nom: string, dateContrat: Jour): unknown {
  if (estRembError(e) && e.code === "PARAMETRE_AVANT_DEBUT" && parametres.existe(nom)) {
    return horsChamp(
      `Contrat du ${dateFr(dateContrat)} : le plafond des dépassements des médecins non adhérents à l'OPTAM n'existe ` +
        `que pour les contrats responsables souscrits ou renouvelés depuis le ${dateFr(premierDebut(nom))} ` +
        `(décret n° 2014-1374). Avant : non modélisé ; REMB.GARANTIE calcule la garantie telle qu'écrite.`,
      referenceNonOptam(dateContrat),
    );
  }
  return e;
}

function premierDebut(nom: string): Jour {
  return parametres.definition(nom).valeurs[0]!.debut;
}
