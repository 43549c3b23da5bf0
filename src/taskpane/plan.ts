import type { Zone } from "./a1";

/**
 * A sheet to write, as data: what the report and the normalised grid builders produce (pure, tested in Node) and
 * what excel-io.ts writes in one batch. Table names in formulas are written « {{Constats}} »: the writer replaces them
 * by the name the table really got (table names are unique in a workbook, so a second report gets « Constats_2 »).
 */
export type ValeurPlan = string | number | boolean | { readonly formule: string };

export interface TableauPlan {
  /** Wished name (letters, digits, _), made unique in the workbook. */
  readonly nom: string;
  /** Header row included, 0-based on the sheet. */
  readonly zone: Zone;
  readonly style?: string;
}

export interface FormatPlan {
  readonly zone: Zone;
  readonly gras?: boolean;
  /** Fill colour, « #RRGGBB ». */
  readonly fond?: string;
  readonly couleur?: string;
  readonly retour?: boolean;
  /** Invariant number format code (« dd/mm/yyyy », « 0 »). */
  readonly nombre?: string;
}

export interface LienPlan {
  readonly ligne: number;
  readonly colonne: number;
  readonly texte: string;
  /** A web address (Légifrance). */
  readonly url?: string;
  /** A place in the workbook (« 'Tableau 2026'!C14 »). */
  readonly document?: string;
  readonly infobulle?: string;
}

export interface PlanFeuille {
  /** Wished name (≤ 31 characters, no : \ / ? * [ ]); « (2) », « (3) »… is added when a sheet has it. */
  readonly nom: string;
  /** From A1: a row may be shorter than the widest (padded with empty cells). */
  readonly lignes: readonly (readonly ValeurPlan[])[];
  /** Column widths in points. */
  readonly largeurs?: readonly number[];
  readonly tableaux?: readonly TableauPlan[];
  readonly formats?: readonly FormatPlan[];
  readonly liens?: readonly LienPlan[];
  /** In-cell drop-down lists (data validation). */
  readonly listes?: readonly { readonly zone: Zone; readonly valeurs: readonly string[] }[];
  readonly impression?: {
    readonly paysage: boolean;
    /** Rows repeated on each printed page, « $12:$12 ». */
    readonly lignesTitres?: string;
    /** Centre footer, Excel codes allowed (&P page, &N pages). */
    readonly pied?: string;
  };
  /** Rows kept in view when scrolling. */
  readonly figer?: number;
  readonly couleurOnglet?: string;
  /** Ranges given a green-yellow-red colour scale (conditional format, ExcelApi 1.6): the comparison's RAC columns. */
  readonly echelles?: readonly Zone[];
  /** Charts over ranges of the sheet (A1 data range with headers, A1 top-left cell). */
  readonly graphiques?: readonly { readonly type: "barres" | "empilees"; readonly titre: string; readonly donnees: string; readonly position: string }[];
}

/** A valid, unique sheet name from a wish: forbidden characters replaced, cut to 31, « (2) » on clashes. */
export function nomLibre(souhait: string, pris: readonly string[]): string {
  const propre =
    souhait
      .replace(/[:\\/?*[\]]/g, "-")
      .replace(/^'+|'+$/g, "")
      .trim() || "REMB";
  const occupes = new Set(pris.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffixe = i === 1 ? "" : ` (${i})`;
    const nom = propre.slice(0, 31 - suffixe.length).trimEnd() + suffixe;
    if (!occupes.has(nom.toLowerCase())) return nom;
  }
}

/** A unique table name: « Constats », then « Constats_2 »… */
export function nomTableLibre(souhait: string, pris: readonly string[]): string {
  const occupes = new Set(pris.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const nom = i === 1 ? souhait : `${souhait}_${i}`;
    if (!occupes.has(nom.toLowerCase())) return nom;
  }
}
