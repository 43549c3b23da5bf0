import { RembError, horsChamp } from "../../errors";
import { Dec, eurosDepuisCents, formatEuros, tauxDepuisTexte, tauxEnNombre, tauxEnPourcentTexte, tauxEnTexte, type Cents, type Taux } from "../../money";
import { dateFr, type Jour } from "../../dates";
import { parametres, type ValeurDatee } from "../../params";
import { citerArticle, referenceNommee } from "../../params/articles";
import { verifierAge } from "../../calculators/entrees";
import { libelleCategorie, type CategorieOptique } from "../../calculators/verres";
import { audio100SanteApplicable, avantRegime2015, debut100SanteAudio, regime2015OuPlus, valeurContrat, valeurSoins } from "./regime-responsable";
import { plafondAudio, plafondMonture, plafondOptique, plancherOptique, refAudio, refOptique, type MontantLimite } from "./plafonds";

/**
 * The responsible cap or floor of any poste, with its French wording, for REMB.PLAFOND / REMB.PLANCHER (and the task
 * pane): optique, monture, audio, non-OPTAM (in multiples of the BR), ticket modérateur, forfait journalier, D911-1.
 * Values come from plafonds.ts and the dated parameters, selected by the contract date (docs/modele-de-calcul.md
 * §8). The request is typed, one shape per poste: reading Excel's `poste` and `categorie` texts is the adapter's
 * business (src/functions/adaptateurs/limite-demandee.ts).
 */

export type PosteResponsable =
  "optique" | "monture" | "audio" | "non-optam" | "optam" | "ticket-moderateur" | "forfait-journalier" | "ani-optique" | "ani-dentaire";

/** Who wears a classe I hearing aid: its PLV depends on the age (audio.age_seuil) or a blindness. */
export type PorteurAudio = "adulte" | "enfant" | { readonly age: number };

/** What is asked: a poste and what its limit depends on. */
export type DemandeLimite =
  | { readonly poste: "optique" | "ani-optique"; readonly categorie: CategorieOptique }
  /** Classe II has a cap and no floor, classe I a floor (its PLV, by `porteur`, adult by default) and no cap. */
  | { readonly poste: "audio"; readonly classe: "I" | "II"; readonly porteur?: PorteurAudio }
  /** The OPTAM guarantee of the same contract, as a multiple of the BR (absent: the absolute maximum). */
  | { readonly poste: "non-optam"; readonly niveauOptam?: Taux | "frais-reels" }
  | { readonly poste: "forfait-journalier"; readonly psychiatrie?: boolean }
  | { readonly poste: "monture" | "optam" | "ticket-moderateur" | "ani-dentaire" };

export interface LimiteResponsable {
  /** Euros (unite EUR) or a multiple of the BR (unite xBR), as a plain number for the spreadsheet. */
  readonly valeur: number;
  readonly unite: "EUR" | "xBR";
  readonly reference: string;
  /** French, for users: what the value is, per what, RO included or not. */
  readonly libelle: string;
  /** The exact amount in cents (unite EUR). */
  readonly montant?: Cents;
  /** The exact multiple of the BR (unite xBR). */
  readonly taux?: Taux;
  /** ⚠ the value or its date is unconfirmed (docs/parametres.md); `note` says why. */
  readonly incertain?: boolean;
  readonly note?: string;
}

// The articles, for the contract date (src/core/params/articles.json).
const refTm = (d: Jour) => referenceNommee("r871_2.1", d);
const refNonOptam = (d: Jour) => referenceNommee("r871_2.2", d);
const refFj = (d: Jour) => referenceNommee("r871_2.6", d);
const refAni = (d: Jour) => citerArticle("D911-1", undefined, d);

// ---------------------------------------------------------------------------------------------------------
// Public entry points

