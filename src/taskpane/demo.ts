import { lettresColonne } from "../core/grille/adresse";
import { contient, ecrireReference, lireReference, type Zone } from "./a1";
import { el, vider } from "./dom";
import type { Hote } from "./excel-io";
import { ClasseurFaux, contenuFeuille, type FeuilleFausse } from "./faux-classeur";
import { lireXlsx } from "./xlsx";

/**
 * Demo mode (the pane opened in a plain browser, `npm run dev-server`): the pane works on an in-memory workbook
 * holding the sample grids, read from their XLSX files with their number formats and merged cells. Beside the pane,
 * a small view of that workbook lets the user choose a sheet, select a range (typed, or clicked: shift-click extends)
 * and see what the pane writes. `window.rembDemo` is the workbook, for the benchmark and the curious.
 */
const EXEMPLES = ["conforme.xlsx", "erreurs.xlsx", "base-options.xlsx", "reseau.xlsx"];
const LIGNES_VUES = 120;
const COLONNES_VUES = 14;

declare global {
  interface Window {
    rembDemo?: ClasseurFaux;
  }
}

export async function creerDemo(conteneur: HTMLElement): Promise<Hote> {
  const classeur = new ClasseurFaux();
  const lus = await Promise.all(
    EXEMPLES.map(async (f) => {
      const r = await fetch(`assets/grilles/${f}`);
      if (!r.ok) return null;
      return lireXlsx(new Uint8Array(await r.arrayBuffer()))[0] ?? null;
    }),
  );
  for (const x of lus) {
    if (!x) continue;
    let nom = x.nom;
    for (let i = 2; classeur.feuille(nom); i++) nom = `${x.nom.slice(0, 27)} (${i})`;
    const f = classeur.ajouterFeuille(nom);
    f.poserValeurs(x.ligne - 1, x.colonne - 1, x.valeurs, x.formats);
    for (const z of x.fusions) f.fusions.push({ ligne: z.ligne + x.ligne - 1, colonne: z.colonne + x.colonne - 1, lignes: z.lignes, colonnes: z.colonnes });
  }
  if (classeur.feuilles.length === 0) classeur.ajouterFeuille("Feuil1");
  const premiere = classeur.feuilles[0]!;
  const u = premiere.zoneUtilisee(true);
  if (u) classeur.selectionner(ecrireReference(premiere.nom, u));
  window.rembDemo = classeur;
  vueDemo(conteneur, classeur);
  return classeur.hote();
}

