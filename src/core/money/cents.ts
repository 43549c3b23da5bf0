import { RembError } from "../errors";
import { Dec } from "./decimal";

/**
 * Money is held as an integer number of euro cents in a plain JS number. Integer arithmetic below 2^53 is
 * exact, so sums, differences, min and max on cents never round. Every product by a rate goes through
 * `appliquerTaux` (taux.ts), which is the one place where rounding happens and which hands over to decimal.js
 * whenever the integer product would leave the exact range. This keeps the hot path (millions of claim
 * lines) free of allocations while staying exact to the cent.
 */
export type Cents = number;

/** Largest amount accepted anywhere: 1 000 000 000 € (far above any claim), so products stay exact. */
export const CENTS_MAX: Cents = 100_000_000_000;

/**
 * Named rounding step « saisie » : an amount given in euros (an Excel number, possibly 33.000000000000004
 * after a formula) becomes whole cents, half-up. The shortest decimal form of the number is what the user
 * sees in Excel, so that is the value we round.
 */
export function centsDepuisEuros(x: number | string, quoi = "montant"): Cents {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw montantInvalide(quoi, String(x));
    const c = Math.round(x * 100);
    // When c/100 rounds back to x, x is exactly a 2-decimal number and c is its value in cents.
    if (c / 100 === x && Math.abs(c) <= CENTS_MAX) return c === 0 ? 0 : c;
  }
  let d;
  try {
    d = new Dec(typeof x === "string" ? x.trim() : x);
  } catch {
    throw montantInvalide(quoi, String(x));
  }
  if (!d.isFinite()) throw montantInvalide(quoi, String(x));
  const c = d.times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  if (Math.abs(c) > CENTS_MAX) throw montantTropGrand(quoi, d);
  return c === 0 ? 0 : c;
}

/** Euros as a JS number for Excel output (the nearest double to the exact cents value). */
export function eurosDepuisCents(c: Cents): number {
  return c / 100;
}

/** Sum of cents; throws when the result leaves the supported range instead of losing precision. */
export function additionner(a: Cents, b: Cents): Cents {
  const s = a + b;
  if (s > CENTS_MAX || s < -CENTS_MAX) throw horsLimites();
  return s;
}

/** Amount × whole number of units (days, nights, boxes). */
export function multiplierEntier(c: Cents, n: number): Cents {
  const p = c * n;
  if (!Number.isSafeInteger(p) || Math.abs(p) > CENTS_MAX) throw horsLimites();
  return p === 0 ? 0 : p;
}

/**
 * Named rounding step « prorata »: c × partie / tout, half-up to the cent (docs/modele-de-calcul.md §4). It takes the part of a
 * line's value that a count pays: « Frais réels (max 90 jours / an) » on a 120-day stay gives FR × 90 / 120.
 * Exact: integer division with remainder while the products stay below 2^53, decimal.js beyond.
 */
export function proratiser(c: Cents, partie: number, tout: number): Cents {
  if (!Number.isSafeInteger(c) || c < 0 || !Number.isSafeInteger(partie) || !Number.isSafeInteger(tout) || partie < 0 || tout <= 0 || partie > tout) {
    throw new RembError("ARGUMENT_INVALIDE", `Prorata invalide : ${c} × ${partie} / ${tout} (montant en centimes positif, 0 ≤ partie ≤ tout).`);
  }
  const p = c * partie;
  // q × tout ≤ p + tout < 2^53: the remainder below is exact.
  if (p <= 2 ** 52 && tout <= 2 ** 52) {
    let q = Math.floor(p / tout);
    let r = p - q * tout;
    if (r < 0) {
      q--;
      r += tout;
    } else if (r >= tout) {
      q++;
      r -= tout;
    }
    return 2 * r >= tout ? q + 1 : q === 0 ? 0 : q;
  }
  return new Dec(c).times(partie).div(tout).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}

/**
 * The error of an amount beyond CENTS_MAX. Built out of line: the checks that raise it run on every claim line, and
 * a message inside them would weigh on V8's inlining budget there.
 */
export function horsLimites(): RembError {
  return new RembError("MONTANT_INVALIDE", "Montant hors limites (plus de 1 milliard d'euros).");
}

const NNBSP = "\u202f";
const NBSP = "\u00a0";

/** French display: « 1 234,56 € » (narrow no-break space for thousands, no-break space before €). */
export function formatEuros(c: Cents): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const entier = Math.floor(abs / 100);
  const dec = abs - entier * 100;
  const groupes = String(entier).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return `${neg ? "-" : ""}${groupes},${dec < 10 ? "0" : ""}${dec}${NBSP}€`;
}

function montantTropGrand(quoi: string, d: Dec): RembError {
  const vu = d.abs().greaterThan(1e15) ? d.toExponential(2).replace(".", ",") : d.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return new RembError("MONTANT_INVALIDE", `Montant trop grand pour ${quoi} : ${vu} € — au plus ${formatEuros(CENTS_MAX)} est accepté.`);
}

function montantInvalide(quoi: string, valeur: string): RembError {
  return new RembError("MONTANT_INVALIDE", `Montant invalide pour ${quoi} : « ${valeur} » — un nombre en euros est attendu.`);
}