/** REMB.PLAFOND: the responsible cap of a poste. */
export function plafondResponsable(d: DemandeLimite, date: Jour): LimiteResponsable {
  switch (d.poste) {
    case "optique":
    case "ani-optique":
      return limiteOptiqueEuros(plafondOptique(d.categorie, date), d.categorie, "plafond", d.poste === "ani-optique");
    case "monture":
      return limiteMontureEuros(plafondMonture(date));
    case "audio":
      if (d.classe === "I")
        throw sansPlafond(
          "aides auditives de classe I (100 % Santé)",
          "elles sont prises en charge jusqu'au prix limite de vente : voir REMB.PLANCHER",
          refAudio(date),
        );
      return plafondAudioEuros(date);
    case "non-optam":
      return plafondNonOptamEnBr(d.niveauOptam, date);
    case "optam":
      throw sansPlafond("dépassements des médecins adhérents à l'OPTAM / OPTAM-CO", "la loi ne les plafonne pas", refNonOptam(date));
    case "ticket-moderateur":
      throw sansPlafond("ticket modérateur", "il doit être pris en charge en totalité, sans plafond", refTm(date));
    case "forfait-journalier":
      throw sansPlafond("forfait journalier hospitalier", "il doit être pris en charge sans limitation de durée", refFj(date));
    case "ani-dentaire":
      throw sansPlafond("prothèses dentaires et orthodontie des contrats collectifs obligatoires", "D911-1 ne fixe qu'un minimum", refAni(date));
  }
}

/** REMB.PLANCHER: the responsible floor of a poste. */
export function plancherResponsable(d: DemandeLimite, date: Jour): LimiteResponsable {
  switch (d.poste) {
    case "optique":
      return limiteOptiqueEuros(plancherOptique(d.categorie, date), d.categorie, "plancher", false);
    case "ani-optique":
      return plancherAniOptique(d.categorie, date);
    case "monture":
      throw sansPlancher("la monture", "le plancher s'applique à l'équipement complet (poste « optique »)", refOptique(date));
    case "audio":
      if (d.classe === "II") throw sansPlancher("les aides auditives de classe II", "R871-2 4° ne fixe qu'un plafond par aide (REMB.PLAFOND)", refAudio(date));
      return plancherAudioClasse1(d.porteur ?? "adulte", date);
    case "non-optam":
    case "optam":
    case "ticket-moderateur":
      return plancherTicketModerateur(date, d.poste);
    case "forfait-journalier":
      return plancherForfaitJournalier(d.psychiatrie === true, date);
    case "ani-dentaire":
      return plancherAniDentaire(date);
  }
}

// ---------------------------------------------------------------------------------------------------------

function limiteOptiqueEuros(l: MontantLimite, c: CategorieOptique, quoi: "plafond" | "plancher", ani: boolean): LimiteResponsable {
  const regime = l.inclutRo
    ? "remboursement de la Sécurité sociale et ticket modérateur inclus"
    : "ticket modérateur inclus, remboursement de la Sécurité sociale en sus (régime des contrats 2015-2019)";
  const condition = quoi === "plancher" ? " ; s'applique seulement si le contrat couvre l'équipement au-delà du ticket modérateur" : "";
  const libelle =
    `${quoi === "plafond" ? "Plafond" : "Plancher"} de prise en charge d'un équipement optique de classe B, catégorie ` +
    `${libelleCategorie(c)} : ${formatEuros(l.montant)} par équipement (2 verres + 1 monture), ${regime}${condition}` +
    (ani ? " (les contrats collectifs obligatoires restent soumis aux plafonds du contrat responsable)" : "");
  return euros(l.montant, l.valeur.reference.texte, libelle, l.valeur);
}

function limiteMontureEuros(l: MontantLimite): LimiteResponsable {
  const regime = l.inclutRo ? "remboursement de la Sécurité sociale inclus" : "ticket modérateur inclus, remboursement de la Sécurité sociale en sus";
  return euros(
    l.montant,
    l.valeur.reference.texte,
    `Prise en charge d'une monture limitée à ${formatEuros(l.montant)}, ${regime}, à l'intérieur du plafond de l'équipement`,
    l.valeur,
  );
}

function plafondAudioEuros(date: Jour): LimiteResponsable {
  const v = plafondAudio(date);
  const m = v.valeur as Cents;
  return euros(
    m,
    v.reference.texte,
    `Plafond de prise en charge d'une aide auditive de classe II : ${formatEuros(m)} par aide (par oreille), remboursement de la Sécurité sociale et ticket modérateur inclus`,
    v,
  );
}

