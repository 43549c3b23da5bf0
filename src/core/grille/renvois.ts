/**
 * Footnote marks (renvois) as real grids print them: after a value « 100 € (9) », « 100 % BRSS (*) », « 135 % BR* »,
 * after a label « Forfait journalier hospitalier (2) », « Honoraires [1] », in superscript « OPTAM¹ »; and the notes
 * themselves, printed under the table: « (1) Hors ambulatoire. », « * Abréviations : … », « [2] Dans la limite … ».
 *
 * A mark is never part of a guarantee: it is taken out before the cell is read and kept with the cell, so the note's
 * text can be shown beside it (and read for what it says: a cap, the act it is about).
 */

export interface Renvoi {
  /** The mark as printed, normalised: « 1 », « * », « ** ». */
  readonly marque: string;
}

export interface Note {
  readonly marque: string;
  readonly texte: string;
  /** 1-based sheet row where the note is printed. */
  readonly ligne: number;
}

const EXPOSANTS: Readonly<Record<string, string>> = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };

/** « (1) », « ( 12 ) », « (*) », « (**) », « [1] », « [*] »: a mark in brackets, digits or stars only. */
const ENTRE_PARENTHESES = /\s*[([]\s*(\d{1,2}|\*{1,4})\s*[)\]]/g;
/** « BR* », « DPTM** », « santé * »: stars after a word (never a multiplication: the language has none). */
const ETOILES = /(?<=[\p{L}\p{N}%€)»"])\s?(\*{1,4})(?=[\s,.;:)»]|$)/gu;
const EXPOSANT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/**
 * The text without its footnote marks, and the marks in the order printed. The text is unchanged when it holds
 * none (the common case, no allocation).
 */
export function separerRenvois(texte: string): { readonly texte: string; readonly marques: readonly string[] } {
  if (!/[([*⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(texte)) return { texte, marques: [] };
  const marques: string[] = [];
  let t = texte.replace(ENTRE_PARENTHESES, (_m, x: string) => {
    marques.push(x);
    return "";
  });
  t = t.replace(ETOILES, (_m, x: string) => {
    marques.push(x);
    return "";
  });
  t = t.replace(EXPOSANT, (x) => {
    marques.push([...x].map((c) => EXPOSANTS[c]).join(""));
    return "";
  });
  if (marques.length === 0) return { texte, marques };
  return { texte: t.replace(/\s{2,}/g, " ").trim(), marques };
}

/** A note row begins with a mark: « (1) … », « 1) … », « [2] … », « * … », « ** … », « ¹ … ». */
const DEBUT_NOTE = /^\s*(?:[([]\s*(\d{1,2}|\*{1,4})\s*[)\]]|(\d{1,2})\s?\)|(\*{1,4})|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))\s*(?=\S)/;

/**
 * The notes printed in one row of text under (or inside) the table, or [] when the row is not a note. One row may
 * hold several: « (1) Hors ambulatoire. (2) Dans la limite de 60 jours. » gives two notes.
 */
export function lireNotes(texte: string, ligne: number): Note[] {
  if (!DEBUT_NOTE.test(texte)) return [];
  const notes: Note[] = [];
  // Split at every mark that starts a note: at the start, or after the end of a sentence.
  const coupe = /(?:^|(?<=[.;:!?)»]\s{0,3})|(?<=\s))[([]\s*(\d{1,2}|\*{1,4})\s*[)\]]\s*(?=\p{Lu}|\p{Ll}|«|\d)/gu;
  const positions: { debut: number; fin: number; marque: string }[] = [];
  for (const m of texte.matchAll(coupe)) positions.push({ debut: m.index!, fin: m.index! + m[0].length, marque: m[1]! });
  if (positions.length === 0 || positions[0]!.debut > 0) {
    const m = DEBUT_NOTE.exec(texte)!;
    const marque = m[1] ?? m[2] ?? m[3] ?? [...m[4]!].map((c) => EXPOSANTS[c]).join("");
    return [{ marque, texte: texte.slice(m[0].length).trim(), ligne }];
  }
  positions.forEach((p, i) => {
    const fin = i + 1 < positions.length ? positions[i + 1]!.debut : texte.length;
    const t = texte.slice(p.fin, fin).trim();
    if (t !== "") notes.push({ marque: p.marque, texte: t, ligne });
  });
  return notes;
}

/** « Abréviations : … », « BR : base de remboursement… », « Légende »: a glossary printed with the table. */
export function estGlossaire(t: string): boolean {
  return /^\s*(?:abr[ée]viations?|l[ée]gende|lexique|glossaire)\b/i.test(t) || /^\s*[A-Z][A-Z0-9-]{1,7}\s?:\s+\p{L}/u.test(t);
}
