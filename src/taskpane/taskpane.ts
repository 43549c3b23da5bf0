/*
 * Placeholder task pane (the grid checker comes with the task-pane issue). It runs in the shared runtime page, so
 * the custom functions bundle is loaded next to it; outside Office (a plain browser) it still renders.
 */
import { CATALOGUE } from "../functions/catalogue";

function afficher(): void {
  const liste = document.getElementById("fonctions");
  if (liste) {
    for (const f of CATALOGUE) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `assets/help/${f.id.toLowerCase()}.html`;
      a.target = "_blank";
      a.textContent = `REMB.${f.id}`;
      li.append(a, ` — ${f.resume}`);
      liste.append(li);
    }
  }
}

function etat(texte: string): void {
  const el = document.getElementById("etat");
  if (el) el.textContent = texte;
}

afficher();
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => {
    etat(info.host ? "Complément REMB chargé dans Excel." : "Page ouverte hors d'Excel : les fonctions REMB.* s'utilisent dans Excel.");
  });
} else {
  etat("Page ouverte hors d'Excel : les fonctions REMB.* s'utilisent dans Excel.");
}