function plancherAudioClasse1(porteur: PorteurAudio, date: Jour): LimiteResponsable {
  // Obligation from contracts of 2021-01-01 (date = contract date); the PLV itself is an LPP value (care date).
  if (!audio100SanteApplicable(date)) {
    throw horsChamp(
      `Contrat du ${dateFr(date)} : la prise en charge intégrale des aides auditives de classe I (R871-2 4°) ne s'applique qu'aux contrats ` +
        `souscrits ou renouvelés depuis le ${dateFr(debut100SanteAudio())}.`,
      refAudio(date),
    );
  }
  const enfant = estEnfant(porteur, date);
  const v = valeurSoins(enfant ? "audio.classe_1.plv.moins_20" : "audio.classe_1.plv.adulte", date, "le prix limite de vente des aides auditives de classe I");
  const m = v.valeur as Cents;
  return euros(
    m,
    `${referenceNommee("r871_2.4.classe_1", date)} ; ${v.reference.texte}`,
    `Aide auditive de classe I (100 % Santé) : prise en charge obligatoire jusqu'au prix limite de vente, ${formatEuros(m)} par aide ` +
      `(${enfant ? `moins de ${ageAudio(date)} ans ou personne atteinte de cécité` : `adulte de ${ageAudio(date)} ans et plus`}), remboursement de la Sécurité sociale inclus`,
    v,
  );
}

function plancherAniOptique(c: CategorieOptique, date: Jour): LimiteResponsable {
  const v = valeurContrat(`ani.optique.plancher.${c}`, date, "le minimum optique des contrats collectifs obligatoires (D911-1)", () => refAni(date));
  const m = v.valeur as Cents;
  return euros(
    m,
    v.reference.texte,
    `Minimum de prise en charge d'un équipement optique de classe B, catégorie ${libelleCategorie(c)}, dans un contrat collectif ` +
      `obligatoire : ${formatEuros(m)} par équipement, dans la limite des plafonds du contrat responsable`,
    v,
  );
}

function plancherAniDentaire(date: Jour): LimiteResponsable {
  const v = valeurContrat("ani.dentaire.prothese_odf.minimum", date, "le minimum dentaire des contrats collectifs obligatoires (D911-1)", () => refAni(date));
  const t = v.valeur as Taux;
  return enBr(
    t,
    v.reference.texte,
    `Minimum de prise en charge des prothèses dentaires et de l'orthodontie hors 100 % Santé dans un contrat collectif obligatoire : ` +
      `${tauxEnPourcentTexte(t)} % de la base de remboursement (présumé Sécurité sociale incluse ⚠)`,
    v,
  );
}

function plancherTicketModerateur(date: Jour, p: PosteResponsable): LimiteResponsable {
  if (!regime2015OuPlus(date)) throw avantRegime2015(date, "les obligations du contrat responsable (R871-2 1°)");
  const pour = p === "non-optam" ? " pour un médecin non adhérent à l'OPTAM" : p === "optam" ? " pour un médecin adhérent à l'OPTAM" : "";
  return enBr(
    { num: 1, exp: 0 },
    refTm(date),
    `Prise en charge minimale${pour} : 100 % de la base de remboursement Sécurité sociale incluse, soit l'intégralité du ticket modérateur ` +
      `(hors participation forfaitaire et franchises, qui restent à la charge de l'assuré)`,
  );
}

function plancherForfaitJournalier(psy: boolean, date: Jour): LimiteResponsable {
  if (!regime2015OuPlus(date)) throw avantRegime2015(date, "les obligations du contrat responsable (R871-2 6°)");
  const v = valeurSoins(psy ? "fj.psy" : "fj.montant", date, "le forfait journalier hospitalier");
  const m = v.valeur as Cents;
  return euros(
    m,
    `${refFj(date)} ; ${v.reference.texte}`,
    `Forfait journalier hospitalier${psy ? " en psychiatrie" : ""} : ${formatEuros(m)} par jour (jour de sortie compris), à prendre en charge sans limitation de durée`,
    v,
  );
}

