import { RembError } from "../errors";
import { dateFr, type Jour } from "../dates";
import { citerArticle, periodeEnVigueur } from "../params/articles";

/**
 * The articles the validator cites, for the contract's date: a finding names the text in force then rather than
 * today's. The versions and what each reference says are data (src/core/params/articles.json), checked against the
 * snapshot of the texts; the dated amounts are parameters.
 */

/** « R871-2 2° CSS (LEGIARTI…) » for the version in force on the contract date. */
export function refR871_2(alinea: string, date: Jour): string {
  return citerArticle("R871-2", alinea, date);
}

/** « R871-1 1° CSS (LEGIARTI…) ». */
export function refR871_1(alinea: "1°" | "2°", date: Jour): string {
  return citerArticle("R871-1", alinea, date);
}

/** L871-1, the contrat responsable itself. */
export function refL871_1(date: Jour): string {
  return citerArticle("L871-1", undefined, date);
}

/** L863-8, the insurers' networks of professionals. */
export function refL863_8(date: Jour): string {
  return citerArticle("L863-8", undefined, date);
}

/** D911-1, the minimum cover of mandatory collective contracts. */
export function refD911_1(date: Jour): string {
  return citerArticle("D911-1", undefined, date);
}

/** The Légifrance version of R871-2 in force on the contract date, with its period (end exclusive, null: current). */
export function versionR871_2(date: Jour): { readonly id: string; readonly debut: Jour; readonly fin: Jour | null } {
  const v = periodeEnVigueur("R871-2", date);
  if (!v)
    throw new RembError("PARAMETRE_AVANT_DEBUT", `Aucune version de R871-2 en vigueur le ${dateFr(date)} dans les données (src/core/params/articles.json).`);
  return v;
}
