import { argumentInvalide } from "../errors";
import { additionner, multiplierEntier, type Cents } from "../money";
import type { Jour } from "../dates";
import { parametres } from "../params";
import { JOURS_SEJOUR_MAX, booleenOuDefaut, verifierJour } from "./entrees";

/**
 * Forfait journalier hospitalier (L174-4 CSS): due for every day of a stay over 24 h, discharge day included,
 * never paid by the AMO; psychiatric wards have their own amount (R174-5-1). A responsible contract covers it
 * with no day limit (R871-2 6°). Not modelled here: the exemptions (maternity, newborns, AT/MP, C2S…)
 * and the FJ × TM imputation of L174-4 (the patient owes max(TM, FJ) ⚠ per day or per stay).
 */

const PARAM_FJ = "fj.montant";
const PARAM_FJ_PSY = "fj.psy";

/**
 * The FJ due for a stay of `jours` days starting on `date` (discharge day included: a 3-day count is 3 FJ),
 * each day at the amount in force that day, so a stay across 2026-03-01 mixes 20 € and 23 €.
 */
export function forfaitJournalier(jours: number, psy: boolean, date: Jour): Cents {
  if (!Number.isInteger(jours) || jours < 0 || jours > JOURS_SEJOUR_MAX) {
    throw argumentInvalide(
      `Nombre de jours invalide : ${String(jours)} — un nombre entier de jours de 0 à ${JOURS_SEJOUR_MAX}, jour de sortie compris, est attendu.`,
    );
  }
  const estPsy = booleenOuDefaut(psy, false, "psychiatrie");
  verifierJour(date, "la date d'entrée");
  if (jours === 0) return 0;
  const nom = estPsy ? PARAM_FJ_PSY : PARAM_FJ;
  // Amounts change only on a value's start date: walk the stay by segments between those dates rather than
  // day by day (a superset of the real change dates is harmless: the lookup decides the amount).
  const debuts = parametres.definition(nom).valeurs.map((v) => v.debut);
  let total = 0;
  let jour = date;
  let reste = jours;
  while (reste > 0) {
    const montant = parametres.cents(nom, jour);
    let suivant = Infinity;
    for (const d of debuts) if (d > jour && d < suivant) suivant = d;
    const n = Math.min(reste, suivant - jour);
    total = additionner(total, multiplierEntier(montant, n));
    jour += n;
    reste -= n;
  }
  return total;
}
