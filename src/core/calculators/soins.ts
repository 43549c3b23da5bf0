import { appliquerTaux, TAUX_ZERO, type Cents, type Taux } from "../money";
import { dateFr, type Jour } from "../dates";
import { parametres, type ValeurDatee } from "../params";
import { referenceNommee } from "../params/articles";
import { evaluerGarantie, evaluerGarantieLigne, type ContexteGarantie, type Garantie } from "../garantie";
import { AUCUN, clore, rcResponsable, type Decompte, type Etape, type PlafondApplique } from "./decompte";
import { verifierGarantie, verifierMontant, verifierMontantGarantie, verifierTaux, QUOI_FR, QUOI_BR, QUOI_TAUX_RO, type OptionsCalcul } from "./entrees";
import { ouvrir } from "./ouverture";
import {
  etape,
  euros,
  interpretationGarantie,
  pourcent,
  ETAPE_BASE_RETENUE,
  ETAPE_RO_NET,
  ETAPE_TM,
  ETAPE_RC,
  ETAPE_RAC,
  ETAPE_GARANTIE_PLAFONNEE,
  ETAPE_NON_RESPONSABLE,
} from "./etapes";
import { referenceNonOptam, plafondNonOptam, valeurEcartNonOptam, valeurPlafondNonOptam } from "../responsable/limites/depassement-non-optam";
import { libelleRetenue, montantRetenue, parametreRetenue, type Retenue } from "./retenue";
import { estSecteur, secteurInconnu, type Secteur } from "./secteur";
import { mentionnePlafondLegal } from "../responsable/limites/plafond-legal";
import { prescriptionNonConventionnee } from "./ro";

/** One care line with a BR: consultations, auxiliaries, biology, imaging, devices, in-hospital fees… */
export interface EntreeSoins {
  /** Care date: selects the PF / franchise and the PMSS. */
  readonly date: Jour;
  readonly fr: Cents;
  readonly br: Cents;
  readonly tauxRo: Taux;
  readonly garantie: Garantie;
  /**
   * "OPTAM" (default; also secteur 1) or "NON-OPTAM": the latter bears the R871-2 2° cap. "PRESCRIT-NON-CONVENTIONNE":
   * care prescribed by a doctor outside the convention (secteur 3), no RO once L162-5-10 says so (2027-01-01).
   */
  readonly secteur?: Secteur;
  /** PF or franchise kept by the AMO (default none). */
  readonly retenue?: Retenue;
  /** Default true: the legal caps bind. */
  readonly responsable?: boolean;
  /** The contract's guarantee for the same act by an OPTAM doctor (the paired grid line), for the rule « R871-2 2° » cap. */
  readonly garantieOptam?: Garantie;
  /** Subscription or renewal date of the contract (default: the care date): selects the responsible regime. */
  readonly dateContrat?: Jour;
}

/**
 * docs/modele-de-calcul.md §2, for one line:
 *   RO brut = round(base × taux); retenue = min(PF or franchise, RO brut); RO net = RO brut − retenue;
 *   G = the guarantee, Sécu incluse (capped for non-OPTAM doctors under a responsible contract);
 *   RC = max(0, min(G, FR) − RO brut); RAC = FR − RO net − RC.
 * The base is min(BR, FR): the AMO never pays more than was spent.
 */
