import { jourDepuisCivil, joursDansMois, type Jour } from "../../core/dates";
import { CENTS_MAX, taux, type Cents, type Taux } from "../../core/money";

/**
 * The values of a claims table read straight from the bytes of a field: amounts in euros to cents, care dates to
 * days, AMO rates to exact rates. No string is built for a valid value (ten million lines × five fields); a value
 * that cannot be read gives a negative code, and `raison` turns it into the French reason printed with the line.
 *
 * Amounts: French or international writing, « 1 234,56 », « 1234.56 », « 1.234,56 », « 1,234.56 », « 12 », a
 * sign-less number with at most two decimals (three decimals are refused rather than guessed: « 1,234 » is 1 234 €
 * in an English file and 1,234 € nowhere). Spaces, no-break and narrow no-break spaces and « € » are allowed.
 */

export const ERR_VIDE = -1;
export const ERR_FORMAT = -2;
export const ERR_NEGATIF = -3;
export const ERR_DECIMALES = -4;
export const ERR_TROP_GRAND = -5;
export const ERR_DATE = -6;
export const ERR_TAUX = -7;

export function raison(code: number, quoi: string, texte: string): string {
  const vu = texte.length > 40 ? `${texte.slice(0, 40)}…` : texte;
  switch (code) {
    case ERR_VIDE:
      return `${quoi} manquant(e)`;
    case ERR_NEGATIF:
      return `${quoi} négatif(ve) : « ${vu} »`;
    case ERR_DECIMALES:
      return `${quoi} à plus de deux décimales : « ${vu} » (séparateur des milliers ou des décimales ambigu)`;
    case ERR_TROP_GRAND:
      return `${quoi} hors limites : « ${vu} »`;
    case ERR_DATE:
      return `${quoi} invalide : « ${vu} » — AAAA-MM-JJ ou JJ/MM/AAAA attendu`;
    case ERR_TAUX:
      return `${quoi} invalide : « ${vu} » — 0,7, 70 % ou 70 attendu`;
    default:
      return `${quoi} illisible : « ${vu} »`;
  }
}

const ESPACE = 0x20;
const TAB = 0x09;

/** A space of any kind at `i` (ASCII, UTF-8 NBSP C2 A0, UTF-8 NNBSP E2 80 AF, Latin-1 NBSP A0): its length, or 0. */
function espace(o: Uint8Array, i: number, fin: number): number {
  const c = o[i]!;
  if (c === ESPACE || c === TAB) return 1;
  if (c === 0xc2 && i + 1 < fin && o[i + 1] === 0xa0) return 2;
  if (c === 0xe2 && i + 2 < fin && o[i + 1] === 0x80 && o[i + 2] === 0xaf) return 3;
  if (c === 0xa0) return 1;
  return 0;
}

/** « € » (UTF-8 E2 82 AC or Windows-1252 80) or « EUR » at `i`: its length, or 0. */
function euro(o: Uint8Array, i: number, fin: number): number {
  const c = o[i]!;
  if (c === 0xe2 && i + 2 < fin && o[i + 1] === 0x82 && o[i + 2] === 0xac) return 3;
  if (c === 0x80) return 1;
  if ((c === 0x45 || c === 0x65) && i + 2 < fin && (o[i + 1]! | 0x20) === 0x75 && (o[i + 2]! | 0x20) === 0x72) return 3;
  return 0;
}

/**
 * Cents of an amount in o[debut, fin), or a negative code. Fast path: digits with one separator and ≤ 2 decimals.
 */
