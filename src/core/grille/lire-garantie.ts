import { parseGarantie, type Garantie } from "../garantie";
import { separerRenvois } from "./renvois";

/**
 * The one place where the grid import calls the guarantee parser (src/core/garantie), so that the grid code does
 * not depend on how the parser is reached. Footnote marks (« 100 € (9) », « 135 % BR* ») are not part of a
 * guarantee: they are set aside before parsing (renvois.ts). Throws the parser's RembError (SYNTAXE_GARANTIE) on a
 * bad cell.
 */
export function lireGarantie(texte: string): Garantie {
  return parseGarantie(separerRenvois(texte).texte);
}