export function calculerSoins(e: EntreeSoins, o?: OptionsCalcul): Decompte {
  const { date, dateContrat, responsable, etapes: detail } = ouvrir(e, o);
  const fr = verifierMontant(e.fr, QUOI_FR);
  const br = verifierMontant(e.br, QUOI_BR);
  verifierTaux(e.tauxRo, QUOI_TAUX_RO);
  if (e.garantieOptam !== undefined) verifierGarantie(e.garantieOptam, "la garantie OPTAM");
  const secteur = e.secteur ?? "OPTAM";
  if (!estSecteur(secteur)) throw secteurInconnu(String(secteur));

  const base = fr < br ? fr : br;
  // Prescribed by a doctor outside the convention: from the date the law excludes it, no RO at all (rate 0).
  const exclusion = secteur === "PRESCRIT-NON-CONVENTIONNE" ? prescriptionNonConventionnee(date) : undefined;
  const tauxRo = exclusion !== undefined && exclusion.valeur === false ? TAUX_ZERO : e.tauxRo;
  const roBrut = appliquerTaux(base, tauxRo);
  const retenueUnitaire = e.retenue === undefined ? 0 : montantRetenue(e.retenue, date);
  const retenue = retenueUnitaire < roBrut ? retenueUnitaire : roBrut;
  const roNet = roBrut - retenue;

  // The rule « R871-2 2° » cap, computed before G so that a cell « dans la limite du plafond responsable » can use it.
  // BR 0: no tarif de responsabilité, hence no dépassement in the sense of R871-2 2°; nothing to cap.
  const plafond =
    secteur === "NON-OPTAM" && base > 0 && (responsable || mentionnePlafondLegal(e.garantie)) ? plafondCr08(e, base, roBrut, dateContrat) : undefined;
  const plafondLegal = plafond?.montant;

  // Without a legal cap (OPTAM, the common line) the guarantee is evaluated from the amounts alone: no context object.
  const gEcrite = evaluerGarantieLigne(e.garantie, date, base, fr, roBrut, plafondLegal === undefined ? undefined : { plafondLegal });
  verifierMontantGarantie(gEcrite);
  const plafonne = responsable && plafondLegal !== undefined && gEcrite > plafondLegal;
  const g = plafonne ? plafondLegal : gEcrite;
  const rc = rcResponsable(g, fr, roBrut);

  // Everything below the arithmetic (alerts, the applied cap, DETAIL) is built only for the lines that need it, by
  // separate functions: the common line (no cap, FR ≥ BR, no detail) runs the short path above and nothing else.
  let alertes: string[] | null = fr < br ? [alerteFraisInferieurs(fr, br)] : null;
  if (tauxRo !== e.tauxRo) (alertes ??= []).push(alerteNonRembourse(exclusion!));
  let plafonds: readonly PlafondApplique[] = AUCUN;
  if (plafonne) {
    const cap = plafondApplique(base, plafondLegal, gEcrite, dateContrat);
    plafonds = [cap.plafond];
    (alertes ??= []).push(cap.alerte);
  }
  const etapes =
    detail !== null
      ? etapesSoins(
          e,
          { date, br: base, fr, roBrut, plafondLegal },
          br,
          roNet,
          retenueUnitaire,
          retenue,
          gEcrite,
          g,
          rc,
          responsable,
          plafond?.depOptam,
          dateContrat,
          tauxRo !== e.tauxRo ? exclusion : undefined,
        )
      : AUCUN;

  return clore({
    fr,
    br: base,
    roBrut,
    retenue,
    roNet,
    garantie: g,
    rc,
    plafonds,
    alertes: alertes ?? AUCUN,
    etapes,
  });
}

/** Why the RO is 0: the dated rule and its text, so the user sees the law rather than a zero. */
function alerteNonRembourse(v: ValeurDatee): string {
  return (
    `Soin prescrit par un médecin non conventionné : aucun remboursement de l'assurance maladie pour les soins du ${dateFr(v.debut)} et après ` +
    `(${v.reference.texte}). La garantie est appliquée telle qu'écrite ; beaucoup de contrats ne couvrent que les soins remboursés.`
  );
}

function alerteFraisInferieurs(fr: Cents, br: Cents): string {
  return (
    `Frais réels (${euros(fr)}) inférieurs à la base de remboursement (${euros(br)}) : ` +
    `le RO est calculé sur les frais réels, l'assurance maladie ne rembourse pas plus que la dépense.`
  );
}

/** R871-2 2° for a non-OPTAM act: the legal maximum of G, and the OPTAM dépassement it rests on if given. */
function plafondCr08(e: EntreeSoins, base: Cents, roBrut: Cents, dateContrat: Jour): { montant: Cents; depOptam: Cents | undefined } {
  let depOptam: Cents | undefined;
  if (e.garantieOptam !== undefined) {
    // The OPTAM cell is a level of cover, not this bill: « frais réels » there means unlimited. Any FR ≥ 2.2 BR
    // gives the 100 % BR bound (rule « R871-2 2° » table: « 220 % or more, incl. frais réels → 200 % »), so 3 × BR will do.
    const gOptam = evaluerGarantie(e.garantieOptam, { date: e.date, br: base, fr: 3 * base, roBrut });
    depOptam = gOptam - base;
  }
  return { montant: plafondNonOptam(base, depOptam, dateContrat), depOptam };
}

