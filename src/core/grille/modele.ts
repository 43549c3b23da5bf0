import type { Jour } from "../dates";
import type { RembError } from "../errors";
import type { Garantie } from "../garantie";
import type { CodePoste, Section } from "../postes";
import type { Corrections } from "./corrections";
import type { Note } from "./renvois";

/**
 * The grid model (docs/format-grille.md): one row per poste, one column per level. Every import
 * (2-D array, CSV, XLSX, JSON) produces this, and the contrat-responsable validator reads only this.
 *
 * Invariants, relied upon by the validator:
 * - `niveaux` names are unique; `ligne.cellules[i]` is the cell of `grille.niveaux[i]` (same order, same length);
 * - a cell holds exactly one of `garantie` / `erreur`; a cell that does not parse keeps its text and error and
 *   the rest of the grid stays usable;
 * - every problem met while importing is in `grille.alertes` exactly once (cell parse errors included), with
 *   the row, level and A1 address when known: the validator may turn them into findings without rescanning.
 */
export interface Grille {
  readonly nom: string;
  /** Effective date printed on the grid or given by the caller (selects the responsible-contract regime). */
  readonly dateEffet?: Jour;
  /**
   * The printed text the date of effect was read from (« Date d'effet : 01/01/2026 », « Garanties au 01/01/2025 »,
   * « Édition 03/2026 »), when it was read from the grid rather than given.
   */
  readonly texteDateEffet?: string;
  /** The grid claims to be a « contrat responsable » (caller option or JSON field); unknown when absent. */
  readonly responsable?: boolean;
  /** Mandatory collective contract (D911-1 floors apply); unknown when absent. */
  readonly collectif?: boolean;
  readonly niveaux: readonly Niveau[];
  readonly lignes: readonly Ligne[];
  /** Footnotes and glossary printed with the table (« (2) Hors EHPAD. »), which lines and cells refer to by mark. */
  readonly notes?: readonly Note[];
  readonly source: SourceGrille;
  readonly alertes: readonly AlerteImport[];
}

/**
 * Kind of column. "niveau": a stand-alone level (Niveau 1…n, Formule Confort…); "base": the socle of a layered
 * contract; "option" / "surcomplementaire": layered over a base (docs/modele-de-calcul.md §6).
 */
export type TypeNiveau = "niveau" | "base" | "option" | "surcomplementaire";

/** Réseau de soins variant of a level (docs/modele-de-calcul.md §13): the two columns of one level differ only by the provider. */
export type VarianteReseau = "reseau" | "hors-reseau";

/**
 * How an option / surcomplémentaire column relates to the level it includes (docs/modele-de-calcul.md §6):
 * SOCLE_INCLUS: the printed value is the total AMO + socle + option; SOCLE_EN_SUS: it comes on top of the socle.
 */
export type ConventionSocle = "SOCLE_INCLUS" | "SOCLE_EN_SUS";

export interface Niveau {
  /** Unique in the grid: « Niveau 2 », « Option 1 », « Niveau 2 — hors réseau ». */
  readonly nom: string;
  /** 1-based order among the grid's levels, left to right. */
  readonly rang: number;
  readonly type: TypeNiveau;
  readonly variante?: VarianteReseau;
  /** For réseau variants: the name shared by the réseau and hors-réseau columns of one level (« Niveau 2 »). */
  readonly famille?: string;
  /** Name of the level this column includes or completes (« Option 1 = Base + … » → "Base"). */
  readonly inclutNiveau?: string;
  /** Present when `inclutNiveau` is. */
  readonly convention?: ConventionSocle;
  /** The header stated the convention; false when it is the default (then an alert says so). */
  readonly conventionExplicite?: boolean;
  /** 0-based column of the level in the source table (for JSON grids: its index in `niveaux`). */
  readonly colonne: number;
  /** The printed header, header rows joined with « / ». */
  readonly entete: string;
  /** No header names the column (« Colonne C »): its findings are alertes, never erreurs. */
  readonly sansNom?: true;
  /** The header says the level is « non responsable » (or it totals one that is): its findings are information. */
  readonly nonResponsable?: true;
  /**
   * « Signataires DPTM | Non signataires DPTM » columns: the level is one sector's cover of doctors' acts; an empty
   * cell of the non-OPTAM column repeats the other one (lines printed once for every doctor).
   */
  readonly secteur?: "OPTAM" | "NON-OPTAM";
  /** A1 address of the header cell, with the sheet name when known. */
  readonly adresse?: string;
}