function vueDemo(conteneur: HTMLElement, c: ClasseurFaux): void {
  conteneur.hidden = false;
  const choixFeuille = el("select", { id: "demo-feuille" });
  const plage = el("input", { id: "demo-plage", type: "text", autocomplete: "off", "aria-describedby": "demo-plage-aide" });
  const selectionner = el("button", { type: "button", id: "demo-selectionner" }, "Sélectionner");
  const etat = el("p", { id: "demo-etat", class: "aide" });
  // Focusable so the keyboard can scroll it (axe: scrollable-region-focusable).
  const feuille = el("div", { class: "demo-feuille", id: "demo-vue", tabindex: "0", role: "region", "aria-label": "Contenu de la feuille" });
  conteneur.append(
    el("h2", { id: "t-demo" }, "Classeur de démonstration"),
    el(
      "p",
      { class: "aide" },
      "Les grilles d'exemple, comme dans Excel. Choisissez une feuille, sélectionnez une plage (tapée, ou cliquée ; Maj+clic étend), puis « Utiliser la sélection » dans le volet.",
    ),
    el("div", { class: "ligne-champ" }, el("label", { for: "demo-feuille" }, "Feuille"), choixFeuille),
    el("div", { class: "ligne-champ" }, el("label", { for: "demo-plage" }, "Plage sélectionnée"), plage, selectionner),
    el("p", { id: "demo-plage-aide", class: "aide" }, "Par exemple A1:D40, ou A:D pour des colonnes entières ; plusieurs zones séparées par des virgules."),
    etat,
    feuille,
  );
  choixFeuille.addEventListener("change", () => {
    const f = c.feuille(choixFeuille.value);
    if (!f) return;
    const u = f.zoneUtilisee(true);
    c.selectionner(ecrireReference(f.nom, u ?? { ligne: 0, colonne: 0, lignes: 1, colonnes: 1 }));
  });
  const appliquer = () => {
    try {
      const texte = plage.value.trim();
      c.selectionner(
        texte.includes("!")
          ? texte
          : texte
              .split(",")
              .map((z) => ecrireReference(c.active?.nom, lireReference(z)?.zone ?? zoneInvalide(z)))
              .join(", "),
      );
    } catch (e) {
      etat.textContent = (e as Error).message;
    }
  };
  selectionner.addEventListener("click", appliquer);
  plage.addEventListener("keydown", (e) => {
    if (e.key === "Enter") appliquer();
  });
  let ancre: { r: number; c: number } | undefined;
  feuille.addEventListener("click", (e) => {
    const td = (e.target as HTMLElement).closest("td");
    if (!td || !c.active) return;
    const r = Number(td.dataset.r);
    const k = Number(td.dataset.c);
    const de = e.shiftKey && ancre ? ancre : { r, c: k };
    if (!e.shiftKey) ancre = { r, c: k };
    const z: Zone = { ligne: Math.min(de.r, r), colonne: Math.min(de.c, k), lignes: Math.abs(de.r - r) + 1, colonnes: Math.abs(de.c - k) + 1 };
    c.selectionner(ecrireReference(c.active.nom, z));
  });
  let prevu = false;
  const dessiner = () => {
    prevu = false;
    vider(choixFeuille);
    for (const f of c.feuilles) choixFeuille.append(el("option", { value: f.nom }, f.nom));
    if (c.active) choixFeuille.value = c.active.nom;
    const sel = c.selection.map((z) => ecrireReference(undefined, z)).join(", ");
    if (document.activeElement !== plage) plage.value = sel;
    etat.textContent = `Sélection : ${c.active ? ecrireReference(c.active.nom, c.selection[0]!) : "aucune"}${c.selection.length > 1 ? ` (+ ${c.selection.length - 1} zone${c.selection.length > 2 ? "s" : ""})` : ""} · ${c.feuilles.length} feuilles`;
    vider(feuille);
    if (c.active) feuille.append(tableFeuille(c.active, c));
  };
  // Redrawn once per frame at most: a write of the pane changes the workbook many times in one sync.
  c.observer(() => {
    if (prevu) return;
    prevu = true;
    requestAnimationFrame(dessiner);
  });
  dessiner();
}

function zoneInvalide(z: string): never {
  throw new Error(`Plage invalide : « ${z.trim()} » (par exemple A1:D40).`);
}

function tableFeuille(f: FeuilleFausse, c: ClasseurFaux): HTMLTableElement {
  const { zone, valeurs } = contenuFeuille(f, c);
  const lignes = Math.min(zone?.lignes ?? 1, LIGNES_VUES);
  const colonnes = Math.min(zone?.colonnes ?? 1, COLONNES_VUES);
  const table = el("table", {}, el("caption", { class: "visuellement-cache" }, `Feuille « ${f.nom} » (${lignes} premières lignes)`));
  const tete = el("tr", {}, el("th", { scope: "col" }, el("span", { class: "visuellement-cache" }, "Ligne")));
  for (let k = 0; k < colonnes; k++) tete.append(el("th", { scope: "col" }, lettresColonne(k + 1)));
  table.append(el("thead", {}, tete));
  const corps = el("tbody");
  for (let r = 0; r < lignes; r++) {
    const tr = el("tr", {}, el("th", { scope: "row" }, String(r + 1)));
    for (let k = 0; k < colonnes; k++) {
      const v = valeurs[r]?.[k] ?? "";
      const x = f.lire(r, k);
      const selectionnee = c.active === f && c.selection.some((z) => contient(z, r, k));
      const texte = typeof v === "number" && x?.nf?.includes("%") ? `${String(Math.round(v * 10000) / 100).replace(".", ",")} %` : String(v);
      tr.append(
        el(
          "td",
          {
            "data-r": String(r),
            "data-c": String(k),
            class: [selectionnee ? "selectionnee" : "", x?.gras ? "gras" : ""].join(" ").trim() || undefined,
            title: texte || undefined,
          },
          texte,
        ),
      );
    }
    corps.append(tr);
  }
  table.append(corps);
  return table;
}