/** The non-OPTAM cap that bound G: the applied cap for the breakdown and the alert that says so. */
function plafondApplique(base: Cents, plafondLegal: Cents, gEcrite: Cents, dateContrat: Jour): { plafond: PlafondApplique; alerte: string } {
  const v = valeurPlafondNonOptam(dateContrat);
  // Which of the two limits set the cap: the dated 100 % BR (125 % ⚠ in 2015–2016) or the OPTAM cover − 20 % BR.
  const parLimiteBr = plafondLegal === base + appliquerTaux(base, v.valeur as Taux);
  const source = parLimiteBr ? v : valeurEcartNonOptam(dateContrat);
  return {
    plafond: {
      code: "non_optam",
      libelle: "Plafond des dépassements des médecins non adhérents à l'OPTAM (contrat responsable)",
      montant: plafondLegal,
      reference: `${referenceNonOptam(dateContrat)} ; ${source.reference.texte}`,
    },
    alerte:
      `La garantie (${euros(gEcrite)}) dépasse le plafond du contrat responsable pour un médecin non adhérent à l'OPTAM ` +
      `(${euros(plafondLegal)}) : elle est calculée plafonnée (R871-2 2° CSS).` +
      (source.incertain ? ` ⚠ Valeur du plafond incertaine : ${source.note ?? "voir docs/parametres.md"}` : ""),
  };
}

/** The DETAIL table of one soins line. */
function etapesSoins(
  e: EntreeSoins,
  ctx: ContexteGarantie,
  br: Cents,
  roNet: Cents,
  retenueUnitaire: Cents,
  retenue: Cents,
  gEcrite: Cents,
  g: Cents,
  rc: Cents,
  responsable: boolean,
  depOptam: Cents | undefined,
  dateContrat: Jour,
  exclusion: ValeurDatee | undefined,
): Etape[] {
  const { fr, br: base, roBrut, plafondLegal } = ctx;
  const etapes: Etape[] = [];
  etapes.push(etape("Frais réels", fr));
  etapes.push(etape("Base de remboursement", br));
  if (base !== br) etapes.push(etape(ETAPE_BASE_RETENUE, base));
  if (exclusion !== undefined) {
    etapes.push(
      etape(`RO nul : soin prescrit par un médecin non conventionné (taux saisi ${pourcent(e.tauxRo)} non appliqué)`, roBrut, exclusion.reference.texte),
    );
  } else {
    etapes.push(etape(`RO brut (${pourcent(e.tauxRo)} × ${euros(base)})`, roBrut, referenceNommee("r160_5", e.date)));
  }
  etapesRetenue(etapes, e.retenue, retenueUnitaire, retenue, e.date);
  etapes.push(etape(ETAPE_RO_NET, roNet));
  etapes.push(etape(ETAPE_TM, base - roBrut, "L160-13 I et R160-5 CSS"));
  if (fr > base) etapes.push(etape("Dépassement (FR − BR)", fr - base));
  etapes.push(etape(`Garantie : ${interpretationGarantie(e.garantie, ctx)}`, gEcrite));
  if (plafondLegal !== undefined) {
    const ref = referenceNonOptam(dateContrat);
    const plafond = pourcent(valeurPlafondNonOptam(dateContrat).valeur as Taux);
    etapes.push(
      etape(
        depOptam === undefined
          ? `Plafond non-OPTAM : BR + ${plafond} BR au plus (garantie OPTAM non fournie)`
          : `Plafond non-OPTAM : BR + min(${plafond} BR ; dépassement OPTAM ${euros(depOptam)} − ${pourcent(valeurEcartNonOptam(dateContrat).valeur as Taux)} BR)`,
        plafondLegal,
        ref,
      ),
    );
    if (g !== gEcrite) etapes.push(etape(ETAPE_GARANTIE_PLAFONNEE, g, ref));
    else if (!responsable) etapes.push(etape(ETAPE_NON_RESPONSABLE, null));
  }
  etapes.push(etape(ETAPE_RC, rc, referenceNommee("l871_1.retenues", dateContrat)));
  etapes.push(etape(ETAPE_RAC, fr - roNet - rc));
  return etapes;
}

/** The DETAIL line of a PF or franchise: the unit amount, its dated reference, and the RO cap when it bound. */
export function etapesRetenue(etapes: Etape[], r: Retenue | undefined, unitaire: Cents, appliquee: Cents, date: Jour): void {
  if (r === undefined || r === "AUCUNE") {
    etapes.push(etape("Retenue (participation forfaitaire ou franchise) : aucune", 0));
    return;
  }
  const nom = parametreRetenue(r);
  const reference = nom === null ? undefined : parametres.valeurDatee(nom, date).reference.texte;
  const libelle = `${libelleRetenue(r)[0]!.toUpperCase()}${libelleRetenue(r).slice(1)} (${euros(unitaire)})`;
  etapes.push(etape(libelle, -appliquee, reference));
  if (appliquee < unitaire) {
    etapes.push(etape("Retenue ramenée au RO brut de l'acte", null, "D160-9 CSS, dernier alinéa"));
  }
}
