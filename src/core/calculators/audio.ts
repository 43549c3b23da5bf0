import { argumentInvalide } from "../errors";
import { appliquerTaux, type Cents, type Taux } from "../money";
import { dateFr, type Jour } from "../dates";
import { parametres } from "../params";
import { referenceNommee } from "../params/articles";
import { evaluerGarantie, type ContexteGarantie, type Garantie } from "../garantie";
import { AUCUN, clore, rcResponsable, type Decompte, type PlafondApplique } from "./decompte";
import { verifierAge, verifierMontant, verifierMontantGarantie, type OptionsCalcul } from "./entrees";
import { ouvrir } from "./ouverture";
import { etape, euros, interpretationGarantie, pourcent, ETAPE_RO_NET, ETAPE_RC, ETAPE_RAC, ETAPE_GARANTIE_PLAFONNEE, ETAPE_NON_RESPONSABLE } from "./etapes";
import { mentionnePlafondLegal } from "../responsable/limites/plafond-legal";
import { plafondAudio } from "../responsable/limites/plafonds";
import { audio100SanteApplicable, debut100SanteAudio, valeurSoins } from "../responsable/limites/regime-responsable";
import { replier } from "../texte/plier";

/**
 * One hearing aid, i.e. one ear (R871-2 4° CSS; docs/modele-de-calcul.md §11, rules « R871-2 4° classe I » to « R871-2 4° renouvellement »).
 *
 * - BR by age: audio.base.adulte (dated) from audio.age_seuil, audio.base.moins_20 below; RO at ro.taux.lpp.
 * - Classe I (100 % Santé), contracts from responsable.regime_100s.audio.debut: covered in full up to the PLV,
 *   RAC 0 within it; a price above the PLV is flagged and the excess stays with the patient.
 * - Classe II, same contracts: G capped at audio.classe_2.plafond per aid, RO and TM included; no floor.
 * - Earlier contracts: no audio obligation or cap yet, the guarantee is computed as written.
 * Every figure and article comes from the data (the parameters and src/core/params/articles.json).
 */
export interface EntreeAudio {
  /** Care date: selects the BR, the PLV and the RO rate. */
  readonly date: Jour;
  /** Subscription or renewal date of the contract (default: the care date): selects the responsible regime. */
  readonly dateContrat?: Jour;
  /** Per ear (per aid), Sécu incluse unless it says « en sus du RO ». */
  readonly garantie: Garantie;
  readonly prix: Cents;
  /** "II" (default, free prices) or "I" (100 % Santé). */
  readonly classe?: "I" | "II";
  /** Age in years on the care date (default: adult). Below audio.age_seuil (20) the child tariff applies. */
  readonly age?: number;
  /** Default true: the legal cap binds and classe I is covered in full; false: computed as written. */
  readonly responsable?: boolean;
}

