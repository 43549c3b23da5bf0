import { RembError } from "../errors";

/** Longest excerpt of the cell quoted in a message (a pasted paragraph would drown the explanation). */
const APERCU_MAX = 80;

export const FIN_EXPRESSION = "fin de l'expression";

/** The cell as quoted in messages: line breaks and tabs shown as spaces so positions still line up. */
export function apercu(source: string): string {
  const plat = source.replace(/[\t\n\v\f\r\u2028\u2029]/g, " ");
  return plat.length > APERCU_MAX ? `${plat.slice(0, APERCU_MAX - 1)}…` : plat;
}

/**
 * The one shape of a parse error (architecture.md): `Expression invalide : « 150 % BX » — « BR », « FR »,
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
  return new RembError("SYNTAXE_GARANTIE", `Expression invalide : « ${apercu(source)} » — ${texte}`, {
    nature: "valeur",
    syntaxe: { position, attendu, trouve },
  });
}