/** How a number found in a guarantee cell was read (Excel holds « 150 % » as 1.5 and « 100 € » as 100). */
export interface LectureNombre {
  readonly valeur: number;
  readonly comme: "pourcentage-br" | "euros" | "neant";
  /**
   * Which rule of docs/format-grille.md decided: the cell's % or currency format, the unit declared by the caller
   * or a header, or (no format, no declaration) the poste and the size of the number.
   */
  readonly regle: "format-pourcentage" | "format-monetaire" | "unite-declaree" | "zero" | "petit-multiple-br" | "grand-pourcentage-br" | "euros-poste";
  /** Another reading was plausible: an alert was raised (code NOMBRE_AMBIGU). */
  readonly ambigu: boolean;
}

interface CelluleCommune {
  /** Name of the level (`Niveau.nom`). */
  readonly niveau: string;
  /** The printed text (control characters removed, huge texts cut); numbers are shown in French (1,5 / 100). */
  readonly texte: string;
  /** A1 address with the sheet name when known (« 'Tableau 2026'!C14 »). */
  readonly adresse?: string;
  /** Present when the source value was a number. */
  readonly lecture?: LectureNombre;
  /** The user corrected the reading: this text was read instead of the printed one (`texte`). */
  readonly correction?: string;
  /** Footnote marks printed in the cell (« 100 € (9) » → « 9 »); their texts are in `Grille.notes`. */
  readonly renvois?: readonly string[];
  /**
   * The level has no value on this line: its column holds part of the label (a correction band) or the line belongs
   * to a sub-table that does not print the level. Nothing to check.
   */
  readonly sansObjet?: true;
}

/** A guarantee cell: parsed (`garantie`) or not (`erreur`, the RembError of the parser), never both. */
export type Cellule = CelluleCommune &
  ({ readonly garantie: Garantie; readonly erreur?: undefined } | { readonly garantie?: undefined; readonly erreur: RembError });

/** How the line's poste was found. */
export interface ReconnaissanceLigne {
  /** "libelle": recognised from the printed label; "fournie": given by the JSON grid or a user correction. */
  readonly origine: "libelle" | "fournie";
  /** 0..1 (1 when given). */
  readonly confiance: number;
  /** French explanation. */
  readonly raison: string;
  /** Other postes that explain the label as well. */
  readonly ambigu?: readonly CodePoste[];
}

export interface Ligne {
  /** The catalogue poste, or null for a label nothing in the catalogue matches (kept, and reported in alertes). */
  readonly poste: CodePoste | null;
  /**
   * The line states an attribute of the contract or a service (« Tiers payant : Oui », « Réseau Kalixia »,
   * « Assistance »), not a care: kept and shown, never checked. Its poste is null.
   */
  readonly attribut?: true;
  readonly reconnaissance: ReconnaissanceLigne;
  /** The printed label (several label columns joined with « — »). */
  readonly libelle: string;
  /** Section of the line (the poste's, else the current section row's). */
  readonly section: Section | null;
  /** The sub-heading row above the line, when there is one (« Honoraires médicaux » above « Adhérents DPTAM »). */
  readonly intertitre?: string;
  /** Footnote marks printed after the label (« Forfait journalier (2) » → « 2 »); their texts are in `Grille.notes`. */
  readonly renvois?: readonly string[];
  /** The sub-table's column variant this line reads (« Adulte », « Enfant (− 16 ans) »). */
  readonly variante?: string;
  /**
   * The line completes the one above (« Bonus fidélité : après 2 ans la garantie passe à », « Forfait supplémentaire »):
   * its poste is that line's, given here by its row number. What it prints adds to that line, so it is not judged alone.
   */
  readonly complete?: number;
  /**
   * The line prints another case of the line of this row (« Etablissements non conventionnés : 80 % des frais réels »
   * under the conventionné case): the same care, read and checked, its shortfalls given as alertes.
   */
  readonly casDe?: number;
  /** The correction band of a per-lens optical line (« Sphère de − 6 à + 6 »), when printed in a value column. */
  readonly bande?: string;
  /** 1-based row number in the sheet (the origin option applied); for JSON grids, 1-based index in `lignes`. */
  readonly ligne: number;
  /** A1 address of the label cell, when known. */
  readonly adresse?: string;
  /** One cell per level, in the order of `Grille.niveaux`. */
  readonly cellules: readonly Cellule[];
}