export function lireCents(o: Uint8Array, debut: number, fin: number): number {
  // Trim spaces and a trailing « € ».
  while (debut < fin) {
    const e = espace(o, debut, fin);
    if (e === 0) break;
    debut += e;
  }
  while (fin > debut) {
    const c = o[fin - 1]!;
    if (c === ESPACE || c === TAB || c === 0xa0) fin--;
    else if (c === 0xac && fin - 3 >= debut && o[fin - 3] === 0xe2 && o[fin - 2] === 0x82) fin -= 3;
    else if (c === 0x80) fin--;
    else if (c === 0xaf && fin - 3 >= debut && o[fin - 3] === 0xe2 && o[fin - 2] === 0x80) fin -= 3;
    else if ((c | 0x20) === 0x72 && fin - 3 >= debut && euro(o, fin - 3, fin) === 3) fin -= 3;
    else break;
  }
  if (debut >= fin) return ERR_VIDE;
  if (o[debut] === 0x2d) return ERR_NEGATIF;
  if (o[debut] === 0x2b) debut++;
  // Common case: digits, then optionally one , or . and 1–2 digits.
  let entier = 0;
  let i = debut;
  let chiffres = 0;
  while (i < fin) {
    const c = o[i]! - 0x30;
    if (c < 0 || c > 9) break;
    entier = entier * 10 + c;
    chiffres++;
    i++;
  }
  if (i === fin) return chiffres > 0 && chiffres <= 12 ? verifierBorne(entier * 100) : chiffres > 12 ? ERR_TROP_GRAND : ERR_FORMAT;
  const s = o[i]!;
  if ((s === 0x2c || s === 0x2e) && chiffres > 0 && chiffres <= 12) {
    const reste = fin - i - 1;
    if (reste === 1 || reste === 2) {
      const d1 = o[i + 1]! - 0x30;
      const d2 = reste === 2 ? o[i + 2]! - 0x30 : 0;
      if (d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9) return verifierBorne(entier * 100 + d1 * 10 + d2);
    }
  }
  return lireCentsLent(o, debut, fin);
}

function verifierBorne(c: Cents): number {
  return c <= CENTS_MAX ? c : ERR_TROP_GRAND;
}

/** Thousands separators, « 1.234,56 », « 1,234.56 », spaces between groups. */
function lireCentsLent(o: Uint8Array, debut: number, fin: number): number {
  // Collect digits and separators; spaces are thousands separators.
  const chiffres: number[] = [];
  const seps: { pos: number; c: number }[] = [];
  for (let i = debut; i < fin;) {
    const e = espace(o, i, fin);
    if (e > 0) {
      seps.push({ pos: chiffres.length, c: ESPACE });
      i += e;
      continue;
    }
    const c = o[i]!;
    if (c >= 0x30 && c <= 0x39) chiffres.push(c - 0x30);
    else if (c === 0x2c || c === 0x2e || c === 0x27) seps.push({ pos: chiffres.length, c });
    else return ERR_FORMAT;
    i++;
  }
  if (chiffres.length === 0) return ERR_FORMAT;
  // The decimal separator: the last , or . when it is followed by 1 or 2 digits and is the only one of its kind.
  let decimales = 0;
  const derniere = seps.length > 0 ? seps[seps.length - 1]! : undefined;
  if (derniere !== undefined && (derniere.c === 0x2c || derniere.c === 0x2e)) {
    const apres = chiffres.length - derniere.pos;
    const memes = seps.filter((x) => x.c === derniere.c).length;
    if (memes === 1 && apres >= 1 && apres <= 2) decimales = apres;
    else if (memes === 1 && apres === 3 && !seps.some((x) => x.c !== derniere.c && x.c !== ESPACE)) return ERR_DECIMALES;
    else if (memes === 1 && apres > 3) return ERR_DECIMALES;
  }
  // Every other separator must sit between groups of three digits.
  const groupes = seps.filter((x) => decimales === 0 || x !== derniere);
  const finEntier = chiffres.length - decimales;
  for (const g of groupes) if ((finEntier - g.pos) % 3 !== 0 || g.pos === 0 || g.pos > finEntier) return ERR_FORMAT;
  if (finEntier > 12) return ERR_TROP_GRAND;
  let c = 0;
  for (let i = 0; i < finEntier; i++) c = c * 10 + chiffres[i]!;
  c *= 100;
  if (decimales >= 1) c += chiffres[finEntier]! * 10;
  if (decimales === 2) c += chiffres[finEntier + 1]!;
  return verifierBorne(c);
}

