import { RembError, horsChamp, argumentInvalide } from "../../errors";
import { Dec, eurosDepuisCents, formatEuros, tauxDepuisTexte, tauxEnNombre, tauxEnPourcentTexte, tauxEnTexte, type Cents, type Taux } from "../../money";
import { dateFr, type Jour } from "../../dates";
import { parametres, type ValeurDatee } from "../../params";
import { citerArticle, referenceNommee } from "../../params/articles";
import { normaliserMotCle } from "../../calculators/entrees";
import { categorieDepuisTexte, libelleCategorie, type CategorieOptique } from "../../calculators/verres";
import { audio100SanteApplicable, avantRegime2015, debut100SanteAudio, regime2015OuPlus, valeurContrat, valeurSoins } from "./regime-responsable";
import { plafondAudio, plafondMonture, plafondOptique, plancherOptique, refAudio, refOptique, type MontantLimite } from "./plafonds";

/**
 * The responsible cap or floor of any poste, with its French wording, for REMB.PLAFOND / REMB.PLANCHER (and the task
 * pane): optique, monture, audio, non-OPTAM (in multiples of the BR), ticket modérateur, forfait journalier, D911-1.
 * Values come from plafonds.ts and the dated parameters, selected by the contract date (domain §3.2). Loaded with
 * those two functions only (a lazy chunk of the add-in): the calculators need the amounts, not these texts.
 */

export type PosteResponsable =
  | "optique"
  | "monture"
  | "audio"
  | "audio-classe-1"
  | "non-optam"
  | "optam"
  | "ticket-moderateur"
  | "forfait-journalier"
  | "ani-optique"
  | "ani-dentaire";

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
  /** ⚠ the value or its date is unconfirmed (parameters.md); `note` says why. */
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

