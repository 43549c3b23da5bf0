import { appliquerTaux, POW10, type Taux } from "./taux";
import type { Cents } from "./cents";

/*
 * The rounding step of the compiled claims-table path, apart from taux.ts: the Excel functions never use it, and
 * their bundle (whose size is budgeted) then does not carry it.
 */

/** 1 / 10^exp for exp in 0..15: the nearest doubles, corrected by tauxPositifArrondi's remainder step. */
export const INV_POW10: Float64Array = Float64Array.from(POW10, (d) => 1 / d);

/**
 * 10^exp as machine integers for exp in 0..9, and for exp 10..15 a value above tauxPositifArrondi's bound (those go to
 * appliquerTaux). POW10 holds doubles (10^10 and up do not fit an integer register): a power of ten read from it
 * makes the engine do the whole rounding in floating point with conversions, read from here in integers.
 */
export const POW10_ENTIER: Int32Array = Int32Array.from(POW10, (d) => (d <= 1e9 ? d : 0x7fffffff));

/**
 * appliquerTaux for a non-negative whole amount and a non-negative rate given by its fields (num, d = 10^exp, inv =
 * INV_POW10[exp]), for the compiled claims-table path (garantie/compiler.ts, calculators/soins-compile.ts). The same
 * result, half up to the cent, with a multiplication where appliquerTaux divides: p × inv is within 0.2 of p / d
 * (d ≥ 10; exact for d = 1), so its truncation is the exact quotient or one off, and the exact integer remainder
 * p − q·d puts it right. While p and d stay below 2^30 (a BR of 10 million euros at 100 %), every step is a small
 * integer the engine keeps in machine integers; the division and the conversions between floats and integers were
 * most of the cost of a soins line. Larger products take appliquerTaux itself.
 */
export function tauxPositifArrondi(c: Cents, num: number, d: number, inv: number, t: Taux): Cents {
  const p = c * num;
  if (p <= 0x3fffffff && d <= 0x3fffffff) {
    let q = (p * inv) | 0;
    let r = p - q * d;
    if (r < 0) {
      q--;
      r += d;
    } else if (r >= d) {
      q++;
      r -= d;
    }
    return r + r >= d ? q + 1 : q;
  }
  return appliquerTaux(c, t);
}