/** Two or four ASCII digits at i, or −1. */
function nombre(o: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = o[i + k]! - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

// The last date read and its day: a claims table is mostly sorted, or at least made of a few thousand dates.
let dernierA = -1;
let dernierM = -1;
let dernierJ = -1;
let dernierJour = 0;

/**
 * A care date: AAAA-MM-JJ (ISO, also with a time « 2026-02-10T00:00:00 » or « 2026-02-10 00:00:00 »), JJ/MM/AAAA
 * (also J/M/AAAA and JJ-MM-AAAA), or AAAAMMJJ. Returns the day, or ERR_VIDE / ERR_DATE.
 */
export function lireJour(o: Uint8Array, debut: number, fin: number): Jour {
  while (debut < fin && (o[debut] === ESPACE || o[debut] === TAB)) debut++;
  while (fin > debut && (o[fin - 1] === ESPACE || o[fin - 1] === TAB)) fin--;
  const n = fin - debut;
  if (n === 0) return ERR_VIDE;
  let a: number;
  let m: number;
  let j: number;
  if (n >= 10 && o[debut + 4] === 0x2d && o[debut + 7] === 0x2d && (n === 10 || o[debut + 10] === 0x54 || o[debut + 10] === ESPACE)) {
    a = nombre(o, debut, 4);
    m = nombre(o, debut + 5, 2);
    j = nombre(o, debut + 8, 2);
  } else if (n === 8 && nombre(o, debut, 8) >= 0) {
    a = nombre(o, debut, 4);
    m = nombre(o, debut + 4, 2);
    j = nombre(o, debut + 6, 2);
  } else {
    // J/M/AAAA, JJ/MM/AAAA, JJ-MM-AAAA
    let i = debut;
    const lire = (max: number, sep: boolean): number => {
      let v = 0;
      let k = 0;
      while (i < fin && k < max) {
        const c = o[i]! - 0x30;
        if (c < 0 || c > 9) break;
        v = v * 10 + c;
        i++;
        k++;
      }
      if (k === 0) return -1;
      if (sep) {
        if (i >= fin || (o[i] !== 0x2f && o[i] !== 0x2d)) return -1;
        i++;
      }
      return v;
    };
    j = lire(2, true);
    m = j < 0 ? -1 : lire(2, true);
    a = m < 0 ? -1 : lire(4, false);
    if (i !== fin || fin - debut < 8) a = -1;
  }
  if (a === dernierA && m === dernierM && j === dernierJ) return dernierJour;
  if (a < 1900 || a > 9999 || m < 1 || m > 12 || j < 1 || j > joursDansMois(a, m)) return ERR_DATE;
  dernierA = a;
  dernierM = m;
  dernierJ = j;
  dernierJour = jourDepuisCivil(a, m, j);
  return dernierJour;
}

// Rates read so far, by their text's bytes packed into a number (a table holds a handful of distinct rates).
const TAUX_LUS = new Map<number, Taux | null>();

/**
 * An AMO rate: « 0,7 », « 0.70 », « 70 % », « 70% », « 70 » (a number above 1 without « % » is a percentage: « 1 »
 * is 100 %). Returns the exact rate, or null when unreadable or outside 0–100 %.
 */
export function lireTaux(o: Uint8Array, debut: number, fin: number): Taux | null {
  while (debut < fin && (o[debut] === ESPACE || o[debut] === TAB)) debut++;
  while (fin > debut && (o[fin - 1] === ESPACE || o[fin - 1] === TAB)) fin--;
  const n = fin - debut;
  if (n === 0 || n > 12) return n === 0 ? null : lireTauxLent(o, debut, fin);
  // Up to 6 bytes packed exactly into a number key (2^48 < 2^53); longer texts take the slow path.
  if (n <= 6) {
    let cle = n;
    for (let i = debut; i < fin; i++) cle = cle * 256 + o[i]!;
    const t = TAUX_LUS.get(cle);
    if (t !== undefined) return t;
    const v = lireTauxLent(o, debut, fin);
    if (TAUX_LUS.size < 10_000) TAUX_LUS.set(cle, v);
    return v;
  }
  return lireTauxLent(o, debut, fin);
}

function lireTauxLent(o: Uint8Array, debut: number, fin: number): Taux | null {
  let s = "";
  for (let i = debut; i < fin; i++) s += String.fromCharCode(o[i]!);
  s = s.replace(/\u00a0|\u00c2/g, " ").trim();
  const pourcent = /%$/.test(s);
  if (pourcent) s = s.slice(0, -1).trim();
  const m = /^(\d{1,3})(?:[.,](\d{1,8}))?$/.exec(s);
  if (!m) return null;
  const dec = m[2] ?? "";
  let t = taux(Number(m[1]! + dec), dec.length);
  const cent = pourcent || t.num > 10 ** t.exp; // above 1 without « % »: a percentage
  if (cent) t = taux(t.num, t.exp + 2);
  // 0 % to 100 %.
  if (t.num > 10 ** t.exp) return null;
  return t;
}
