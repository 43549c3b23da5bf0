import { parseGarantie, type Garantie } from "../garantie";

/**
 * The one place where the grid import calls the guarantee parser (src/core/garantie), so that the grid code does
 * not depend on how the parser is reached. Throws the parser's RembError (SYNTAXE_GARANTIE) on a bad cell.
 */
export function lireGarantie(texte: string): Garantie {
  return parseGarantie(texte);
}
