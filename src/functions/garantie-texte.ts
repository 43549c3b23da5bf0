import { RembError } from "../core/errors";
import type { Garantie } from "../core/garantie";

/**
 * Guarantee text → AST, through the core's parser (memoised there by the exact text).
 * TEMPORARY: the parser (src/core/garantie, parseGarantie) has not landed yet; until it does, text guarantees are
 * refused with a clear message and numbers (garantieDepuisNombre) are the only accepted form.
 */
export function garantieDepuisTexte(texte: string): Garantie {
  throw new RembError(
    "ARGUMENT_INVALIDE",
    `Garantie « ${texte} » : la lecture des expressions de garantie n'est pas encore disponible — donnez un nombre (1,5 = 150 % BR).`,
  );
}
