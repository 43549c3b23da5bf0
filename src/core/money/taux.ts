import { RembError } from "../errors";
import { CENTS_MAX, horsLimites, type Cents } from "./cents";
import { Dec } from "./decimal";

/**
 * An exact decimal rate (0.7, 0.015, 1.5, 0.1327): value = num / 10^exp, num a safe integer, exp in 0..15,
 * normalised (no trailing zero in num when exp > 0) so that equal rates have equal fields. Rates are never
 * binary floats: 0.015 × 4005 € in doubles gives 60.074999…, which rounds to the wrong cent (docs/modele-de-calcul.md §4).
 */
export interface Taux {
  readonly num: number;
  readonly exp: number;
}

const EXP_MAX = 15;
/** 10^0 … 10^15, all exact doubles. A table read: `10 ** exp` is a Math.pow call on V8's hot paths. */
export const POW10: readonly number[] = Array.from({ length: EXP_MAX + 1 }, (_, i) => 10 ** i);

export const TAUX_ZERO: Taux = Object.freeze({ num: 0, exp: 0 });

/** Builds a normalised rate from an integer numerator and a power-of-ten exponent. */
export function taux(num: number, exp = 0): Taux {
  if (!Number.isSafeInteger(num) || !Number.isInteger(exp) || exp < 0) {
    throw new RembError("TAUX_INVALIDE", `Taux invalide : ${num}e-${exp}.`);
  }
  while (exp > 0 && num % 10 === 0) {
    num /= 10;
    exp -= 1;
  }
  if (exp > EXP_MAX) throw new RembError("TAUX_INVALIDE", "Taux trop précis (plus de 15 décimales).");
  return { num: num === 0 ? 0 : num, exp: num === 0 ? 0 : exp };
}

const cache = new Map<number, Taux>();

/**
 * The exact decimal a JS number stands for (its shortest decimal form, as Excel displays it): 0.7 → 7e-1.
 * Memoised: a claims table uses a handful of distinct rates.
 */
export function tauxDepuisNombre(x: number, quoi = "taux"): Taux {
  const hit = cache.get(x);
  if (hit !== undefined) return hit;
  if (!Number.isFinite(x)) throw tauxInvalide(quoi, String(x));
  let t: Taux | undefined;
  for (let e = 0; e <= EXP_MAX; e++) {
    const n = Math.round(x * POW10[e]!);
    if (!Number.isSafeInteger(n)) break;
    if (n / POW10[e]! === x) {
      t = taux(n, e);
      break;
    }
  }
  if (t === undefined) t = tauxDepuisTexte(String(x), quoi);
  if (cache.size > 10_000) cache.clear();
  cache.set(x, t);
  return t;
}

/** Exact rate from decimal text with a point ("0.015", "1.5", "-0.2"). */
export function tauxDepuisTexte(s: string, quoi = "taux"): Taux {
  let d;
  try {
    d = new Dec(s.trim());
  } catch {
    throw tauxInvalide(quoi, s);
  }
  if (!d.isFinite()) throw tauxInvalide(quoi, s);
  const dp = d.decimalPlaces();
  if (dp > EXP_MAX) throw new RembError("TAUX_INVALIDE", `Taux trop précis pour ${quoi} : « ${s} » (15 décimales au plus).`);
  const num = d.times(new Dec(10).pow(dp)).toNumber();
  if (!Number.isSafeInteger(num)) throw tauxInvalide(quoi, s);
  return taux(num, dp);
}

export function tauxEnNombre(t: Taux): number {
  return t.exp === 0 ? t.num : t.num / POW10[t.exp]!;
}

/** Decimal text with a point, e.g. 7e-1 → "0.7" (fixtures, JSON). */
export function tauxEnTexte(t: Taux): string {
  return new Dec(t.num).div(POW10[t.exp]!).toFixed();
}

/** Percentage text in French: 15e-1 → "150", 15e-3 → "1,5". */
export function tauxEnPourcentTexte(t: Taux): string {
  return new Dec(t.num).div(POW10[t.exp]!).times(100).toFixed().replace(".", ",");
}

/** Sign of a − b (−1, 0, 1), exact. */
export function comparerTaux(a: Taux, b: Taux): number {
  const e = Math.max(a.exp, b.exp);
  const x = a.num * POW10[e - a.exp]!;
  const y = b.num * POW10[e - b.exp]!;
  if (Number.isSafeInteger(x) && Number.isSafeInteger(y)) return Math.sign(x - y);
  return new Dec(a.num).div(POW10[a.exp]!).comparedTo(new Dec(b.num).div(POW10[b.exp]!));
}

/**
 * THE rounding step: amount × rate, rounded half-up (away from zero) to the cent. Every product of money by a
 * rate in REMB goes through here (RO brut, x % BR, p % PMSS, taxes), so rounding happens at named steps only.
 * Integer path when the product is exact in a double; decimal.js otherwise.
 */
export function appliquerTaux(c: Cents, t: Taux): Cents {
  const p = c * t.num;
  const d = POW10[t.exp]!;
  // Half away from zero on the exact integer p / d: truncate, then move one unit away from zero when the exact
  // remainder r (p − q·d, an exact integer below 2^53) is at least half of d. For a rate with exp 0, d = 1 and
  // q = p. Short on purpose: V8 inlines it at every call site (RO brut, each x % of the guarantee) only while
  // its bytecode stays small, and the rare paths (a product beyond 2^53, an amount beyond the limit) are
  // delegated to appliquerTauxDecimal.
  let q = Math.trunc(p / d);
  const r = p - q * d;
  if (r + r >= d) q++;
  else if (r + r <= -d) q--;
  if (Number.isSafeInteger(p) && q <= CENTS_MAX && q >= -CENTS_MAX) return q + 0; // + 0 turns −0 into 0
  return appliquerTauxDecimal(c, t);
}

/**
 * appliquerTaux when the integer path cannot answer: a product not exact in a double goes through decimal.js; an
 * amount beyond CENTS_MAX is refused.
 */
function appliquerTauxDecimal(c: Cents, t: Taux): Cents {
  const q = new Dec(c).times(t.num).div(POW10[t.exp]!).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  if (Math.abs(q) > CENTS_MAX) throw horsLimites();
  return q === 0 ? 0 : q;
}

function tauxInvalide(quoi: string, valeur: string): RembError {
  return new RembError("TAUX_INVALIDE", `Taux invalide pour ${quoi} : « ${valeur} » — un pourcentage est attendu (70 % ou 0,7).`);
}
