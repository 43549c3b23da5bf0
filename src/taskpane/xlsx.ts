import { unzipSync } from "fflate";
import { RembError } from "../core/errors";
import type { Fusion } from "../core/grille";
import { lireReference } from "./a1";

/**
 * XLSX → one table per sheet, the way Office.js `range.values` and `numberFormat` give a range, for « Importer un
 * fichier… » in the pane, where exceljs (256 KB gzip in a browser) does not belong: fflate unzips the few parts
 * needed (workbook, relationships, shared strings, styles, sheets) and a small scanner reads SpreadsheetML's cells.
 * Numbers stay numbers with their number format (« 150 % » is 1.5 with a % format), dates are serial numbers with
 * their date format, formulas give their cached result, error values their text (« #N/A »), and merged ranges are
 * returned apart (their value sits in their top-left cell, as in Excel). Loaded as its own chunk, on first use.
 */
export interface FeuilleXlsx {
  readonly nom: string;
  /** 1-based row and column of valeurs[0][0] (the top-left of the used range). */
  readonly ligne: number;
  readonly colonne: number;
  readonly valeurs: unknown[][];
  /** Aligned with `valeurs`; undefined for « General ». */
  readonly formats: (string | undefined)[][];
  /** Merged ranges, relative to `valeurs`. */
  readonly fusions: Fusion[];
  readonly masquee: boolean;
}

const OCTETS_MAX = 50 * 1024 * 1024;
const CELLULES_MAX = 2_000_000;

/**
 * Built-in number formats (ECMA-376 §18.8.30) that matter for reading a grid. The currency ones (5–8, 42, 44) show
 * the currency of the system's locale: « € » on the French machines these grids come from.
 */
const FORMATS_INTEGRES: Readonly<Record<number, string>> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '#,##0 "€";-#,##0 "€"',
  6: '#,##0 "€";[Red]-#,##0 "€"',
  7: '#,##0.00 "€";-#,##0.00 "€"',
  8: '#,##0.00 "€";[Red]-#,##0.00 "€"',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "dd/mm/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "dd/mm/yyyy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  42: '_-* #,##0 "€"_-',
  44: '_-* #,##0.00 "€"_-',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
};

export function lireXlsx(octets: Uint8Array): FeuilleXlsx[] {
  if (octets.length === 0) throw invalide("Fichier vide : aucun octet à lire.");
  if (octets.length > OCTETS_MAX)
    throw invalide(`Classeur trop gros (${Math.round(octets.length / 1048576)} Mo) : un tableau de garanties fait au plus quelques Mo.`);
  if (!(octets[0] === 0x50 && octets[1] === 0x4b)) {
    throw invalide("Ce fichier n'est pas un classeur XLSX (archive ZIP attendue). Un classeur XLS (Excel 97-2003) s'enregistre en XLSX depuis Excel.");
  }
  let parties: Record<string, Uint8Array>;
  try {
    parties = unzipSync(octets, {
      filter: (f) => /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/i.test(f.name),
    });
  } catch (e) {
    throw invalide(`Classeur XLSX illisible (archive abîmée : ${(e as Error).message}).`);
  }
  const texte = (nom: string): string | undefined => {
    const cle = Object.keys(parties).find((k) => k.toLowerCase() === nom.toLowerCase());
    return cle === undefined ? undefined : sansPrefixes(new TextDecoder("utf-8").decode(parties[cle]));
  };
  const classeur = texte("xl/workbook.xml");
  if (classeur === undefined) throw invalide("Classeur XLSX sans xl/workbook.xml : ce n'est pas un classeur Excel.");
  const cibles = new Map<string, string>();
  for (const a of elements(texte("xl/_rels/workbook.xml.rels") ?? "", "Relationship")) {
    if (/\/worksheet$/.test(a.Type ?? "") && a.Id && a.Target) cibles.set(a.Id, cheminPartie(a.Target));
  }
  const partages = chainesPartagees(texte("xl/sharedStrings.xml") ?? "");
  const styles = formatsDesStyles(texte("xl/styles.xml") ?? "");
  const feuilles: FeuilleXlsx[] = [];
  for (const s of elements(classeur, "sheet")) {
    const chemin = cibles.get(s["r:id"] ?? s.id ?? "");
    const xml = chemin === undefined ? undefined : texte(chemin);
    if (xml === undefined || s.name === undefined) continue;
    feuilles.push(lireFeuille(decoder(s.name), xml, partages, styles, s.state === "hidden" || s.state === "veryHidden"));
  }
  if (feuilles.length === 0) throw invalide("Classeur XLSX sans feuille de calcul.");
  return feuilles;
}

function invalide(message: string): RembError {
  return new RembError("ARGUMENT_INVALIDE", message);
}

/** « x:c » → « c »: some producers prefix SpreadsheetML's elements with a namespace. Attributes are kept. */
function sansPrefixes(xml: string): string {
  return xml.replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g, "<$1");
}

function cheminPartie(cible: string): string {
  const c = cible.replace(/\\/g, "/");
  return c.startsWith("/") ? c.slice(1) : `xl/${c.replace(/^\.\//, "")}`;
}

/** The attributes of every `<nom …>` element, in order. */
function elements(xml: string, nom: string): Record<string, string>[] {
  const r: Record<string, string>[] = [];
  const re = new RegExp(`<${nom}\\b([^>]*?)/?>`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) r.push(attributs(m[1]!));
  return r;
}

function attributs(s: string): Record<string, string> {
  const a: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(s); m; m = re.exec(s)) a[m[1]!] = decoder(m[2] ?? m[3] ?? "");
  return a;
}