/**
 * rule « R871-2 2° » on grids written « x % BR Sécu incluse »: the highest non-OPTAM level given the OPTAM level x (docs/verification.md), 100 % + max(0, min(plafond, (x − 100 %) − écart)). Without x, the absolute maximum 100 % + plafond.
 */
function plafondNonOptamEnBr(niveauOptam: Taux | "frais-reels" | undefined, date: Jour): LimiteResponsable {
  if (!regime2015OuPlus(date)) throw avantRegime2015(date, "les plafonds des dépassements non-OPTAM (R871-2 2°)");
  const vPlafond = valeurContrat("responsable.non_dptm.plafond_depassement", date, "le plafond des dépassements non-OPTAM", () => refNonOptam(date));
  const vEcart = valeurContrat("responsable.non_dptm.ecart_min", date, "le plafond des dépassements non-OPTAM", () => refNonOptam(date));
  const plafond = dec(vPlafond.valeur as Taux);
  const niveau = niveauOptam === undefined || niveauOptam === "frais-reels" ? niveauOptam : dec(niveauOptam);
  let max: Dec;
  let libelle: string;
  if (niveau === "frais-reels" || niveau === undefined) {
    max = plafond.plus(1);
    libelle =
      niveau === undefined
        ? `Garantie maximale pour un médecin non adhérent à l'OPTAM, quel que soit le niveau OPTAM : ${pct(max)} de la BR Sécurité sociale incluse ` +
          `(atteinte lorsque la garantie OPTAM couvre au moins ${pct(max.plus(dec(vEcart.valeur as Taux)))})`
        : `Garantie maximale pour un médecin non adhérent à l'OPTAM quand la garantie OPTAM est aux frais réels : ${pct(max)} de la BR Sécurité sociale incluse`;
  } else {
    const autre = niveau.minus(1).minus(dec(vEcart.valeur as Taux));
    const dep = Dec.max(0, Dec.min(plafond, autre));
    max = dep.plus(1);
    libelle =
      `Garantie maximale pour un médecin non adhérent à l'OPTAM quand la garantie OPTAM est de ${pct(niveau)} de la BR : ${pct(max)} de la BR ` +
      `Sécurité sociale incluse (100 % + min(${pct(plafond)} ; dépassement OPTAM − ${pct(dec(vEcart.valeur as Taux))}))`;
  }
  return enBr(tauxDepuisTexte(max.toFixed()), `${refNonOptam(date)} ; ${vPlafond.reference.texte}`, libelle, vPlafond);
}

/** The age from which the adult audio tariff applies (audio.age_seuil). */
function ageAudio(date: Jour): number {
  return parametres.entier("audio.age_seuil", date);
}

/** Class I PLV bracket: below audio.age_seuil, or blind (« enfant »), or adult. */
function estEnfant(porteur: PorteurAudio, date: Jour): boolean {
  if (porteur === "adulte" || porteur === "enfant") return porteur === "enfant";
  verifierAge(porteur.age);
  return porteur.age < ageAudio(date);
}

function sansPlafond(quoi: string, pourquoi: string, reference: string): RembError {
  return horsChamp(`Pas de plafond du contrat responsable pour les ${quoi} : ${pourquoi}.`, reference);
}

function sansPlancher(quoi: string, pourquoi: string, reference: string): RembError {
  return horsChamp(`Pas de plancher du contrat responsable pour ${quoi} : ${pourquoi}.`, reference);
}

function euros(montant: Cents, reference: string, libelle: string, v?: ValeurDatee): LimiteResponsable {
  return { valeur: eurosDepuisCents(montant), unite: "EUR", reference, libelle, montant, ...incertitude(v) };
}

function enBr(t: Taux, reference: string, libelle: string, v?: ValeurDatee): LimiteResponsable {
  return { valeur: tauxEnNombre(t), unite: "xBR", reference, libelle, taux: t, ...incertitude(v) };
}

function incertitude(v: ValeurDatee | undefined): { incertain?: boolean; note?: string } {
  if (!v || !v.incertain) return {};
  return v.note ? { incertain: true, note: v.note } : { incertain: true };
}

function dec(t: Taux): Dec {
  return new Dec(tauxEnTexte(t));
}

function pct(d: Dec): string {
  return `${d.times(100).toFixed().replace(".", ",")} %`;
}
