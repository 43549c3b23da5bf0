import { appliquerTaux, type Cents, type Taux } from "../money";
import type { Jour } from "../dates";
import { parametres } from "../params";
import { referenceNommee } from "../params/articles";
import { evaluerGarantie, type Garantie } from "../garantie";
import { clore, rcResponsable, type Decompte } from "./decompte";
import { booleenOuDefaut, verifierMontant, verifierTaux, verifierMontantGarantie, QUOI_FR, QUOI_BR, QUOI_TAUX_RO, type OptionsCalcul } from "./entrees";
import { ouvrir } from "./ouverture";
import { etape, euros, interpretationGarantie, pourcent, ETAPE_BASE_RETENUE, ETAPE_RO_NET, ETAPE_TM, ETAPE_RC, ETAPE_RAC } from "./etapes";
import { memoCents, memoTaux } from "./parametre-memo";

/** Hospital stay fees (frais de séjour) or in-hospital fees billed with the stay. */
export interface EntreeSejour {
  readonly date: Jour;
  readonly fr: Cents;
  readonly br: Cents;
  readonly garantie: Garantie;
  /**
   * The stay includes an act above the thresholds of R160-16 I (hospi.actes_lourds.seuil_tarif and
   * seuil_coefficient at the care date): the flat participation replaces the TM for the whole stay.
   */
  readonly acteLourd?: boolean;
  /** Default: ro.taux.hospitalisation of the care date. Ignored with acteLourd. */
  readonly tauxRo?: Taux;
  readonly responsable?: boolean;
  readonly dateContrat?: Jour;
}

const PARAM_TAUX = "ro.taux.hospitalisation";
const PARAM_ACTES_LOURDS = "hospi.participation_actes_lourds";
const MEMO_TAUX = memoTaux(PARAM_TAUX);
const MEMO_ACTES_LOURDS = memoCents(PARAM_ACTES_LOURDS);

/**
 * RO brut = round(base × taux) (TM = base − RO brut), or with an « acte lourd » RO brut = base − participation
 * (never below 0): the participation is a reduced TM (R160-16 I), so a responsible contract must cover it
 * (R871-2 1°), unlike the PF. No PF and no franchise during a hospitalisation (L160-13; docs/parametres.md,
 * docs/parametres.md). Not modelled: the TM waiver from the 31st day (R160-16 V 3°: pass tauxRo 100 %) and the FJ × TM
 * imputation of L174-4 (docs/modele-de-calcul.md §12, ⚠ per day or per stay).
 */
export function calculerSejour(e: EntreeSejour, o?: OptionsCalcul): Decompte {
  const { date, dateContrat, responsable, etapes } = ouvrir(e, o);
  const fr = verifierMontant(e.fr, QUOI_FR);
  const br = verifierMontant(e.br, QUOI_BR);
  const acteLourd = booleenOuDefaut(e.acteLourd, false, "acte lourd");
  if (e.tauxRo !== undefined) verifierTaux(e.tauxRo, QUOI_TAUX_RO);
  let alertes: string[] | null = null;

  const base = fr < br ? fr : br;
  if (fr < br) {
    alertes = [
      `Frais réels (${euros(fr)}) inférieurs à la base de remboursement (${euros(br)}) : ` +
        `le RO est calculé sur les frais réels, l'assurance maladie ne rembourse pas plus que la dépense.`,
    ];
  }
  let roBrut: Cents;
  let participation = 0;
  let taux: Taux | undefined;
  if (acteLourd) {
    participation = MEMO_ACTES_LOURDS.valeurAu(date);
    roBrut = base > participation ? base - participation : 0;
    if (e.tauxRo !== undefined) {
      (alertes ??= []).push(
        "Acte lourd : la participation forfaitaire de l'assuré remplace le ticket modérateur, le taux de RO saisi est ignoré (R160-16 I CSS).",
      );
    }
  } else {
    taux = e.tauxRo ?? MEMO_TAUX.valeurAu(date);
    roBrut = appliquerTaux(base, taux);
  }

  const ctx = { date, br: base, fr, roBrut };
  const g = evaluerGarantie(e.garantie, ctx);
  verifierMontantGarantie(g);
  const rc = rcResponsable(g, fr, roBrut);
  const tm = base - roBrut;
  if (responsable && rc < tm) {
    (alertes ??= []).push(
      `La garantie ne couvre pas tout ${acteLourd ? "la participation « actes lourds »" : "le ticket modérateur"} ` +
        `(${euros(tm)}), obligatoire pour un contrat responsable (R871-2 1° CSS) : reste ${euros(tm - rc)} à la charge de l'assuré.`,
    );
  }

  if (etapes) {
    etapes.push(etape("Frais réels", fr));
    etapes.push(etape("Base de remboursement", br));
    if (base !== br) etapes.push(etape(ETAPE_BASE_RETENUE, base));
    if (acteLourd) {
      const ref = parametres.valeurDatee(PARAM_ACTES_LOURDS, date).reference.texte;
      etapes.push(etape(`Participation « actes lourds » (remplace le ticket modérateur)`, participation, ref));
      etapes.push(etape(`RO brut (BR − participation, ${euros(participation)})`, roBrut, "R160-16 I CSS"));
    } else {
      const ref = e.tauxRo === undefined ? parametres.valeurDatee(PARAM_TAUX, date).reference.texte : "R160-5 CSS";
      etapes.push(etape(`RO brut (${pourcent(taux!)} × ${euros(base)})`, roBrut, ref));
    }
    etapes.push(etape("Retenue : aucune (pas de participation forfaitaire ni de franchise à l'hôpital)", 0, "L160-13 CSS"));
    etapes.push(etape(ETAPE_RO_NET, roBrut));
    etapes.push(
      etape(
        acteLourd ? "Participation à la charge de l'assuré (BR − RO brut)" : ETAPE_TM,
        tm,
        responsable ? `${referenceNommee("r871_2.1", dateContrat)} : couverture obligatoire pour un contrat responsable` : undefined,
      ),
    );
    if (fr > base) etapes.push(etape("Dépassement (FR − BR)", fr - base));
    etapes.push(etape(`Garantie : ${interpretationGarantie(e.garantie, ctx)}`, g));
    etapes.push(etape(ETAPE_RC, rc, referenceNommee("l871_1", dateContrat)));
    etapes.push(etape(ETAPE_RAC, fr - roBrut - rc));
  }

  return clore({ fr, br: base, roBrut, garantie: g, rc, alertes, etapes });
}
