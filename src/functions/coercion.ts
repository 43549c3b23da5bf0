import { RembError, argumentInvalide } from "../core/errors";
import { centsDepuisEuros, taux, tauxDepuisNombre, tauxDepuisTexte, type Cents, type Taux } from "../core/money";
import { aujourdhui, jourDepuisSerie, jourDepuisTexte, type Jour } from "../core/dates";
import { decrireValeur, estVide, type ValeurCellule } from "./excel";
import { nombreDepuisTexte } from "./nombre-fr";
import { replier } from "../core/texte/plier";

/**
 * Excel values → core types. One reader per kind of argument; each names the argument in its French message so
 * the user knows which one is wrong. Readers never guess: text that is not clearly the expected kind is an error.
 */

/**
 * Excel computes in doubles but shows and compares 15 significant digits: =1-0,7 is stored 0.30000000000000004 and
 * displayed 0,3. Numbers that are not money (rates, dioptres, counts) are read at that precision, as the user sees
 * them; amounts go through centsDepuisEuros, which rounds to the cent.
 */
function commeAffiche(x: number): number {
  return Number(x.toPrecision(15));
}

function invalide(nom: string, v: ValeurCellule, attendu: string): RembError {
  return argumentInvalide(`${nom} : ${decrireValeur(v)} n'est pas valide — ${attendu}.`);
}

function manquant(nom: string): RembError {
  return argumentInvalide(`${nom} : valeur manquante.`);
}

/** An amount in euros → cents (numbers, « 38,50 », « 1 234,56 € »). */
export function lireMontant(v: ValeurCellule, nom: string): Cents {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw invalide(nom, v, "un montant en euros est attendu");
    return centsDepuisEuros(v, nom);
  }
  if (typeof v === "string" && !estVide(v)) {
    const n = nombreDepuisTexte(v);
    if (n === null || n.pourcent) throw invalide(nom, v, "un montant en euros est attendu (ex. 38,50)");
    return centsDepuisEuros(n.decimal, nom);
  }
  if (estVide(v)) throw manquant(nom);
  throw invalide(nom, v, "un montant en euros est attendu");
}

export function lireMontantOuDefaut(v: ValeurCellule, nom: string): Cents | undefined {
  return estVide(v) ? undefined : lireMontant(v, nom);
}

/**
 * A rate as Excel users write it: 0,7 or 70 % (Excel stores 70 % as 0.7), or the text « 70 % » / « 70% » /
 * « 0,7 ». A bare number above 1 (70) is refused rather than read as 70 %: in Excel that is 7000 %.
 */
export function lireTaux(v: ValeurCellule, nom: string): Taux {
  let t: Taux;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw invalide(nom, v, "un pourcentage est attendu (70 % ou 0,7)");
    const connu = tauxLus.get(v);
    if (connu !== undefined) return connu;
    t = tauxDepuisNombre(commeAffiche(v), nom);
  } else if (typeof v === "string" && !estVide(v)) {
    const n = nombreDepuisTexte(v);
    if (n === null || n.euro) throw invalide(nom, v, "un pourcentage est attendu (70 % ou 0,7)");
    const d = tauxDepuisTexte(n.decimal, nom);
    t = n.pourcent ? taux(d.num, d.exp + 2) : d;
  } else if (estVide(v)) {
    throw manquant(nom);
  } else {
    throw invalide(nom, v, "un pourcentage est attendu (70 % ou 0,7)");
  }
  if (t.num < 0 || t.num > 10 ** t.exp) {
    throw invalide(nom, v, "un taux entre 0 % et 100 % est attendu (70 % ou 0,7)");
  }
  // « 0,7 % » typed for 70 % (Excel stores it 0,007): no régime obligatoire rate is that low, so name the slip.
  if (t.num > 0 && t.num * 100 < 10 ** t.exp) {
    throw argumentInvalide(`${nom} : ${decrireValeur(v)} vaut moins de 1 % — pour 70 %, écrivez 70 % ou 0,7.`);
  }
  if (typeof v === "number") {
    if (tauxLus.size > 10_000) tauxLus.clear();
    tauxLus.set(v, t);
  }
  return t;
}

