import { plierEnPlace } from "../texte/plier";
/**
 * Tokens of a guarantee cell. Positions are 0-based offsets in the text exactly as typed (errors report them
 * 1-based), so nothing is normalised before tokenising: words are folded (lower case, no accents) into `mot`
 * while `texte` keeps the original spelling for messages.
 */
export type TypeJeton =
  "nombre" | "mot" | "pourcent" | "euro" | "plus" | "barre" | "parenG" | "parenD" | "tiret" | "separateur" | "deuxPoints" | "point" | "autre" | "fin";

export interface Jeton {
  readonly type: TypeJeton;
  /** Offset of the first character in the original text. */
  readonly debut: number;
  /** Offset just after the last character. */
  readonly fin: number;
  /** The characters as typed. */
  readonly texte: string;
  /** Words: lower case without accents (« Réels » → « reels »); other tokens: "". */
  readonly mot: string;
  /** Numbers: the integer digits without group separators (« 1 234,56 » → "1234"). */
  readonly entier: string;
  /** Numbers: the digits after the decimal separator ("" when none). */
  readonly decimales: string;
  /**
   * Numbers like « 1.500 » or « 2,250 »: one separator followed by exactly three digits may be a thousands
   * separator (English habit) or a decimal one (French habit). The parser refuses them where it matters.
   */
  readonly ambigu: boolean;
}

// Normal space, tab, line breaks (Excel cells may hold Alt+Enter breaks), no-break (U+00A0), narrow no-break
// (U+202F) and the other Unicode spaces grids pasted from Word or PDF carry.
function estEspace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Spaces allowed between digit groups: « 1 234 », « 1 234 » (U+00A0), « 1 234 » (U+202F), thin space. */
function estEspaceDeGroupe(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function estChiffre(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const LETTRE = /\p{L}/u;
const MARQUE = /\p{M}/u;

function estLettre(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
  if (c < 0xc0) return false;
  return LETTRE.test(s[i]!) || MARQUE.test(s[i]!);
}

function estApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

function estTiret(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2212;
}

function jeton(type: TypeJeton, source: string, debut: number, fin: number, extra?: Partial<Jeton>): Jeton {
  return {
    type,
    debut,
    fin,
    texte: source.slice(debut, fin),
    mot: "",
    entier: "",
    decimales: "",
    ambigu: false,
    ...extra,
  };
}

/** Splits a cell into tokens. Never throws: unknown characters become "autre" tokens for the parser to report. */
export function decouper(source: string): Jeton[] {
  const jetons: Jeton[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (estEspace(c)) {
      i++;
      continue;
    }
    if (estChiffre(c)) {
      const j = lireNombre(source, i);
      jetons.push(j);
      i = j.fin;
      continue;
    }
    if (estLettre(source, i)) {
      let k = i + 1;
      while (k < n && estLettre(source, k)) k++;
      // « d'un », « l'AMO », « jusqu'à »: the elided article keeps its apostrophe and stands alone.
      if (k < n && estApostrophe(source.charCodeAt(k))) k++;
      jetons.push(jeton("mot", source, i, k, { mot: plierEnPlace(source.slice(i, k)) }));
      // « non-remboursé », « y-compris »: a hyphen between two letters only joins words.
      if (k < n && estTiret(source.charCodeAt(k)) && k + 1 < n && estLettre(source, k + 1)) k++;
      i = k;
      continue;
    }
    let type: TypeJeton;
    if (c === 0x25 || c === 0xff05) type = "pourcent";
    else if (c === 0x20ac) type = "euro";
    else if (c === 0x2b) type = "plus";
    else if (c === 0x2f) type = "barre";
    else if (c === 0x28) type = "parenG";
    else if (c === 0x29) type = "parenD";
    else if (estTiret(c)) type = "tiret";
    else if (c === 0x2c || c === 0x3b) type = "separateur";
    else if (c === 0x3a) type = "deuxPoints";
    else if (c === 0x2e) type = "point";
    else type = "autre";
    // Keep a surrogate pair (emoji…) together so messages show the character, not half of it.
    const fin = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? i + 2 : i + 1;
    jetons.push(jeton(type, source, i, fin));
    i = fin;
  }
  jetons.push(jeton("fin", source, n, n));
  return jetons;
}

function chiffres(s: string, i: number): number {
  let k = i;
  while (k < s.length && estChiffre(s.charCodeAt(k))) k++;
  return k;
}

/**
 * Numbers as grids print them: « 38,50 », « 38.50 », « 1 234,56 » (normal, no-break or narrow no-break
 * spaces between groups of three), « 1.234,56 », « 1,234.56 ».
 */
function lireNombre(s: string, debut: number): Jeton {
  let k = chiffres(s, debut);
  let entier = s.slice(debut, k);
  let groupes = false;
  // Space-separated thousands: only after a first group of 1–3 digits not starting with 0 (« 0 100 % » is two
  // numbers), and only groups of exactly three.
  if (entier.length <= 3 && entier[0] !== "0") {
    while (k + 1 < s.length && estEspaceDeGroupe(s.charCodeAt(k)) && estChiffre(s.charCodeAt(k + 1))) {
      const f = chiffres(s, k + 1);
      if (f - (k + 1) !== 3) break;
      entier += s.slice(k + 1, f);
      k = f;
      groupes = true;
    }
  }
  const sep = s[k];
  if ((sep === "," || sep === ".") && k + 1 < s.length && estChiffre(s.charCodeAt(k + 1))) {
    const autre = sep === "," ? "." : ",";
    // « 1.234,56 » / « 1,234.56 » / « 1.234.567 »: repeated three-digit groups after the same separator.
    let f = chiffres(s, k + 1);
    if (!groupes && entier.length <= 3 && entier[0] !== "0" && f - (k + 1) === 3 && (s[f] === sep || s[f] === autre)) {
      let m = k;
      let e = entier;
      while (s[m] === sep && estChiffre(s.charCodeAt(m + 1))) {
        const g = chiffres(s, m + 1);
        if (g - (m + 1) !== 3) break;
        e += s.slice(m + 1, g);
        m = g;
      }
      if (m > k && (s[m] !== sep || !estChiffre(s.charCodeAt(m + 1)))) {
        if (s[m] === autre && estChiffre(s.charCodeAt(m + 1))) {
          const g = chiffres(s, m + 1);
          return jeton("nombre", s, debut, g, { entier: e, decimales: s.slice(m + 1, g) });
        }
        if (m > k + 4) return jeton("nombre", s, debut, m, { entier: e });
      }
    }
    f = chiffres(s, k + 1);
    const decimales = s.slice(k + 1, f);
    const ambigu = !groupes && decimales.length === 3 && entier.length <= 3 && entier[0] !== "0";
    return jeton("nombre", s, debut, f, { entier, decimales, ambigu });
  }
  return jeton("nombre", s, debut, k, { entier });
}
