import { RembError, argumentInvalide } from "../errors";
import { appliquerTaux, type Cents, type Taux } from "../money";
import { dateFr, type Jour } from "../dates";
import { parametres } from "../params";
import { referenceNommee } from "../params/articles";
import { evaluerGarantie, type ContexteGarantie, type Garantie } from "../garantie";
import { clore, rcResponsable, type Decompte } from "./decompte";
import { normaliserMotCle, verifierMontant, verifierTaux, verifierMontantGarantie, QUOI_FR, QUOI_BR, QUOI_TAUX_RO, type OptionsCalcul } from "./entrees";
import { ouvrir } from "./ouverture";
import { etape, euros, interpretationGarantie, pourcent, ETAPE_BASE_RETENUE, ETAPE_RO_NET, ETAPE_TM, ETAPE_RC, ETAPE_RAC } from "./etapes";
import { debut100SanteOptiqueDentaire, dentaire100SanteApplicable } from "../responsable/limites/regime-responsable";

/**
 * One dental act: prosthetics, orthodontics or care (docs/modele-de-calcul.md §10; R871-2 5° CSS).
 *
 * - Panier 100 % Santé, contracts from 2020-01-01: covered in full up to the HLF (honoraires limites de
 *   facturation), RAC 0 within it; a fee above a known HLF is flagged and the excess stays with the patient.
 * - Paniers maîtrisé (modéré) and libre: the guarantee as written; only the TM is mandatory (R871-2 1°). In the
 *   maîtrisé basket the HLF caps the dentist's fee, not the guarantee: a fee above it is flagged.
 * No PF and no franchise apply to dental acts (docs/modele-de-calcul.md §10). The RO rate is ro.taux.dentaire of the care date
 * (70 %, 60 % from 2023-10-15 ⚠) unless given (ODF before 16: 100 %, D4).
 */
export type PanierDentaire = "100%SANTE" | "MAITRISE" | "LIBRE";

export interface EntreeDentaire {
  readonly date: Jour;
  /** Subscription or renewal date of the contract (default: the care date): selects the responsible regime. */
  readonly dateContrat?: Jour;
  readonly garantie: Garantie;
  readonly fr: Cents;
  readonly br: Cents;
  /** Default "LIBRE". */
  readonly panier?: PanierDentaire;
  /** Default: ro.taux.dentaire at the care date. */
  readonly tauxRo?: Taux;
  /** Honoraires limites de facturation of the act, when known. */
  readonly hlf?: Cents;
  /** Default true: 100 % Santé covered in full; false: computed as written. */
  readonly responsable?: boolean;
}

const PANIERS: readonly string[] = ["100%SANTE", "MAITRISE", "LIBRE"];