/** Valid rates already read, by the number Excel passed (a claims table uses a handful of rates). */
const tauxLus = new Map<number, Taux>();

export function lireTauxOuDefaut(v: ValeurCellule, nom: string): Taux | undefined {
  return estVide(v) ? undefined : lireTaux(v, nom);
}

/** A plain decimal number (dioptres): 2,25, « -1,75 », « +2.00 ». `attendu` is what the message asks for. */
export function lireNombre(v: ValeurCellule, nom: string, attendu = "un nombre est attendu (ex. -2,25)"): number {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw invalide(nom, v, attendu);
    return commeAffiche(v);
  }
  if (typeof v === "string" && !estVide(v)) {
    const n = nombreDepuisTexte(v);
    if (n === null || n.pourcent || n.euro) throw invalide(nom, v, attendu);
    return Number(n.decimal);
  }
  if (estVide(v)) throw manquant(nom);
  throw invalide(nom, v, attendu);
}

/** A whole number ≥ 0, in figures; the core checks its bounds. */
function lecteurEntier(attendu: string): (v: ValeurCellule, nom: string) => number {
  return (v, nom) => {
    const x = lireNombre(v, nom, attendu);
    if (!Number.isSafeInteger(x) || x < 0) throw invalide(nom, v, attendu);
    return x;
  };
}

/** Days of a stay (REMB.FJ). */
export const lireJours = lecteurEntier("un nombre entier de jours, en chiffres, est attendu (ex. 3)");

const AGE_ATTENDU = "un âge en années, en chiffres, est attendu (ex. 45)";

/** An age in years, optional (REMB.AUDIO, REMB.RENOUVELLEMENT): 45, or 19,5 from a YEARFRAC; the core checks its bounds. */
export function lireAgeOuDefaut(v: ValeurCellule, nom: string): number | undefined {
  if (estVide(v)) return undefined;
  const x = lireNombre(v, nom, AGE_ATTENDU);
  if (x < 0) throw invalide(nom, v, AGE_ATTENDU);
  return x;
}

const VRAI = new Set(["vrai", "true", "oui", "1"]);
const FAUX = new Set(["faux", "false", "non", "0"]);

/** TRUE/FALSE, 1/0, or the text VRAI/FAUX, OUI/NON (any case). */
export function lireBooleen(v: ValeurCellule, nom: string): boolean {
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string" && !estVide(v)) {
    const s = v.trim().toLowerCase();
    if (VRAI.has(s)) return true;
    if (FAUX.has(s)) return false;
  }
  if (estVide(v)) throw manquant(nom);
  throw invalide(nom, v, "VRAI ou FAUX est attendu");
}

export function lireBooleenOuDefaut(v: ValeurCellule, nom: string): boolean | undefined {
  return estVide(v) ? undefined : lireBooleen(v, nom);
}

/** A date: an Excel serial (a date cell) or the text « 01/03/2026 » / « 2026-03-01 ». */
export function lireDate(v: ValeurCellule, nom: string): Jour {
  if (typeof v === "number") return jourDepuisSerie(v);
  if (typeof v === "string" && !estVide(v)) return jourDepuisTexte(v);
  if (estVide(v)) throw manquant(nom);
  throw invalide(nom, v, "une cellule date, ou le texte JJ/MM/AAAA (01/03/2026), est attendue");
}

/** date_soins: omitted or empty means today (docs/fonctions.md, Conventions). */
export function lireDateSoins(v: ValeurCellule, nom = "date_soins"): Jour {
  return estVide(v) ? aujourdhui() : lireDate(v, nom);
}

/** Text arguments (codes, keywords, names): trimmed; a number is accepted as its text (« 3 » for a level). */
export function lireTexte(v: ValeurCellule, nom: string): string {
  if (typeof v === "string" && !estVide(v)) return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (estVide(v)) throw manquant(nom);
  throw invalide(nom, v, "un texte est attendu");
}

/** Upper case without accents, single spaces (texte/plier.ts): « détail » → "DETAIL", « non–optam » → "NON-OPTAM". */
export function motCle(s: string): string {
  return replier(s).toUpperCase();
}
