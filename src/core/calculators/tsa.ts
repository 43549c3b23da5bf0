import { estRembError, horsChamp } from "../errors";
import { appliquerTaux, type Cents, type Taux } from "../money";
import { dateFr, type Jour } from "../dates";
import { parametres } from "../params";
import { booleenOuDefaut, verifierJour, verifierMontant } from "./entrees";

/**
 * Taxe de solidarité additionnelle on health premiums (L862-4 CSS): 13.27 % for contracts that are solidaire
 * and responsable, 20.27 % otherwise (« majoré de 7 points »), since 2016-01-01. `responsable` here means both
 * solidaire and responsable (L871-1), as the reduced rate requires both. The special II bis rates (art. 998 CGI
 * and agricultural contracts, persons outside French schemes, daily allowances) are not covered.
 */

const PARAM_RESPONSABLE = "tsa.responsable";
const PARAM_NON_RESPONSABLE = "tsa.non_responsable";

/** The TSA rate on the premium due date. Before 2016 two levies applied (TSA + TSCA): refused with a pointer. */
export function tauxTsa(responsable: boolean, date: Jour): Taux {
  const r = booleenOuDefaut(responsable, true, "responsable");
  verifierJour(date, "la date d'échéance de la cotisation");
  const nom = r ? PARAM_RESPONSABLE : PARAM_NON_RESPONSABLE;
  try {
    return parametres.taux(nom, date);
  } catch (e) {
    if (estRembError(e) && e.code === "PARAMETRE_AVANT_DEBUT") {
      throw horsChamp(
        `TSA au ${dateFr(date)} : avant le 01/01/2016, deux taxes s'appliquaient aux contrats santé, la TSA (contribution CMU, ` +
          `paramètre tsa.contribution_cmu) et la taxe sur les conventions d'assurance (TSCA, art. 1001 CGI, paramètres ` +
          `tsca.sante.responsable et tsca.sante.non_responsable) ; elles ont été fusionnées au 01/01/2016 (loi n° 2014-1554, art. 22). ` +
          `Utilisez REMB.PARAM pour ces taux.`,
        "L862-4 CSS ; art. 1001 CGI",
      );
    }
    throw e;
  }
}

/** TSA due on a premium (excluding taxes): cotisation × rate, rounded half-up to the cent. */
export function calculerTsa(cotisation: Cents, responsable: boolean, date: Jour): Cents {
  return appliquerTaux(verifierMontant(cotisation, "la cotisation"), tauxTsa(responsable, date));
}