export type CodeAlerteImport =
  /** No poste matches the label: the line is kept with poste null. */
  | "LIBELLE_INCONNU"
  /** A poste was chosen with a low confidence or among equals: worth a look. */
  | "RECONNAISSANCE_INCERTAINE"
  /** A row has values but no label. */
  | "LIBELLE_VIDE"
  /** The cell does not parse as a guarantee (message of the parser). */
  | "GARANTIE_ILLISIBLE"
  /** A number without format could be a percentage of the BR or euros. */
  | "NOMBRE_AMBIGU"
  /** An Excel error value (#N/A, #REF!…) or a date where a guarantee is expected. */
  | "VALEUR_INATTENDUE"
  /** A column that is not a level (taux Sécu, commentaires…) was set aside. */
  | "COLONNE_IGNOREE"
  /** An option column does not say whether it includes the base: the default convention was applied. */
  | "CONVENTION_SOCLE_IMPLICITE"
  /** The grid, a level or a note says the amounts come on top of the RO (« en complément de la sécurité sociale »). */
  | "CONVENTION_RO"
  /** « + 50 € » in a column read as including the base: the « + » suggests an amount on top of it (ambiguous). */
  | "PLUS_DANS_UN_TOTAL"
  /** A care line prints no value (a cell merged with the line above, or nothing printed): kept, not checked. */
  | "LIGNE_SANS_VALEUR"
  /** A cell or a row prints several cases (établissement conventionné or not, adult or child): one is checked. */
  | "SOUS_CAS"
  /** A column holds guarantees under no header name: read as « Colonne C ». */
  | "COLONNE_SANS_NOM"
  /** A text starting like a spreadsheet formula (=, +, -, @ followed by a call or a pipe): kept as text only. */
  | "FORMULE_SUSPECTE"
  /** A huge text was cut. */
  | "TEXTE_TRONQUE"
  /** Control or invisible characters were removed. */
  | "CARACTERES_SUPPRIMES"
  /** Two lines of the grid have the same poste. */
  | "POSTE_EN_DOUBLE";

export interface AlerteImport {
  readonly code: CodeAlerteImport;
  /** "alerte": the validator cannot decide for this cell/line; "info": worth knowing, no effect on compliance. */
  readonly gravite: "alerte" | "info";
  /** French message for the report. */
  readonly message: string;
  /** 1-based sheet row (as `Ligne.ligne`). */
  readonly ligne?: number;
  readonly niveau?: string;
  readonly adresse?: string;
}

export interface SourceGrille {
  readonly format: "tableau" | "csv" | "xlsx" | "json";
  /** Sheet name (XLSX, or the origin option). */
  readonly feuille?: string;
  /** CSV: the encoding found by decoding. */
  readonly encodage?: "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
  /** CSV: the separator found. */
  readonly separateur?: ";" | "," | "\t";
  /** 1-based sheet rows of the header (one or two rows). */
  readonly lignesEntete?: readonly number[];
}

/** Options of every import. */
export interface OptionsImport {
  /** Grid name (default: from the title rows, else the sheet name, else « Grille »). */
  readonly nom?: string;
  /**
   * Where `cellules[0][0]` sits in the workbook, so addresses are real A1 addresses: « 'Feuil 1'!B3 », « B3 », or
   * { feuille, ligne, colonne } (1-based). Default: A1 of an unnamed sheet.
   */
  readonly origine?: string | { readonly feuille?: string; readonly ligne?: number; readonly colonne?: number };
  /** Effective date (Jour or « AAAA-MM-JJ »); otherwise read from a « Date d'effet » title row when printed. */
  readonly dateEffet?: Jour | string;
  readonly responsable?: boolean;
  readonly collectif?: boolean;
  /** Number formats aligned with `cellules` (Office JS `range.numberFormat`, exceljs `cell.numFmt`). */
  readonly formats?: readonly (readonly (string | null | undefined)[] | undefined)[];
  /**
   * How to read numbers that have no % or currency format: "auto" (default, docs/format-grille.md), or the unit
   * the grid is written in: "pourcentage" (150 = 150 % BR), "multiple" (1.5 = 150 % BR), "euros".
   */
  readonly nombres?: "auto" | "pourcentage" | "multiple" | "euros";
  /** Convention of option / surcomplémentaire columns whose header does not state it (default SOCLE_INCLUS). */
  readonly conventionSocle?: ConventionSocle;
  /** What the user corrected in the reading (postes by row or label, cell readings): see corrections.ts. */
  readonly corrections?: Corrections;
}
