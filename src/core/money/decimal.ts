import Decimal from "decimal.js";

/**
 * REMB's own decimal.js constructor. Never use the global Decimal: another library (or the user's workbook
 * code sharing the runtime) could change its settings. ROUND_HALF_UP is decimal.js's "half away from zero",
 * the rounding the insurer examples use (67.925 → 67.93; docs/modele-de-calcul.md §4).
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;
