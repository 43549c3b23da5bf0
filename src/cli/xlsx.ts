import ExcelJS from "exceljs";
import { RembError, estRembError } from "../core/errors";
import type { Grille, OptionsImport } from "../core/grille";
import { entierFr, LIMITES, tailleFr } from "../core/grille/limites";
import { importerTableau } from "../core/grille/tableau";
import { archivePourExceljs, OCTETS_CLASSEUR_MAX } from "./archive";

/**
 * XLSX → 2-D arrays (one per sheet), the way Office.js `range.values` gives them, so that a file and a live
 * workbook import identically: numbers stay numbers (with their number format alongside, so « 150 % » is read
 * as 1.5 with a % format), dates become Excel serial numbers (1900 system) with their date format, formulas give
 * their cached result, rich text and hyperlinks give their text, error values give « #N/A »…, and every cell of
 * a merged range holds the merge's value. Outside src/core because exceljs needs Node.
 */
export interface FeuilleXlsx {
  readonly nom: string;
  /** Values from the top-left cell of the used range (`origine`). */
  readonly cellules: unknown[][];
  /** Number formats aligned with `cellules` (undefined for « General »). */
  readonly formats: (string | undefined)[][];
  /** 1-based row and column of cellules[0][0], with the sheet name: real A1 addresses in the findings. */
  readonly origine: { readonly feuille: string; readonly ligne: number; readonly colonne: number };
  /** Merged ranges found (filled in `cellules`). */
  readonly fusions: number;
  /** Why the sheet cannot be a grid, to follow its name (« trop grande : … »; its cells are then empty). */
  readonly probleme?: string;
}

const JOUR_MS = 86_400_000;
/** Excel serial of 1970-01-01 in the 1900 date system. */
const SERIE_EPOQUE = 25569;

/**
 * The sheets of a workbook. The archive is checked and reduced to the parts holding values first (archive.ts): exceljs
 * never sees a part larger than the limits, a picture, a macro or a drawing. A sheet that cannot be a grid (too many
 * rows or columns) comes back with its `probleme` rather than stopping the other sheets.
 */
export async function lireXlsx(octets: Uint8Array | ArrayBuffer): Promise<FeuilleXlsx[]> {
  const o = octets instanceof Uint8Array ? octets : new Uint8Array(octets);
  if (o.length === 0) throw new RembError("ARGUMENT_INVALIDE", "Fichier vide : aucun octet à lire.");
  if (o.length > OCTETS_CLASSEUR_MAX) {
    throw new RembError(
      "ARGUMENT_INVALIDE",
      `Classeur trop gros (${tailleFr(o.length)}) : au plus ${tailleFr(OCTETS_CLASSEUR_MAX)} pour un classeur de garanties, qui fait d'ordinaire quelques dizaines de Ko.`,
    );
  }
  if (o[0] === 0xd0 && o[1] === 0xcf && o[2] === 0x11 && o[3] === 0xe0) {
    throw new RembError(
      "ARGUMENT_INVALIDE",
      "Classeur protégé par mot de passe, ou ancien classeur Excel (.xls) : enregistrez-le sans mot de passe au format .xlsx, ou en CSV.",
    );
  }
  if (!(o[0] === 0x50 && o[1] === 0x4b)) {
    throw new RembError(
      "ARGUMENT_INVALIDE",
      "Ce fichier n'est pas un classeur XLSX (archive ZIP attendue) : un tableau de garanties CSV, XLSX ou JSON est attendu.",
    );
  }
  const archive = archivePourExceljs(o);
  const classeur = new ExcelJS.Workbook();
  try {
    await classeur.xlsx.load(archive as unknown as ArrayBuffer);
  } catch (e) {
    // exceljs's messages are English and name its internals: the user gets what to do, REMB_DEBUG the cause.
    throw Object.assign(
      new RembError(
        "ARGUMENT_INVALIDE",
        "Classeur XLSX illisible : sa structure interne n'est pas celle d'un classeur Excel valide. Ouvrez-le dans Excel et réenregistrez-le, ou exportez la feuille en CSV.",
      ),
      { cause: e },
    );
  }
  const feuilles: FeuilleXlsx[] = [];
  classeur.eachSheet((ws) => feuilles.push(lireFeuille(ws)));
  if (feuilles.length === 0) throw new RembError("ARGUMENT_INVALIDE", "Classeur XLSX sans feuille.");
  return feuilles;
}

