import type { Jour } from "../dates";
import { jourDepuisIso } from "../dates";

/**
 * The Légifrance versions of the articles the validator cites (domain §3.1, §9, §3.3 CR-23), so a finding names
 * the text in force for the contract's date rather than today's. These are identifiers of texts, not values used in
 * a computation; the dated amounts live in src/core/params.
 */
const VERSIONS_R871_2: readonly (readonly [string, string])[] = [
  ["2015-04-01", "LEGIARTI000029779021"],
  ["2016-01-01", "LEGIARTI000031829108"],
  ["2017-05-06", "LEGIARTI000034623863"],
  ["2019-01-13", "LEGIARTI000038035521"],
  // ⚠ decree not identified (domain §12 point 10).
  ["2024-11-18", "LEGIARTI000050506958"],
  ["2025-11-28", "LEGIARTI000052861614"],
];
const DEBUTS = VERSIONS_R871_2.map(([d, id]) => [jourDepuisIso(d), id] as const);

/** « R871-2 2° CSS (LEGIARTI…) » for the version in force on the contract date. */
export function refR871_2(alinea: string, date: Jour): string {
  let id = DEBUTS[0]![1];
  for (const [debut, v] of DEBUTS) if (date >= debut) id = v;
  return `R871-2 ${alinea} CSS (${id})`;
}

/** The Légifrance version of R871-2 in force on the contract date, with its period (end exclusive, null: current). */
export function versionR871_2(date: Jour): { readonly id: string; readonly debut: Jour; readonly fin: Jour | null } {
  let k = 0;
  DEBUTS.forEach(([debut], i) => {
    if (date >= debut) k = i;
  });
  return { id: DEBUTS[k]![1], debut: DEBUTS[k]![0], fin: DEBUTS[k + 1]?.[0] ?? null };
}

export const REF_R871_1 = (alinea: string): string => `R871-1 ${alinea} CSS (LEGIARTI000029779013)`;
export const REF_L871_1 = "L871-1 CSS (LEGIARTI000051382496)";
export const REF_L863_8 = "L863-8 CSS (LEGIARTI000028528148, loi n° 2014-57 du 27 janv. 2014)";
export const REF_D911_1 = "D911-1 CSS (LEGIARTI000038093115, décret n° 2019-65 du 31 janv. 2019)";
