import { par } from "./dom";
import { texteErreur } from "./erreurs";

/** The pane's messages, its one-action-at-a-time rule and its theme: shared by the shell and the controller. */

export function message(texte: string, sorte: "info" | "erreur" | "succes" = "info", id = "message"): void {
  const m = par(id);
  m.textContent = texte;
  m.className = `message${sorte === "info" ? "" : ` ${sorte}`}`;
}

let occupe = false;

/** One action at a time; every failure ends as a French message, never an exception in the console. */
export async function tache(f: () => Promise<void>): Promise<void> {
  if (occupe) return;
  occupe = true;
  try {
    await f();
  } catch (e) {
    message(texteErreur(e), "erreur");
  } finally {
    occupe = false;
  }
}

/** Office's theme when Excel gives it (it has no change event: read again when the pane shows); else the system's. */
export function appliquerTheme(): void {
  const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  if (theme && typeof theme.isDarkTheme === "boolean") document.documentElement.dataset.theme = theme.isDarkTheme ? "dark" : "light";
  else delete document.documentElement.dataset.theme;
}