function lireFeuille(ws: ExcelJS.Worksheet): FeuilleXlsx {
  let haut = Infinity;
  let gauche = Infinity;
  let bas = 0;
  let droite = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (valeur(cell) === null) return;
      if (r < haut) haut = r;
      if (r > bas) bas = r;
      if (c < gauche) gauche = c;
      if (c > droite) droite = c;
    });
  });
  const merges = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {});
  if (bas === 0) return { nom: ws.name, cellules: [], formats: [], origine: { feuille: ws.name, ligne: 1, colonne: 1 }, fusions: merges.length };
  for (const m of merges) {
    // A merge starting inside the used range extends it (its slaves hold the master's value).
    if (m.top >= haut && m.top <= bas && m.left >= gauche && m.left <= droite) {
      if (m.bottom > bas) bas = m.bottom;
      if (m.right > droite) droite = m.right;
    }
  }
  // The used range is built as arrays: refused before, with where it ends (a stray cell far below the table).
  const probleme =
    bas - haut + 1 > LIMITES.lignes
      ? `${entierFr(bas - haut + 1)} lignes utilisées, de la ligne ${entierFr(haut)} à la ligne ${entierFr(bas)} (au plus ${entierFr(LIMITES.lignes)}). ` +
        `Un tableau de garanties compte quelques centaines de lignes ; si celui-ci est plus court, effacez ce qui est rempli loin en dessous (ligne ${entierFr(bas)}).`
      : droite - gauche + 1 > LIMITES.colonnes
        ? `${entierFr(droite - gauche + 1)} colonnes utilisées (au plus ${LIMITES.colonnes}). Un tableau de garanties a une colonne de libellés et une colonne par niveau ; effacez ce qui est rempli loin à droite.`
        : undefined;
  if (probleme !== undefined)
    return {
      nom: ws.name,
      cellules: [],
      formats: [],
      origine: { feuille: ws.name, ligne: haut, colonne: gauche },
      fusions: merges.length,
      probleme: `trop grande : ${probleme}`,
    };
  const cellules: unknown[][] = [];
  const formats: (string | undefined)[][] = [];
  for (let r = haut; r <= bas; r++) {
    const row = ws.getRow(r);
    const valeurs: unknown[] = [];
    const fmts: (string | undefined)[] = [];
    for (let c = gauche; c <= droite; c++) {
      // Merged cells read their master's value (exceljs does it for .value; the format is the master's too).
      const cell = row.getCell(c).master;
      const v = valeur(cell);
      valeurs.push(v);
      const f = cell.numFmt;
      fmts.push(typeof f === "string" && f !== "" && f !== "General" ? f : v instanceof Date ? "dd/mm/yyyy" : undefined);
    }
    cellules.push(valeurs.map((v) => (v instanceof Date ? serieExcel(v) : v)));
    formats.push(fmts);
  }
  return { nom: ws.name, cellules, formats, origine: { feuille: ws.name, ligne: haut, colonne: gauche }, fusions: merges.length };
}

/** A cell's value as Office.js would give it (before date conversion). */
function valeur(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((x) => (typeof x.text === "string" ? x.text : "")).join("");
    if ("formula" in o || "sharedFormula" in o) {
      const res = o.result;
      if (res === undefined || res === null) return null;
      if (typeof res === "object" && !(res instanceof Date)) {
        const e = res as { error?: unknown };
        return typeof e.error === "string" ? e.error : null;
      }
      return res;
    }
    if (typeof o.error === "string") return o.error;
    if (typeof o.text === "string") return o.text;
    if (o.text && typeof o.text === "object" && Array.isArray((o.text as { richText?: unknown }).richText)) {
      return (o.text as { richText: { text?: unknown }[] }).richText.map((x) => (typeof x.text === "string" ? x.text : "")).join("");
    }
  }
  return String(v);
}

/** exceljs gives dates as UTC midnights of the 1900 system: back to the serial number Excel holds. */
function serieExcel(d: Date): number {
  return d.getTime() / JOUR_MS + SERIE_EPOQUE;
}

/**
 * The grid of a workbook: the named sheet, or the first sheet that reads as a grid. When no sheet does, the
 * error of the first non-empty sheet is thrown, prefixed with its name.
 */
export async function grilleDepuisXlsx(octets: Uint8Array | ArrayBuffer, options: OptionsImport & { readonly feuille?: string } = {}): Promise<Grille> {
  const feuilles = await lireXlsx(octets);
  const { feuille, ...reste } = options;
  const candidates = feuille !== undefined ? feuilles.filter((f) => f.nom === feuille) : feuilles;
  if (feuille !== undefined && candidates.length === 0) {
    throw new RembError("ARGUMENT_INVALIDE", `Feuille « ${feuille} » absente du classeur (feuilles : ${feuilles.map((f) => f.nom).join(", ")}).`);
  }
  let premiere: RembError | undefined;
  for (const f of candidates) {
    if (f.probleme !== undefined) {
      premiere ??= new RembError("ARGUMENT_INVALIDE", `Feuille « ${f.nom} » ${f.probleme}`);
      continue;
    }
    if (f.cellules.length === 0) continue;
    try {
      return importerTableau(f.cellules, { ...reste, origine: f.origine, formats: f.formats }, { format: "xlsx", feuille: f.nom });
    } catch (e) {
      if (!estRembError(e)) throw e;
      premiere ??= new RembError(e.code, `Feuille « ${f.nom} » : ${e.message}`);
    }
  }
  throw premiere ?? new RembError("ARGUMENT_INVALIDE", "Classeur vide : aucune feuille ne contient de cellule renseignée.");
}
