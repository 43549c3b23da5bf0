import { argumentInvalide } from "../errors";
import { additionner, multiplierEntier, type Cents } from "../money";
import { dateFr, type Jour } from "../dates";
import { parametres } from "../params";
import { referenceNommee } from "../params/articles";
import { evaluerGarantie, type Garantie } from "../garantie";
import { AUCUN, clore, rcResponsable, type Decompte, type Etape } from "./decompte";
import { booleenOuDefaut, verifierEntree, verifierGarantie, verifierJour, verifierMontantGarantie, type OptionsCalcul } from "./entrees";
import { etape, euros, interpretationGarantie } from "./etapes";

/**
 * Forfait journalier hospitalier (L174-4 CSS): due for every day of a stay over 24 h, discharge day included,
 * never paid by the AMO; psychiatric wards have their own amount (R174-5-1). A responsible contract covers it
 * with no day limit (R871-2 6°, CR-19). Not modelled here: the exemptions (maternity, newborns, AT/MP, C2S…)
 * and the FJ × TM imputation of L174-4 (the patient owes max(TM, FJ) ⚠ per day or per stay).
 */

const PARAM_FJ = "fj.montant";
const PARAM_FJ_PSY = "fj.psy";
/** 1000 years of days: far beyond any stay, small enough to keep the day arithmetic exact. */
const JOURS_MAX = 366_000;

/**
 * The FJ due for a stay of `jours` days starting on `date` (discharge day included: a 3-day count is 3 FJ),
 * each day at the amount in force that day, so a stay across 2026-03-01 mixes 20 € and 23 €.
 */
export function forfaitJournalier(jours: number, psy: boolean, date: Jour): Cents {
  if (!Number.isInteger(jours) || jours < 0 || jours > JOURS_MAX) {
    throw argumentInvalide(
      `Nombre de jours invalide : ${String(jours)} — un nombre entier de jours, positif ou nul, est attendu (jour de sortie compris).`,
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

/** The references of every amount a stay used (two when it crosses a change, e.g. 2026-03-01). */
function referencesSejour(nom: string, date: Jour, jours: number): string {
  const textes = [parametres.valeurDatee(nom, date).reference.texte];
  for (const v of parametres.definition(nom).valeurs) {
    if (v.debut > date && v.debut < date + jours && !v.annonce && !textes.includes(v.reference.texte)) {
      textes.push(`${v.reference.texte} (depuis le ${dateFr(v.debut)})`);
    }
  }
  return textes.join(" ; ");
}

/** A stay's FJ as a care line: BR 0, so RC = min(G, FR) (domain §2.2). */
export interface EntreeForfaitJournalier {
  /** Admission date (first day counted). */
  readonly date: Jour;
  /** Days, discharge day included. */
  readonly jours: number;
  readonly psy?: boolean;
  /** Per-day cells (« 20 € / jour ») are multiplied by the number of days. */
  readonly garantie: Garantie;
  readonly responsable?: boolean;
}

export function calculerForfaitJournalier(e: EntreeForfaitJournalier, o?: OptionsCalcul): Decompte {
  verifierEntree(e);
  verifierGarantie(e.garantie);
  const psy = booleenOuDefaut(e.psy, false, "psychiatrie");
  const responsable = booleenOuDefaut(e.responsable, true, "responsable");
  const fr = forfaitJournalier(e.jours, psy, e.date);
  const ctx = { date: e.date, br: 0, fr, roBrut: 0, unites: e.jours };
  const g = evaluerGarantie(e.garantie, ctx);
  verifierMontantGarantie(g);
  const rc = rcResponsable(g, fr, 0);
  const alertes =
    responsable && rc < fr
      ? [
          `Le forfait journalier doit être couvert intégralement et sans limitation de durée par un contrat responsable ` +
            `(R871-2 6° CSS) : la garantie laisse ${euros(fr - rc)} à la charge de l'assuré.`,
        ]
      : AUCUN;

  let etapes: readonly Etape[] = AUCUN;
  if (o?.detail === true) {
    const references = referencesSejour(psy ? PARAM_FJ_PSY : PARAM_FJ, e.date, e.jours);
    etapes = [
      etape(
        `Forfait journalier${psy ? " (psychiatrie)" : ""} : ${e.jours} jour(s) à partir du ${dateFr(e.date)}, jour de sortie compris`,
        fr,
        `L174-4 CSS${psy ? ", R174-5-1 CSS" : ""} ; ${references}`,
      ),
      etape("Base de remboursement (non remboursé par l'assurance maladie)", 0),
      etape("RO", 0),
      etape(`Garantie : ${interpretationGarantie(e.garantie, ctx)}`, g),
      etape("RC = min(G ; FR)", rc, referenceNommee("r871_2.6", e.date)),
      etape("Reste à charge (FR − RC)", fr - rc),
    ];
  }

  return clore({ fr, br: 0, roBrut: 0, retenue: 0, roNet: 0, garantie: g, rc, plafonds: AUCUN, alertes, etapes });
}
