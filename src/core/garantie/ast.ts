import type { Cents, Taux } from "../money";

/**
 * The typed AST of a guarantee cell (docs/langage-garanties.md).
 * A cell is a total « Sécu incluse » (RO included) unless it says otherwise (en sus du RO, hors RO, + RO).
 */

/** What a percentage applies to. TM = BR − RO brut; PLV/HLF come from the calculator's context. */
export type BaseTaux = "BR" | "TM" | "FR" | "PMSS" | "PLV" | "HLF";

/**
 * The unit a term or a count is expressed per. Per-unit periods (acte, consultation, jour, nuit, seance) multiply
 * amounts and shares of the PMSS by the number of units in the evaluation context (a share of the line's BR or FR
 * is already the line's total); the others (an, beneficiaire, equipement…) apply once per line. See
 * vocabulaire.ts `UNITES` for the properties of each unit.
 */
export type UniteTemps =
  | "acte"
  | "consultation"
  | "jour"
  | "nuit"
  | "seance"
  | "an"
  | "semestre"
  | "trimestre"
  | "mois"
  | "beneficiaire"
  | "equipement"
  | "oreille"
  | "aide"
  | "verre"
  | "dent"
  | "sejour"
  | "cure"
  | "oeil"
  | "implant"
  | "appareil"
  | "enfant"
  | "naissance"
  | "monture";

export interface Periode {
  /** "/ 2 ans" → 2; "/ an" → 1 (a whole number ≥ 1). */
  readonly nombre: number;
  readonly unite: UniteTemps;
  /**
   * « / an / bénéficiaire », « par an et par bénéficiaire »: the envelope is counted per beneficiary. Present
   * only when true, and never with unite "beneficiaire" (« / bénéficiaire » alone is that unit).
   */
  readonly beneficiaire?: true;
  /**
   * « 200 € / œil / an », « 400 € par an et par oreille »: an amount per item (`unite`, an item a line holds once)
   * within a yearly (or other) envelope: the envelope, not a count of items (« / équipement tous les 2 ans » is a
   * count, `Formule.nombreMax`). Present only on an item unit.
   */
  readonly duree?: { readonly nombre: number; readonly unite: UniteTemps };
}

export type Terme =
  /** 150 % BR, 100 % FR (frais réels), 100 % TM (ticket modérateur), 1,5 % PMSS, 100 % PLV, 100 % HLF. */
  | { readonly type: "pourcentage"; readonly taux: Taux; readonly base: BaseTaux }
  /** 50 €, 38,50 €. */
  | { readonly type: "montant"; readonly cents: Cents }
  /** « les plafonds du contrat responsable » / « le plafond réglementaire »: the legal cap of the line. */
  | { readonly type: "plafondLegal" };

export interface TermePeriode {
  readonly terme: Terme;
  readonly periode?: Periode;
}

export type Convention = "RO_INCLUS" | "RO_EN_SUS";

export interface Formule {
  readonly type: "formule";
  /** Summed terms (at least one). */
  readonly termes: readonly TermePeriode[];
  /** « dans la limite de … », « limité à … »: the sum is capped by this sum (same convention as the cell). */
  readonly limite?: readonly TermePeriode[];
  /**
   * « avec un minimum de 175 % BR », « (minimum ticket modérateur) »: the sum is at least this sum (same convention as
   * the cell), before the limit caps it.
   */
  readonly minimum?: readonly TermePeriode[];
  /**
   * « (max 4 / an) », « dans la limite de 4 séances / an », « 1 équipement tous les 2 ans »: at most this many
   * units per period. `unite` is the counted noun when the cell wrote one (« 4 séances »); `par` the item it is
   * counted per when the cell said so (« 1 aide auditive par oreille tous les 4 ans »: unite "aide", par
   * "oreille"; only on a count of items). What a count does to one line's amount is `sorteDuCompte` (compte.ts):
   * - a count of sessions, days… (or without a noun) on a cell with amounts « / séance », « / jour »… bounds the
   *   units of those amounts (« 30 € / séance (max 4 / an) »: 4 sessions paid at most);
   * - a count of days, nights… on a cell made only of shares of the line (« Frais réels (max 90 jours / an) »)
   *   takes the line's value pro rata of the units paid (a 120-day stay: FR × 90 / 120);
   * - a count of equipments, ears, aids, teeth…, or a count without a noun on a cell without any amount per
   *   unit (« 200 € (max 1 / 2 ans) »: one of the line's item per period), is a renewal rule: one line is one
   *   item, so it changes nothing in one line's amount and is kept for the validator.
   */
  readonly nombreMax?: { readonly nombre: number; readonly unite?: UniteTemps; readonly par?: UniteTemps; readonly periode: Periode };
  /**
   * « 420 € dont 100 € monture max »: of the line's amount, the frame is paid at most this much (the lenses take the
   * rest). Only on an optical equipment's cell; evaluated when the context gives the frame's price (`fraisMonture`).
   */
  readonly monture?: Cents;
  /** RO_INCLUS (default) or RO_EN_SUS (the cell is the complementary's part alone). */
  readonly convention: Convention;
  /** The cell said it explicitly (« Sécu incluse », « en sus du RO »…), rather than by default. */
  readonly conventionExplicite: boolean;
}

export type Garantie =
  /** Néant, -, —, Non remboursé, 0, empty: no complementary benefit. */
  | { readonly type: "neant" }
  /** Inclus, Oui: a service, not an amount. The parser sets `texte` to the canonical « Inclus » or « Oui ». */
  | { readonly type: "service"; readonly texte: string }
  /**
   * « Voir tableau ci-dessous », « Grille optique base 2 »: the guarantee is printed in another table or in a separate leaflet.
   * Not an amount; `vers` is what the cell points to, folded (« grille optique base 2 »).
   */
  | { readonly type: "renvoi"; readonly vers: string }
  | Formule;

export const NEANT: Garantie = Object.freeze({ type: "neant" });