const ENTITES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML entities, then Excel's own escapes of control characters (« _x000D_ »). */
function decoder(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (t, e: string) =>
      e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : (ENTITES[e] ?? t),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of a rich or plain string item: its <t> runs, phonetic guides (<rPh>) left out. */
function texteDe(xml: string): string {
  const sans = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let t = "";
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  for (let m = re.exec(sans); m; m = re.exec(sans)) t += decoder(m[1] ?? "");
  return t;
}

function chainesPartagees(xml: string): string[] {
  const r: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) r.push(texteDe(m[1] ?? ""));
  return r;
}

/** The number format code of each cell style (cellXfs index → format code, undefined for General). */
function formatsDesStyles(xml: string): (string | undefined)[] {
  const propres = new Map<number, string>();
  for (const f of elements(xml, "numFmt")) if (f.numFmtId !== undefined && f.formatCode !== undefined) propres.set(Number(f.numFmtId), f.formatCode);
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return elements(xfs, "xf").map((x) => {
    const id = Number(x.numFmtId ?? 0);
    if (id === 0) return undefined;
    return propres.get(id) ?? FORMATS_INTEGRES[id];
  });
}

const SERIE_EPOQUE = 25569;

function lireFeuille(nom: string, xml: string, partages: readonly string[], styles: readonly (string | undefined)[], masquee: boolean): FeuilleXlsx {
  const donnees = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? "";
  const cellules: { r: number; c: number; v: unknown; f: string | undefined }[] = [];
  const re = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let ligneCourante = 0;
  let colonneCourante = 0;
  for (let m = re.exec(donnees); m; m = re.exec(donnees)) {
    const a = attributs(m[1]!);
    let r: number;
    let c: number;
    const ref = a.r === undefined ? null : lireReference(a.r);
    if (ref) {
      r = ref.zone.ligne + 1;
      c = ref.zone.colonne + 1;
    } else {
      // Cells without a reference follow the previous one (allowed by the format, written by some tools).
      const debutLigne = donnees.lastIndexOf("<row", m.index);
      const ligneAttr = attributs(/<row\b([^>]*)>/.exec(donnees.slice(debutLigne))?.[1] ?? "").r;
      r = ligneAttr !== undefined ? Number(ligneAttr) : ligneCourante;
      c = r === ligneCourante ? colonneCourante + 1 : 1;
    }
    ligneCourante = r;
    colonneCourante = c;
    const interieur = m[2] ?? "";
    const v = valeurCellule(a.t, interieur, partages);
    if (v === null) continue;
    const style = a.s === undefined ? undefined : styles[Number(a.s)];
    cellules.push({ r, c, v, f: style ?? (a.t === "d" ? "dd/mm/yyyy" : undefined) });
  }
  const fusionsAbs: { ligne: number; colonne: number; lignes: number; colonnes: number }[] = [];
  for (const mc of elements(xml, "mergeCell")) {
    const z = mc.ref === undefined ? null : lireReference(mc.ref);
    if (z) fusionsAbs.push(z.zone);
  }
  if (cellules.length === 0) return { nom, ligne: 1, colonne: 1, valeurs: [], formats: [], fusions: [], masquee };
  let haut = Infinity;
  let gauche = Infinity;
  let bas = 0;
  let droite = 0;
  for (const x of cellules) {
    haut = Math.min(haut, x.r);
    bas = Math.max(bas, x.r);
    gauche = Math.min(gauche, x.c);
    droite = Math.max(droite, x.c);
  }
  // A merge starting inside the used range extends it (its other cells are part of the grid's layout).
  for (const f of fusionsAbs) {
    if (f.ligne + 1 >= haut && f.ligne + 1 <= bas && f.colonne + 1 >= gauche && f.colonne + 1 <= droite) {
      bas = Math.max(bas, f.ligne + f.lignes);
      droite = Math.max(droite, f.colonne + f.colonnes);
    }
  }
  const hauteur = bas - haut + 1;
  const largeur = droite - gauche + 1;
  if (hauteur * largeur > CELLULES_MAX)
    throw invalide(`Feuille « ${nom} » trop grande (${hauteur} lignes × ${largeur} colonnes) pour un tableau de garanties.`);
  const valeurs: unknown[][] = Array.from({ length: hauteur }, () => new Array<unknown>(largeur).fill(null));
  const formats: (string | undefined)[][] = Array.from({ length: hauteur }, () => new Array<string | undefined>(largeur).fill(undefined));
  for (const x of cellules) {
    valeurs[x.r - haut]![x.c - gauche] = x.v;
    formats[x.r - haut]![x.c - gauche] = x.f;
  }
  const fusions: Fusion[] = fusionsAbs
    .filter((f) => f.ligne + 1 >= haut && f.colonne + 1 >= gauche && f.ligne + 1 <= bas && f.colonne + 1 <= droite)
    .map((f) => ({ ligne: f.ligne + 1 - haut, colonne: f.colonne + 1 - gauche, lignes: f.lignes, colonnes: f.colonnes }));
  return { nom, ligne: haut, colonne: gauche, valeurs, formats, fusions, masquee };
}

function valeurCellule(type: string | undefined, xml: string, partages: readonly string[]): unknown {
  const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(xml)?.[1];
  switch (type) {
    case "s":
      return v === undefined ? null : (partages[Number(v)] ?? null);
    case "inlineStr": {
      const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(xml)?.[1];
      return is === undefined ? null : texteDe(is);
    }
    case "str":
    case "e":
      return v === undefined ? null : decoder(v);
    case "b":
      return v === undefined ? null : v.trim() === "1";
    case "d": {
      if (v === undefined) return null;
      const t = Date.parse(decoder(v));
      return Number.isFinite(t) ? t / 86_400_000 + SERIE_EPOQUE : decoder(v);
    }
    default: {
      if (v === undefined || v.trim() === "") return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : decoder(v);
    }
  }
}
