/**
 * The values Excel hands to a custom function and accepts back. Arguments are declared as matrices (any[][]) so
 * that a single cell arrives as [[v]] and a range as rows of cells; an omitted optional argument arrives as null.
 * Empty cells arrive as null or "" depending on the Excel build, so both mean "empty".
 */
export type ValeurCellule = number | string | boolean | null | undefined;

/** One argument as Excel passes it: a matrix for a declared any[][] parameter, null when omitted. */
export type ArgumentExcel = ValeurCellule | readonly (readonly ValeurCellule[])[];

/** What one output cell can hold: a value or an error object (CustomFunctions.Error in Excel). */
export type SortieCellule = number | string | boolean | ErreurCellule;

/** A CustomFunctions.Error, or its stand-in outside Excel: Excel only looks at `code` and `message`. */
export interface ErreurCellule {
  readonly code: string;
  readonly message?: string;
}

/** A spilled result: always rows × columns, even for one cell (Excel shows a 1×1 array as a plain value). */
export type MatriceExcel = SortieCellule[][];

export function estVide(v: ValeurCellule): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * How a wrong value is quoted in a message: « texte », 12,5, VRAI, or a neutral phrase for Excel data types. A long
 * text is quoted by its beginning: Excel shows at most LONGUEUR_MAX_MESSAGE characters, and the part of the message
 * that says what is expected must fit after the quote.
 */
export function decrireValeur(v: unknown): string {
  if (typeof v === "string") return `« ${extrait(v)} »`;
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  if (typeof v === "number") return String(v).replace(".", ",");
  if (v === null || v === undefined) return "une cellule vide";
  return "une valeur d'un type non pris en charge";
}

/** Characters of a text quoted in a message. */
export const EXTRAIT_MAX = 40;

/** The first EXTRAIT_MAX characters of a text (spaces collapsed), « … » when cut. */
export function extrait(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length <= EXTRAIT_MAX ? t : `${t.slice(0, EXTRAIT_MAX - 1).trimEnd()}…`;
}