/** REMB.PLAFOND: the responsible cap of a poste (categorie: optical category, OPTAM level, audio class…). */
export function plafondResponsable(poste: string, categorie: string | number | undefined, date: Jour): LimiteResponsable {
  const p = posteDepuisTexte(poste);
  switch (p) {
    case "optique":
    case "ani-optique": {
      const c = categorieOptique(categorie, p);
      return limiteOptiqueEuros(plafondOptique(c, date), c, "plafond", p === "ani-optique");
    }
    case "monture":
      return limiteMontureEuros(plafondMonture(date));
    case "audio":
      if (classeAudio(categorie) === "I") throw sansPlafond("aides auditives de classe I (100 % Santé)", "elles sont prises en charge jusqu'au prix limite de vente : voir REMB.PLANCHER", refAudio(date));
      return plafondAudioEuros(date);
    case "audio-classe-1":
      throw sansPlafond("aides auditives de classe I (100 % Santé)", "elles sont prises en charge jusqu'au prix limite de vente : voir REMB.PLANCHER", refAudio(date));
    case "non-optam":
      return plafondNonOptamEnBr(categorie, date);
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
export function plancherResponsable(poste: string, categorie: string | number | undefined, date: Jour): LimiteResponsable {
  const p = posteDepuisTexte(poste);
  switch (p) {
    case "optique": {
      const c = categorieOptique(categorie, p);
      return limiteOptiqueEuros(plancherOptique(c, date), c, "plancher", false);
    }
    case "ani-optique":
      return plancherAniOptique(categorieOptique(categorie, p), date);
    case "monture":
      throw sansPlancher("la monture", "le plancher s'applique à l'équipement complet (poste « optique »)", refOptique(date));
    case "audio":
    case "audio-classe-1":
      if (p === "audio" && classeAudio(categorie) === "II") {
        throw sansPlancher("les aides auditives de classe II", "R871-2 4° ne fixe qu'un plafond par aide (REMB.PLAFOND)", refAudio(date));
      }
      return plancherAudioClasse1(p === "audio" ? undefined : categorie, date);
    case "non-optam":
    case "optam":
    case "ticket-moderateur":
      return plancherTicketModerateur(date, p);
    case "forfait-journalier":
      return plancherForfaitJournalier(categorie, date);
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
  return euros(m, v.reference.texte, `Plafond de prise en charge d'une aide auditive de classe II : ${formatEuros(m)} par aide (par oreille), remboursement de la Sécurité sociale et ticket modérateur inclus`, v);
}

function plancherAudioClasse1(categorie: string | number | undefined, date: Jour): LimiteResponsable {
  // Obligation from contracts of 2021-01-01 (date = contract date); the PLV itself is an LPP value (care date).
  if (!audio100SanteApplicable(date)) {
    throw horsChamp(
      `Contrat du ${dateFr(date)} : la prise en charge intégrale des aides auditives de classe I (R871-2 4°) ne s'applique qu'aux contrats ` +
        `souscrits ou renouvelés depuis le ${dateFr(debut100SanteAudio())}.`,
      refAudio(date),
    );
  }
  const enfant = estMoinsDe20(categorie, date);
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
  const pour =
    p === "non-optam"
      ? " pour un médecin non adhérent à l'OPTAM"
      : p === "optam"
        ? " pour un médecin adhérent à l'OPTAM"
        : "";
  return enBr(
    { num: 1, exp: 0 },
    refTm(date),
    `Prise en charge minimale${pour} : 100 % de la base de remboursement Sécurité sociale incluse, soit l'intégralité du ticket modérateur ` +
      `(hors participation forfaitaire et franchises, qui restent à la charge de l'assuré)`,
  );
}

function plancherForfaitJournalier(categorie: string | number | undefined, date: Jour): LimiteResponsable {
  if (!regime2015OuPlus(date)) throw avantRegime2015(date, "les obligations du contrat responsable (R871-2 6°)");
  const psy = categorie !== undefined && /psy/.test(normaliserMotCle(String(categorie)));
  if (categorie !== undefined && !psy && !/^(|general|medecine|chirurgie|hopital|mco)$/.test(normaliserMotCle(String(categorie)))) {
    throw argumentInvalide(`Catégorie de forfait journalier inconnue : « ${String(categorie)} » — « psychiatrie » ou rien (services généraux) est attendu.`);
  }
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
 * CR-08 on grids written « x % BR Sécu incluse »: the highest non-OPTAM level given the OPTAM level x (domain
 * §3.3 table), 100 % + max(0, min(plafond, (x − 100 %) − écart)). Without x, the absolute maximum 100 % + plafond.
 */
function plafondNonOptamEnBr(categorie: string | number | undefined, date: Jour): LimiteResponsable {
  if (!regime2015OuPlus(date)) throw avantRegime2015(date, "les plafonds des dépassements non-OPTAM (R871-2 2°)");
  const vPlafond = valeurContrat("responsable.non_dptm.plafond_depassement", date, "le plafond des dépassements non-OPTAM", () => refNonOptam(date));
  const vEcart = valeurContrat("responsable.non_dptm.ecart_min", date, "le plafond des dépassements non-OPTAM", () => refNonOptam(date));
  const plafond = dec(vPlafond.valeur as Taux);
  const niveau = niveauOptam(categorie);
  let max: Dec;
  let libelle: string;
  if (niveau === "illimite" || niveau === undefined) {
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

/** The OPTAM level: a multiple of the BR (1.5), « 150 % », « 150 % BR », « 1,5 », or « frais réels ». */
function niveauOptam(categorie: string | number | undefined): Dec | "illimite" | undefined {
  if (categorie === undefined || categorie === "") return undefined;
  let d: Dec | undefined;
  if (typeof categorie === "number") {
    if (Number.isFinite(categorie)) d = new Dec(categorie);
  } else if (typeof categorie === "string") {
    const n = normaliserMotCle(categorie).replace(/\bsecu(rite sociale)? incluse\b/, "").replace(/\b(de la )?(brss|br|base)\b/, "").trim();
    if (/^(100 ?% ?)?(fr|frais reels)$/.test(n)) return "illimite";
    const m = /^(\d+(?:[.,]\d+)?) ?(%?)$/.exec(n);
    if (m) {
      d = new Dec(m[1]!.replace(",", "."));
      if (m[2] === "%") d = d.div(100);
    }
  }
  if (d === undefined || d.isNegative()) {
    throw argumentInvalide(
      `Niveau OPTAM invalide : « ${String(categorie)} » — la garantie OPTAM en multiple de la BR (1,5), en pourcentage (« 150 % ») ou « frais réels » est attendue.`,
    );
  }
  if (d.greaterThan(10)) {
    throw argumentInvalide(
      `Niveau OPTAM invraisemblable : ${d.toFixed().replace(".", ",")} fois la BR — pour 150 %, indiquez 1,5 ou « 150 % ».`,
    );
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------------
// Postes

const POSTES: readonly (readonly [PosteResponsable, string, readonly string[]])[] = [
  ["optique", "optique (équipement de classe B, catégorie a à f)", ["optique", "lunettes", "equipement optique", "equipement", "optique classe b", "classe b", "equipement classe b", "verres et monture", "verres", "optique equipement"]],
  ["monture", "monture", ["monture", "montures", "monture classe b", "optique monture"]],
  ["audio", "audio (aide auditive de classe II ; « I » en catégorie pour la classe I)", ["audio", "aide auditive", "aides auditives", "audioprothese", "audioprotheses", "appareil auditif", "appareils auditifs", "audio classe ii", "audio classe 2", "aide auditive classe ii", "aides auditives classe ii", "classe ii", "audio classe 2 ii"]],
  ["audio-classe-1", "audio classe I (100 % Santé)", ["audio classe i", "audio classe 1", "aide auditive classe i", "aides auditives classe i", "classe i", "audio 100 sante", "aide auditive 100 sante", "aides auditives 100 sante"]],
  ["non-optam", "non-OPTAM (catégorie : niveau de la garantie OPTAM, ex. 1,5)", ["non optam", "non optam co", "non dptm", "hors optam", "hors dptm", "non adherent", "non adherent optam", "non adherent dptm", "depassement non optam", "depassements non optam", "medecin non optam", "medecins non optam", "secteur 2 non optam", "non cas"]],
  ["optam", "OPTAM", ["optam", "optam co", "dptm", "adherent optam", "adherent dptm", "depassement optam", "depassements optam", "medecin optam", "medecins optam"]],
  ["ticket-moderateur", "ticket modérateur", ["tm", "ticket moderateur", "soins", "soins courants"]],
  ["forfait-journalier", "forfait journalier", ["forfait journalier", "forfait journalier hospitalier", "forfait hospitalier", "fj"]],
  ["ani-optique", "ANI optique (contrat collectif obligatoire, D911-1)", ["ani optique", "optique ani", "d911 1 optique", "optique d911 1", "optique collectif", "optique collective", "collectif optique", "optique contrat collectif", "optique collectif obligatoire"]],
  ["ani-dentaire", "ANI dentaire (contrat collectif obligatoire, D911-1)", ["ani dentaire", "dentaire ani", "d911 1 dentaire", "dentaire d911 1", "dentaire collectif", "collectif dentaire", "ani prothese", "ani protheses", "ani prothese dentaire", "ani protheses dentaires", "dentaire collectif obligatoire"]],
];

const PAR_SYNONYME: ReadonlyMap<string, PosteResponsable> = new Map(POSTES.flatMap(([code, , syn]) => [[code.replace(/-/g, " "), code] as const, ...syn.map((s) => [s, code] as const)]));

/** « Optique », « aides auditives », « non-OPTAM », « forfait journalier », « ANI optique »… → the poste code. */
export function posteDepuisTexte(s: string): PosteResponsable {
  if (typeof s === "string") {
    const n = normaliserMotCle(s.replace(/%/g, " ")).replace(/\s+/g, " ").trim();
    const p = PAR_SYNONYME.get(n);
    if (p !== undefined) return p;
  }
  throw argumentInvalide(
    `Poste inconnu : « ${String(s)} » — postes connus : ${POSTES.map(([, l]) => l).join(", ")}.`,
  );
}

// ---------------------------------------------------------------------------------------------------------

function categorieOptique(categorie: string | number | undefined, p: PosteResponsable): CategorieOptique {
  if (categorie === undefined || categorie === "" || typeof categorie !== "string") {
    throw argumentInvalide(
      `Catégorie d'équipement ${categorie === undefined || categorie === "" ? "manquante" : `invalide (« ${String(categorie)} »)`} pour le poste « ${p} » — ` +
        `une catégorie de « a » à « f » ou les types de verres (« simple », « complexe », « très complexe »…) est attendue.`,
    );
  }
  return categorieDepuisTexte(categorie);
}

function classeAudio(categorie: string | number | undefined): "I" | "II" {
  if (categorie === undefined || categorie === "") return "II";
  const n = normaliserMotCle(String(categorie)).replace(/^classe /, "");
  if (n === "i" || n === "1" || n === "100 sante" || n === "100% sante") return "I";
  if (n === "ii" || n === "2") return "II";
  throw argumentInvalide(`Classe d'aide auditive inconnue : « ${String(categorie)} » — « I » (100 % Santé) ou « II » est attendue.`);
}

/** The age from which the adult audio tariff applies (audio.age_seuil). */
function ageAudio(date: Jour): number {
  return parametres.entier("audio.age_seuil", date);
}

/** Class I PLV bracket: « adulte » (default), « moins de 20 ans » / « enfant » / « aveugle », or an age. */
function estMoinsDe20(categorie: string | number | undefined, date: Jour): boolean {
  if (categorie === undefined || categorie === "") return false;
  const seuil = parametres.entier("audio.age_seuil", date);
  if (typeof categorie === "number") {
    if (!Number.isFinite(categorie) || categorie < 0 || categorie > 150) {
      throw argumentInvalide(`Âge invalide : ${String(categorie)} — un âge entre 0 et 150 ans est attendu.`);
    }
    return categorie < seuil;
  }
  const n = normaliserMotCle(categorie);
  if (/^(adulte|adultes|20 ans et plus|plus de 20 ans)$/.test(n)) return false;
  if (/^(enfant|enfants|moins de 20 ans|moins 20 ans|aveugle|cecite|mineur)$/.test(n)) return true;
  if (/^\d+$/.test(n)) return estMoinsDe20(Number(n), date);
  throw argumentInvalide(`Catégorie d'aide auditive inconnue : « ${categorie} » — « adulte », « moins de 20 ans » ou un âge est attendu.`);
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