export function calculerDentaire(e: EntreeDentaire, o?: OptionsCalcul): Decompte {
  const { date, dateContrat, responsable, etapes } = ouvrir(e, o);
  verifierMontant(e.fr, QUOI_FR);
  verifierMontant(e.br, QUOI_BR);
  const fr = e.fr === 0 ? 0 : e.fr;
  if (e.hlf !== undefined) verifierMontant(e.hlf, "les honoraires limites de facturation");
  if (e.tauxRo !== undefined) verifierTaux(e.tauxRo, QUOI_TAUX_RO);
  const panier = e.panier ?? "LIBRE";
  if (!PANIERS.includes(panier)) throw panierInconnu(String(panier));
  let alertes: string[] | null = null;
  const alerte = (a: string) => (alertes ??= []).push(a);

  const vTaux = e.tauxRo === undefined ? parametres.valeurDatee("ro.taux.dentaire", date) : undefined;
  const taux = e.tauxRo ?? (vTaux!.valeur as Taux);
  let base = e.br;
  if (fr < e.br) {
    base = fr;
    alerte(
      `Frais réels (${euros(fr)}) inférieurs à la base de remboursement (${euros(e.br)}) : le RO est calculé sur les frais réels, ` +
        `l'assurance maladie ne rembourse pas plus que la dépense.`,
    );
  }
  const roBrut = appliquerTaux(base, taux);
  const hlf = e.hlf;
  const ctx: ContexteGarantie = hlf !== undefined ? { date, br: base, fr, roBrut, hlf } : { date, br: base, fr, roBrut };
  const gEcrite = evaluerGarantie(e.garantie, ctx);
  verifierMontantGarantie(gEcrite);

  const obligation100s = panier === "100%SANTE" && responsable && dentaire100SanteApplicable(dateContrat);
  let g = gEcrite;
  let couvert: Cents | undefined;
  if (hlf !== undefined && fr > hlf && panier !== "LIBRE") {
    alerte(
      `Honoraires (${euros(fr)}) supérieurs aux honoraires limites de facturation (${euros(hlf)}) du panier ${libellePanier(panier)} : ` +
        (obligation100s ? `l'excédent (${euros(fr - hlf)}) reste à la charge de l'assuré.` : "dépassement non autorisé pour cet acte."),
    );
  }
  if (obligation100s) {
    // R871-2 5°: the amount above the BR is covered up to the HLF, whatever the grid says. Without a known HLF
    // the fee is taken as within it.
    couvert = hlf !== undefined && hlf < fr ? hlf : fr;
    g = couvert;
    if (gEcrite < couvert) {
      alerte(
        `La garantie écrite (${euros(gEcrite)}) est inférieure à la prise en charge intégrale due pour un acte 100 % Santé (${euros(couvert)}) : calcul selon R871-2 5° CSS.`,
      );
    }
  } else if (responsable && gEcrite < base) {
    alerte(
      `La garantie (${euros(gEcrite)}) ne couvre pas le ticket modérateur (base ${euros(base)}) : un contrat responsable doit le couvrir (R871-2 1° CSS).`,
    );
  }
  const rc = rcResponsable(g, fr, roBrut);

  if (etapes) {
    etapes.push(etape(`Frais réels (panier ${libellePanier(panier)})`, fr));
    etapes.push(etape("Base de remboursement", e.br));
    if (base !== e.br) etapes.push(etape(ETAPE_BASE_RETENUE, base));
    etapes.push(etape(`RO brut (${pourcent(taux)} × ${euros(base)})`, roBrut, vTaux ? vTaux.reference.texte : "taux indiqué"));
    etapes.push(etape("Retenue : aucune (ni participation forfaitaire ni franchise sur les actes dentaires)", 0));
    etapes.push(etape(ETAPE_RO_NET, roBrut));
    etapes.push(etape(ETAPE_TM, base - roBrut, "L160-13 I et R160-5 CSS"));
    etapes.push(etape(`Garantie : ${interpretationGarantie(e.garantie, ctx)}`, gEcrite));
    if (hlf !== undefined) etapes.push(etape("Honoraires limites de facturation", hlf, "convention dentaire (L162-9 CSS)"));
    if (panier === "100%SANTE") {
      if (obligation100s) {
        etapes.push(
          etape(
            hlf === undefined
              ? "Prise en charge 100 % Santé : frais réels (HLF non indiqués, supposés respectés)"
              : "Prise en charge 100 % Santé : frais réels dans la limite des HLF",
            couvert!,
            referenceNommee("r871_2.5", dateContrat),
          ),
        );
      } else if (responsable) {
        etapes.push(
          etape(
            `Contrat du ${dateFr(dateContrat)} : pas d'obligation 100 % Santé avant les contrats du ${dateFr(debut100SanteOptiqueDentaire())}`,
            null,
            "décret n° 2019-21",
          ),
        );
      } else {
        etapes.push(etape("Contrat non responsable : garantie telle qu'écrite", null));
      }
    }
    etapes.push(etape(ETAPE_RC, rc, referenceNommee(obligation100s ? "r871_2.5" : "l871_1", dateContrat)));
    etapes.push(etape(ETAPE_RAC, fr - roBrut - rc));
  }

  return clore({ fr, br: base, roBrut, garantie: g, rc, alertes, etapes });
}

function libellePanier(p: PanierDentaire): string {
  return p === "100%SANTE" ? "100 % Santé" : p === "MAITRISE" ? "à tarifs maîtrisés" : "à tarifs libres";
}

const SYNONYMES: ReadonlyMap<string, PanierDentaire> = new Map<string, PanierDentaire>([
  ["100 sante", "100%SANTE"],
  ["100sante", "100%SANTE"],
  ["panier 100 sante", "100%SANTE"],
  ["cent pour cent sante", "100%SANTE"],
  ["rac 0", "100%SANTE"],
  ["rac0", "100%SANTE"],
  ["rac zero", "100%SANTE"],
  ["reste a charge 0", "100%SANTE"],
  ["reste a charge zero", "100%SANTE"],
  ["maitrise", "MAITRISE"],
  ["maitrises", "MAITRISE"],
  ["tarif maitrise", "MAITRISE"],
  ["tarifs maitrises", "MAITRISE"],
  ["panier maitrise", "MAITRISE"],
  ["modere", "MAITRISE"],
  ["moderes", "MAITRISE"],
  ["tarifs moderes", "MAITRISE"],
  ["panier modere", "MAITRISE"],
  ["rac modere", "MAITRISE"],
  ["reste a charge modere", "MAITRISE"],
  ["libre", "LIBRE"],
  ["libres", "LIBRE"],
  ["tarif libre", "LIBRE"],
  ["tarifs libres", "LIBRE"],
  ["panier libre", "LIBRE"],
  ["honoraires libres", "LIBRE"],
  ["", "LIBRE"],
]);

/** « 100 % Santé », « 100%SANTE », « RAC 0 », « maîtrisé », « modéré », « libre », « tarifs libres »… → the basket. */
export function panierDepuisTexte(s: string): PanierDentaire {
  if (typeof s === "string") {
    const p = SYNONYMES.get(normaliserMotCle(s.replace(/%/g, " ")).replace(/\s+/g, " ").trim());
    if (p !== undefined) return p;
  }
  throw panierInconnu(String(s));
}

function panierInconnu(s: string): RembError {
  return argumentInvalide(`Panier dentaire inconnu : « ${s} » — « 100 % Santé » (100%SANTE), « maîtrisé » (MAITRISE) ou « libre » (LIBRE) est attendu.`);
}
