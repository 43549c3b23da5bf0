import type { Jour } from "../dates";
import type { CodePoste, IdRegle } from "../postes";

/**
 * What the contrat-responsable validator reports (docs/verification.md): findings tied to a grid cell
 * and an article of law. Severity (docs/verification.md, « Gravités »): a rule read in the law and not marked ⚠ is an
 * `erreur`; a ⚠ rule, or a case the validator cannot decide (unreadable cell, forfait that depends on the BR…), is
 * an `alerte`; `info` is worth knowing and has no bearing on compliance.
 */
export type Gravite = "erreur" | "alerte" | "info";

/**
 * The rule a finding comes from: a contrat-responsable rule id (tied to its article, postes/types.ts IDS_REGLES),
 * or "lecture" for what the import could not read (unreadable cell, unknown label…): the grid could not be
 * checked there.
 */
export type RegleConstat = IdRegle | "lecture";

export interface Constat {
  readonly regle: RegleConstat;
  readonly gravite: Gravite;
  /** French, for the auditor: what is wrong and what the law requires, with the figures. */
  readonly message: string;
  /** Legal reference (« R871-2 2° CSS (LEGIARTI000052861614) »); for "lecture", the import's own explanation. */
  readonly reference: string;
  /** The catalogue poste of the line; null for an unrecognised line or a finding about the whole grid. */
  readonly poste: CodePoste | null;
  /** The printed label of the line; absent for a finding about the whole grid. */
  readonly libelle?: string;
  /** The level (column) name; absent when the finding is about the line or the grid as a whole. */
  readonly niveau?: string;
  /** The printed value of the cell, as read. */
  readonly valeur?: string;
  /** 1-based sheet row of the line. */
  readonly ligne?: number;
  /** A1 address of the cell (or of the label when the finding is about the line), with the sheet when known. */
  readonly adresse?: string;
}

export interface OptionsVerification {
  /**
   * The contract's subscription or renewal date: it selects the responsible regime (docs/modele-de-calcul.md §8) and the dated
   * values (forfait journalier, PMSS). Default: the grid's printed date of effect, else `aujourdhui`.
   */
  readonly date?: Jour;
  /** Today's date, for the default (injected so results are reproducible). Default: the system date. */
  readonly aujourdhui?: Jour;
}

export interface RapportVerification {
  /** The grid's name. */
  readonly grille: string;
  /** The date the rules were applied at, and where it came from. */
  readonly date: Jour;
  readonly origineDate: "option" | "grille" | "aujourdhui";
  /** Findings in grid order (grid-level findings first), then by level. */
  readonly constats: readonly Constat[];
  readonly erreurs: number;
  readonly alertes: number;
  readonly infos: number;
  /** No `erreur`: nothing found that breaks a rule (alertes may still need a human look). */
  readonly conforme: boolean;
}
