import { RembError } from "../errors";

/**
 * Characters of the cell, and of the word found, quoted in a message. Excel shows about 255 characters of a custom
 * error: the quote is kept short so that what is expected, and where, always fits after it.
 */
const APERCU_MAX = 80;
const TROUVE_MAX = 24;
const MESSAGE_EXCEL_MAX = 255;

export const FIN_EXPRESSION = "fin de l'expression";

/**
 * The cell as quoted in messages: line breaks and tabs shown as spaces so positions still line up. A long cell is
 * quoted around `autour` (0-based), where the mistake is, with « … » for what is left out.
 */
export function apercu(source: string, autour = 0): string {
  const plat = source.replace(/[\t\n\v\f\r\u2028\u2029]/g, " ");
  if (plat.length <= APERCU_MAX) return plat;
  const debut = Math.max(0, Math.min(autour - APERCU_MAX / 2, plat.length - APERCU_MAX));
  const fin = debut + APERCU_MAX;
  return `${debut > 0 ? "…" : ""}${plat.slice(debut, fin)}${fin < plat.length ? "…" : ""}`;
}

/** The word found where something else was expected, as quoted in a message. */
export function motTrouve(texte: string): string {
  return texte.length <= TROUVE_MAX ? texte : `${texte.slice(0, TROUVE_MAX - 1)}…`;
}

/**
 * The one shape of a parse error (docs/langage-garanties.md): `Expression invalide : « 150 % BX » — « BR », « FR »,
 * « PMSS »… attendu à la position 7, « BX » trouvé`. `position0` is a 0-based offset; users read 1-based.
 * A specific mistake passes its own `explication` (which names the position itself); the structured
 * `syntaxe` detail is always filled so the task pane can underline the spot.
 */
export function erreurSyntaxe(source: string, position0: number, attendu: string, trouve: string, explication?: string): RembError {
  const position = position0 + 1;
  const fin = trouve === FIN_EXPRESSION;
  const texte =
    explication ??
    (fin ? `${attendu} attendu à la position ${position} (${FIN_EXPRESSION})` : `${attendu} attendu à la position ${position}, « ${trouve} » trouvé`);
  let message = `Expression invalide : « ${apercu(source, position0)} » — ${texte}`;
  // Excel shows 255 characters: past them, the quotes inside the explanation are cut so that what is expected stays.
  if (message.length > MESSAGE_EXCEL_MAX)
    message = `Expression invalide : « ${apercu(source, position0)} » — ${texte.replace(/« ([^«»]+) »/g, (_, mot: string) => `« ${motTrouve(mot)} »`)}`;
  return new RembError("SYNTAXE_GARANTIE", message, {
    nature: "valeur",
    syntaxe: { position, attendu, trouve },
  });
}
