import { appliquerTaux, type Cents, type Taux } from "../money";
import type { Jour } from "../dates";
import { parametres, type ValeurDatee } from "../params";
import { verifierMontant, verifierTaux, QUOI_FR, QUOI_BR } from "./entrees";

/**
 * The régime obligatoire's share of one line. These are the named rounding steps of the RO: every calculator goes
 * through them, and REMB.RO / REMB.TM expose them as they are.
 */

/** RO brut = BR × taux RO, rounded half-up to the cent (docs/modele-de-calcul.md §4): the one rounding step of the RO. */
export function roBrut(br: Cents, tauxRo: Taux): Cents {
  verifierTaux(tauxRo, "le taux de remboursement");
  return appliquerTaux(verifierMontant(br, QUOI_BR), tauxRo);
}

/**
 * Ticket modérateur: BR − RO brut (the glossary's definition, so that RO brut + TM = BR to the cent even when
 * BR × (1 − taux) falls on a half-cent). With `frais`, the patient's statutory share cannot exceed what is
 * left of the bill once the AMO has paid: min(TM, frais − RO brut), never below 0.
 */
export function ticketModerateur(br: Cents, tauxRo: Taux, frais?: Cents): Cents {
  const ro = roBrut(br, tauxRo);
  let tm = br - ro;
  if (frais !== undefined) {
    const reste = verifierMontant(frais, QUOI_FR) - ro;
    if (reste < tm) tm = reste;
  }
  return tm > 0 ? tm : 0;
}

/**
 * RO net = RO brut − retenue (participation forfaitaire or franchise kept by the AMO), never below 0 nor above
 * RO brut: the franchise is reduced to the RO of the item (D160-9, last paragraph) and the same floor is
 * assumed for the PF (docs/modele-de-calcul.md §2 [INF]).
 */
export function roNet(br: Cents, tauxRo: Taux, retenue?: Cents): Cents {
  const ro = roBrut(br, tauxRo);
  if (retenue === undefined) return ro;
  const r = verifierMontant(retenue, "la retenue (participation forfaitaire ou franchise)");
  return r >= ro ? 0 : ro - r;
}

/**
 * Whether care prescribed by a doctor outside the convention (secteur 3) is reimbursed on `date`: yes until
 * 2026-12-31, no from 2027-01-01 (L162-5-10 in its version of that day, LFSS 2026). The dated parameter gives
 * the value and the reference a calculator shows when it sets the RO to 0 because of it.
 */
export function prescriptionNonConventionnee(date: Jour): ValeurDatee {
  return parametres.valeurDatee("ro.prescripteur_non_conventionne.rembourse", date);
}
