import { estRembError } from "../core/errors";

/** A problem the user can act on, in French; anything else is reported as an unexpected error. */
export class ErreurVolet extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ErreurVolet";
  }
}

/** What the pane says about a failure: the French message of REMB or of the pane, else Excel's with its code. */
export function texteErreur(e: unknown): string {
  if (e instanceof ErreurVolet) return e.message;
  if (estRembError(e)) return e.message;
  const code = (e as { code?: unknown })?.code;
  const texte = e instanceof Error ? e.message : String(e);
  return `Erreur inattendue${typeof code === "string" ? ` d'Excel (${code})` : ""} : ${texte}. Réessayez ; si elle revient, signalez-la avec ce message.`;
}