export function calculerAudio(e: EntreeAudio, o?: OptionsCalcul): Decompte {
  const { date, dateContrat, responsable, etapes } = ouvrir(e, o);
  verifierMontant(e.prix, "le prix de l'aide auditive");
  const prix = e.prix === 0 ? 0 : e.prix;
  const classe = e.classe ?? "II";
  if (classe !== "I" && classe !== "II") {
    throw argumentInvalide(`Classe d'aide auditive inconnue : « ${String(classe)} » — « I » (100 % Santé) ou « II » est attendue.`);
  }
  verifierAge(e.age);
  let alertes: string[] | null = null;
  const alerte = (a: string) => (alertes ??= []).push(a);

  const seuil = parametres.entier("audio.age_seuil", date);
  const enfant = e.age !== undefined && e.age < seuil;
  const vBr = valeurSoins(enfant ? "audio.base.moins_20" : "audio.base.adulte", date, "la base de remboursement des aides auditives");
  const br = vBr.valeur as Cents;
  const taux: Taux = parametres.taux("ro.taux.lpp", date);
  let base = br;
  if (prix < br) {
    base = prix;
    alerte(
      `Prix (${euros(prix)}) inférieur à la base de remboursement (${euros(br)}) : le RO est calculé sur le prix, ` +
        `l'assurance maladie ne rembourse pas plus que la dépense.`,
    );
  }
  const roBrut = appliquerTaux(base, taux);
  const regime = audio100SanteApplicable(dateContrat);

  let plv: Cents | undefined;
  let plafondLegal: Cents | undefined;
  let reference: string | undefined;
  if (classe === "I") {
    const v = valeurSoins(enfant ? "audio.classe_1.plv.moins_20" : "audio.classe_1.plv.adulte", date, "la classe I (100 % Santé) des aides auditives");
    plv = v.valeur as Cents;
    reference = v.reference.texte;
  } else if (regime && (responsable || mentionnePlafondLegal(e.garantie))) {
    const v = plafondAudio(dateContrat);
    plafondLegal = v.valeur as Cents;
    reference = v.reference.texte;
  }
  const ctx: ContexteGarantie = plv !== undefined ? { date, br: base, fr: prix, roBrut, plv } : { date, br: base, fr: prix, roBrut, plafondLegal };
  const gEcrite = evaluerGarantie(e.garantie, ctx);
  verifierMontantGarantie(gEcrite);

  let g = gEcrite;
  let plafonds: readonly PlafondApplique[] = AUCUN;
  let couvert: Cents | undefined;
  if (plv !== undefined) {
    couvert = prix < plv ? prix : plv;
    if (prix > plv) {
      alerte(
        `Prix (${euros(prix)}) supérieur au prix limite de vente de la classe I (${euros(plv)}) : ` +
          (responsable && regime ? `l'excédent (${euros(prix - plv)}) reste à la charge de l'assuré.` : "prix non conforme pour une aide 100 % Santé."),
      );
    }
    if (responsable && regime) {
      // R871-2 4°: the amount above the BR is covered up to the PLV, whatever the grid says.
      g = couvert;
      if (gEcrite < couvert) {
        alerte(
          `La garantie écrite (${euros(gEcrite)}) est inférieure à la prise en charge intégrale due pour une aide 100 % Santé (${euros(couvert)}) : calcul selon R871-2 4° CSS.`,
        );
      }
    }
  } else if (responsable && plafondLegal !== undefined && g > plafondLegal) {
    g = plafondLegal;
    plafonds = [
      { code: "audio.classe_2.plafond", libelle: "Plafond d'une aide auditive de classe II (RO inclus)", montant: plafondLegal, reference: reference! },
    ];
    alerte(
      `La garantie (${euros(gEcrite)}) dépasse le plafond du contrat responsable pour une aide auditive de classe II (${euros(plafondLegal)}) : elle est calculée plafonnée (R871-2 4° CSS).`,
    );
  }
  if (responsable && regime && plv === undefined && gEcrite < base) {
    alerte(
      `La garantie (${euros(gEcrite)}) ne couvre pas le ticket modérateur (base ${euros(base)}) : un contrat responsable doit le couvrir (R871-2 1° CSS).`,
    );
  }
  const rc = rcResponsable(g, prix, roBrut);

  if (etapes) {
    etapes.push(etape(`Prix de l'aide auditive (classe ${classe}, une oreille)`, prix));
    etapes.push(
      etape(
        `Base de remboursement ${enfant ? `(moins de ${seuil} ans)` : `(adulte, ${seuil} ans et plus${e.age === undefined ? ", par défaut" : ""})`}`,
        br,
        vBr.reference.texte,
      ),
    );
    if (base !== br) etapes.push(etape("Base retenue (prix inférieur à la BR)", base));
    etapes.push(etape(`RO brut (${pourcent(taux)} × ${euros(base)})`, roBrut, referenceNommee("r160_5.lpp", date)));
    etapes.push(etape("Retenue : aucune (ni participation forfaitaire ni franchise sur les dispositifs de la LPP)", 0));
    etapes.push(etape(ETAPE_RO_NET, roBrut));
    etapes.push(etape(`Garantie : ${interpretationGarantie(e.garantie, ctx)}`, gEcrite));
    if (!regime) {
      etapes.push(
        etape(
          `Contrat du ${dateFr(dateContrat)} : pas d'obligation audio du contrat responsable avant les contrats du ${dateFr(debut100SanteAudio())}`,
          null,
          "R871-2 4° CSS ; décret n° 2019-21",
        ),
      );
    }
    if (plv !== undefined) {
      etapes.push(etape("Prix limite de vente de la classe I", plv, reference));
      if (responsable && regime)
        etapes.push(etape("Prise en charge 100 % Santé : prix dans la limite du PLV", couvert!, referenceNommee("r871_2.4.classe_1", dateContrat)));
    }
    if (plafondLegal !== undefined) {
      etapes.push(etape("Plafond de la classe II, RO inclus", plafondLegal, reference));
      if (g !== gEcrite)
        etapes.push(etape(ETAPE_GARANTIE_PLAFONNEE, g, `${referenceNommee("r871_2.4.plafond", dateContrat)} : au maximum ${euros(plafondLegal)}`));
      else if (!responsable) etapes.push(etape(ETAPE_NON_RESPONSABLE, null));
    }
    etapes.push(
      etape(
        ETAPE_RC,
        rc,
        plv !== undefined && responsable && regime ? referenceNommee("r871_2.4.classe_1", dateContrat) : referenceNommee("l871_1", dateContrat),
      ),
    );
    etapes.push(etape(ETAPE_RAC, prix - roBrut - rc));
  }

  return clore({ fr: prix, br: base, roBrut, garantie: g, rc, plafonds, alertes, etapes });
}

/** « I », « 1 », « classe I », « 100 % Santé » → "I"; « II », « 2 », « classe II », « libre » → "II". */
export function classeAudioDepuisTexte(s: string): "I" | "II" {
  if (typeof s === "string") {
    const n = replier(s)
      .replace(/%/g, " ")
      .replace(/ {2,}/g, " ")
      .trim()
      .replace(/^classe /, "");
    if (n === "i" || n === "1" || n === "100 sante" || n === "rac 0" || n === "rac zero") return "I";
    if (n === "ii" || n === "2" || n === "libre" || n === "tarif libre" || n === "tarifs libres") return "II";
  }
  throw argumentInvalide(`Classe d'aide auditive inconnue : « ${String(s)} » — « I » (100 % Santé) ou « II » est attendue.`);
}
