/**
 * One raw cell as the sources give it (Office JS `range.values`, exceljs, CSV text, JSON), folded into a few
 * kinds. Hostile content is neutralised here, once: control and invisible characters (bidi overrides, zero-width
 * spaces) are removed, huge texts are cut, and texts that start like a spreadsheet formula are flagged.
 * Nothing is ever evaluated.
 */
/** Quick test before the exact (slower, lookbehind) INVISIBLES replacement: nearly every text passes it. */
const SUSPECTS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB\uD800-\uDFFF]/;

export type ValeurCellule =
  | { readonly type: "vide" }
  | { readonly type: "texte"; readonly texte: string; readonly nettoyage?: Nettoyage }
  | { readonly type: "nombre"; readonly nombre: number }
  | { readonly type: "booleen"; readonly valeur: boolean }
  | { readonly type: "date"; readonly texte: string }
  | { readonly type: "erreur-excel"; readonly texte: string }
  | { readonly type: "inattendu"; readonly texte: string };

/** What cleaning a text did, for the import alerts. */
export interface Nettoyage {
  /** Number of control / invisible characters removed. */
  readonly supprimes: number;
  /** Original length when the text was cut. */
  readonly longueurOrigine?: number;
  /** Starts like a formula (=, @, or +/- followed by a call, a pipe or a sheet reference). */
  readonly formule: boolean;
}

/** Longest text kept from one cell: a guarantee or a label is a line, not a whole text file. */
export const TEXTE_MAX = 1000;

const VIDE: ValeurCellule = Object.freeze({ type: "vide" });
const ERREURS_EXCEL =
  /^#(?:N\/A|NA|VALUE!|VALEUR!|REF!|DIV\/0!|NAME\?|NOM\?|NULL!|NUL!|NUM!|NOMBRE!|SPILL!|PROPAGATION!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/i;
// C0 and C1 controls (tab, CR, LF handled apart), soft hyphen, zero-width and bidi controls, line/paragraph
// separators, word joiners, BOM, interlinear annotation marks, and lone surrogates.
const INVISIBLES =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function valeurCellule(v: unknown): ValeurCellule {
  if (v === null || v === undefined) return VIDE;
  switch (typeof v) {
    case "string":
      return valeurTexte(v);
    case "number":
      return Number.isFinite(v) ? { type: "nombre", nombre: v === 0 ? 0 : v } : { type: "erreur-excel", texte: "#NOMBRE!" };
    case "bigint":
      return Number.isSafeInteger(Number(v)) ? { type: "nombre", nombre: Number(v) } : { type: "inattendu", texte: String(v) };
    case "boolean":
      return { type: "booleen", valeur: v };
    case "object":
      return valeurObjet(v as object);
    default:
      return { type: "inattendu", texte: typeof v };
  }
}

function valeurTexte(s: string): ValeurCellule {
  const trimmed = s.length <= TEXTE_MAX ? s.trim() : s;
  if (trimmed === "") return VIDE;
  if (trimmed.length < 16 && ERREURS_EXCEL.test(trimmed)) return { type: "erreur-excel", texte: trimmed.toUpperCase() };
  const { texte, nettoyage } = nettoyerTexte(s);
  if (texte === "") return VIDE;
  return nettoyage ? { type: "texte", texte, nettoyage } : { type: "texte", texte };
}

/** exceljs-like objects are accepted too (rich text, hyperlinks, formulas with a cached result, errors, dates). */
function valeurObjet(o: object): ValeurCellule {
  if (o instanceof Date) {
    return Number.isNaN(o.getTime()) ? { type: "inattendu", texte: "date invalide" } : { type: "date", texte: o.toISOString().slice(0, 10) };
  }
  const r = o as Record<string, unknown>;
  if (Array.isArray(r.richText)) {
    return valeurTexte(
      r.richText.map((x) => (x && typeof x === "object" && typeof (x as { text?: unknown }).text === "string" ? (x as { text: string }).text : "")).join(""),
    );
  }
  if ("formula" in r || "sharedFormula" in r) return "result" in r ? valeurCellule(r.result) : { type: "inattendu", texte: "formule sans valeur calculée" };
  if (typeof r.error === "string") return { type: "erreur-excel", texte: r.error };
  if (typeof r.text === "string") return valeurTexte(r.text);
  return { type: "inattendu", texte: "objet" };
}

/** Removes invisible characters, turns line breaks and tabs into spaces, trims, cuts beyond TEXTE_MAX. */
export function nettoyerTexte(s: string): { texte: string; nettoyage?: Nettoyage } {
  let longueurOrigine: number | undefined;
  let t = s;
  // Cut first, so a 1 MB cell costs no more than a short one in the regexes below.
  if (t.length > TEXTE_MAX * 4) {
    longueurOrigine = t.length;
    t = t.slice(0, TEXTE_MAX * 4);
  }
  let supprimes = 0;
  if (SUSPECTS.test(t)) {
    t = t.replace(INVISIBLES, () => {
      supprimes++;
      return "";
    });
  }
  if (/[\t\r\n]/.test(t)) t = t.replace(/[\t\r\n]+/g, " ");
  t = t.trim();
  if (t.length > TEXTE_MAX) {
    longueurOrigine ??= s.length;
    t = `${t.slice(0, TEXTE_MAX - 1)}…`;
  }
  const formule = ressembleAFormule(t);
  if (supprimes === 0 && longueurOrigine === undefined && !formule) return { texte: t };
  return { texte: t, nettoyage: { supprimes, formule, ...(longueurOrigine !== undefined ? { longueurOrigine } : {}) } };
}

/** « =cmd|' /C calc'!A0 », « @SUM(1) », « +HYPERLINK(…) », « -2+3+cmd|… »: formula injection attempts. */
export function ressembleAFormule(t: string): boolean {
  if (/^[=@]/.test(t)) return true;
  return /^[+-]/.test(t) && /[(|!]|\bcmd\b/i.test(t);
}

/**
 * A text to be written back into a spreadsheet (report sheets, CSV output) without being run as a formula:
 * a leading =, +, -, @, tab or CR gets a quote prefix (OWASP « CSV injection »), which Excel shows as text.
 */
export function neutraliserPourTableur(texte: string): string {
  return /^[=+\-@\t\r]/.test(texte) ? `'${texte}` : texte;
}

/** French display of a number as Excel would show it without format: 1.5 → « 1,5 ». */
export function nombreFr(x: number): string {
  return String(x).replace(".", ",");
}
