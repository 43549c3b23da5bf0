import type { Cents } from "../money";
import type { Taux } from "../money";
import type { Jour } from "../dates";

/** Units of a parameter (docs/parametres.md, « Lecture »). */
export type Unite = "EUR" | "EUR/day" | "/1" | "×BR" | "count" | "year" | "month" | "day" | "D" | "date" | "boolean";

/**
 * Which date selects the value. "premium" is the due date of the premium: the taxes and the employer share are
 * owed per premium, not per care or per contract signature.
 */
export type BaseDate = "care" | "contract" | "year" | "premium";

/** LAW: consolidated legal text; OFF: official secondary source; SEC: press/insurer; INF: inferred. */
export type Confiance = "LAW" | "OFF" | "SEC" | "INF";

export interface Reference {
  /** Article, text or source, e.g. "R160-19 CSS (LEGIARTI000049158192); décret n° 2024-113 du 16 févr. 2024". */
  readonly texte: string;
  /** Légifrance or source URL when there is one. */
  readonly url?: string;
  /**
   * A Code de la sécurité sociale article the value rests on (« R871-2 »): then `legiarti` (and `legiartiFin`)
   * name its versions, and the reference test checks them against the committed snapshot (textes/css.json).
   */
  readonly article?: string;
  /** Paragraph within the article (« 4° b) »), for display. */
  readonly alinea?: string;
  /** LEGIARTI id of the first version of `article` the value rests on. */
  readonly legiarti?: string;
  /** LEGIARTI id of the last version the value rests on, when the value spans several (all versions in between count). */
  readonly legiartiFin?: string;
  /** Words of the article that state the value (« 1 700 euros »): every cited version whose text the snapshot holds must contain them. */
  readonly extrait?: string;
  /**
   * First day (ISO) the article backs the value, when the value is older than the article (a renumbered predecessor,
   * outside the snapshot, backed it before: another reference of the value names it).
   */
  readonly depuis?: string;
}

/** One dated value as stored in a JSON file. */
export interface ValeurJson {
  /** First day the value applies (ISO). For "(before 2015)" values: the engine's earliest date + debutInconnu. */
  readonly debut: string;
  /** Amounts and rates as decimal text with a point ("2.00", "0.1327"); counts as integers; null = ended. */
  readonly valeur: string | number | boolean | null;
  /** The main reference, shown in DETAIL and messages. */
  readonly reference: Reference;
  /** Further references for the same value (other texts, official pages), shown in docs/parametres.md. */
  readonly autresReferences?: readonly Reference[];
  readonly confiance: Confiance;
  /** ⚠ in docs/parametres.md: unconfirmed value or disagreeing sources; `note` then says why. */
  readonly incertain?: boolean;
  /** The real start date was not researched; `debut` is only a date by which the value applied. */
  readonly debutInconnu?: boolean;
  /** "annonce": announced, not published: ignored unless the caller opts in. */
  readonly statut?: "annonce";
  readonly note?: string;
}

export interface ParametreJson {
  /** Dotted name, OpenFisca style: "pf.montant", "optique.classe_b.plafond.a". */
  readonly nom: string;
  readonly unite: Unite;
  readonly base: BaseDate;
  /** French, for users (REMB.PARAM, task pane). */
  readonly description: string;
  /** Date of the last check of this parameter's values against their sources (ISO); the file's date otherwise. */
  readonly verifieLe?: string;
  readonly valeurs: readonly ValeurJson[];
}

export interface FichierParametres {
  /** Topic of the file, French. */
  readonly sujet: string;
  /** Date of the last check of the values against their sources (ISO). */
  readonly verifieLe: string;
  readonly parametres: readonly ParametreJson[];
}

/** A value ready for computation: cents for EUR, exact Taux for rates, integers, booleans, Jour for dates. */
export type Valeur = Cents | Taux | boolean | Jour | number;

export interface ValeurDatee {
  readonly debut: Jour;
  /** null: the parameter no longer exists from `debut`. */
  readonly valeur: Valeur | null;
  /** The raw JSON value, for display. */
  readonly brute: string | number | boolean | null;
  readonly reference: Reference;
  /** Every reference of the value, the main one first. */
  readonly references: readonly Reference[];
  readonly confiance: Confiance;
  readonly incertain: boolean;
  readonly debutInconnu: boolean;
  readonly annonce: boolean;
  readonly note?: string;
}

export interface Parametre {
  readonly nom: string;
  readonly unite: Unite;
  readonly base: BaseDate;
  readonly description: string;
  readonly valeurs: readonly ValeurDatee[];
  /** The file it comes from (for messages and audits). */
  readonly source: string;
  /** Date of the last check against the sources (ISO). */
  readonly verifieLe: string;
}

export interface OptionsRecherche {
  /** Use announced-but-unpublished values (statut "annonce"). Off by default. */
  readonly inclureAnnonces?: boolean;
}
