import type { Corrections, Grille, LectureGrille, LectureLigne } from "../core/grille";
import { plier, posteParCode } from "../core/postes";
import { ATTRIBUT, AUCUN, correctionDeLigne, postesGroupes } from "./corrections";
import { el, par, pourcent, vider } from "./dom";

/**
 * How the grid was read: one entry per line (its poste, confidence, whether it needs a look), opened to see why,
 * each cell's reading, and to correct the poste or a cell's text. An entry's content is built when it is opened:
 * a grid has a hundred lines and the poste list two hundred options.
 */
export interface ActionsLecture {
  corrigerPoste(ligne: number, libelle: string, choix: string, identiques: boolean): void;
  annulerPoste(ligne: number, libelle: string, identiques: boolean): void;
  corrigerCellule(adresse: string, texte: string | null): void;
}

export interface EtatLecture {
  readonly grille: Grille;
  readonly lecture: LectureGrille;
  readonly corrections: Corrections;
  /** Show only the lines to check. */
  readonly filtre: boolean;
  /** Rows whose entry is open (kept across re-readings). */
  readonly ouvertes: Set<number>;
  /** Corrections do not apply (JSON grids give their postes). */
  readonly sansCorrections: boolean;
}

/** A line needs a look: no poste, or an alerte of the import on it (uncertain poste, unread cell, ambiguous number…). */
export function aVerifier(g: Grille, l: LectureLigne): boolean {
  return l.nature === "inconnu" || g.alertes.some((a) => a.ligne === l.ligne && a.gravite === "alerte");
}

export function resumeLecture(e: EtatLecture): string {
  const ls = e.lecture.lignes;
  const soins = ls.filter((x) => x.nature === "soin").length;
  const attributs = ls.filter((x) => x.nature === "attribut").length;
  const inconnues = ls.length - soins - attributs;
  const averifier = ls.filter((x) => aVerifier(e.grille, x)).length;
  const nonLues = ls.reduce((s, x) => s + x.cellules.filter((c) => c.nonLu !== null).length, 0);
  const c = e.lecture.corrections;
  return (
    `${ls.length} lignes : ${soins} soins, ${attributs} attributs, ${inconnues} non reconnues ; ${averifier} à vérifier ; ` +
    `${nonLues} cellule${nonLues > 1 ? "s" : ""} non lue${nonLues > 1 ? "s" : ""}` +
    (c.lignes + c.cellules > 0
      ? ` ; corrections appliquées : ${c.lignes} ligne${c.lignes > 1 ? "s" : ""}, ${c.cellules} cellule${c.cellules > 1 ? "s" : ""}`
      : "")
  );
}

export function rendreLecture(e: EtatLecture, actions: ActionsLecture): void {
  par("resume-lecture").textContent = resumeLecture(e);
  const liste = par("lignes");
  vider(liste);
  const memesLibelles = new Map<string, number>();
  for (const x of e.lecture.lignes) memesLibelles.set(plier(x.libelle), (memesLibelles.get(plier(x.libelle)) ?? 0) + 1);
  for (const x of e.lecture.lignes) {
    const verifier = aVerifier(e.grille, x);
    if (e.filtre && !verifier) continue;
    const correction = correctionDeLigne(e.corrections, x.ligne, x.libelle);
    const poste = x.libellePoste ?? (x.nature === "attribut" ? "Service ou attribut (non vérifié)" : "Poste non reconnu");
    const d = el(
      "details",
      { id: `ligne-${x.ligne}` },
      el(
        "summary",
        {},
        `L${x.ligne} · ${x.libelle} `,
        el("span", { class: "poste" }, `→ ${poste} `),
        correction && !e.sansCorrections
          ? el("span", { class: "badge corrige" }, "corrigé")
          : verifier
            ? el("span", { class: "badge averifier" }, "à vérifier")
            : el("span", { class: "badge" }, pourcent(x.confiance)),
      ),
    );
    let construit = false;
    const construire = () => {
      if (construit) return;
      construit = true;
      d.append(...contenu(e, x, memesLibelles.get(plier(x.libelle)) ?? 1, correction?.par, actions));
    };
    if (e.ouvertes.has(x.ligne)) {
      construire();
      d.open = true;
    }
    d.addEventListener("toggle", () => {
      if (d.open) {
        construire();
        e.ouvertes.add(x.ligne);
      } else e.ouvertes.delete(x.ligne);
    });
    liste.append(el("li", {}, d));
  }
  if (!liste.firstChild) liste.append(el("li", {}, e.filtre ? "Aucune ligne à vérifier." : "Aucune ligne lue."));
}

function contenu(e: EtatLecture, x: LectureLigne, identiques: number, corrigee: "ligne" | "libelle" | undefined, actions: ActionsLecture): HTMLElement[] {
  const r: HTMLElement[] = [];
  const raison = [x.raison];
  if (x.ambigu.length > 0) raison.push(`Autres postes possibles : ${x.ambigu.map((c) => posteParCode(c)?.libelle ?? c).join(" ; ")}.`);
  if (x.complete !== null) raison.push(`Complète la ligne ${x.complete} : jugée avec elle.`);
  r.push(el("p", {}, `${raison.join(" ")} Confiance ${pourcent(x.confiance)}${x.poste ? ` (code ${x.poste})` : ""}.`));
  const cellules = el("ul", { class: "cellules", "aria-label": `Cellules de la ligne ${x.ligne}` });
  for (const c of x.cellules) {
    const adresse = c.adresse?.replace(/^.*!/, "");
    const li = el("li", {}, `${c.niveau}${adresse ? ` (${adresse})` : ""} : `, el("span", { class: "texte-imprime" }, `« ${c.texte} »`));
    if (c.sansObjet) li.append(" — sans objet sur cette ligne");
    else if (c.nonLu !== null) li.append(" — ", el("span", { class: "non-lu" }, `non lu : ${c.nonLu}`));
    else if (c.lu !== null) li.append(` → ${c.lu}`);
    if (c.correction !== null) li.append(` (lu selon votre correction : « ${c.correction} »)`);
    if (!e.sansCorrections && adresse !== undefined && (c.nonLu !== null || c.correction !== null))
      li.append(formulaireCellule(x.ligne, adresse, c.correction, actions));
    cellules.append(li);
  }
  r.push(cellules);
  if (e.sansCorrections) {
    r.push(el("p", { class: "aide" }, "Grille JSON : ses postes sont ceux du fichier, les corrections ne s'y appliquent pas."));
    return r;
  }
  const id = `l-${x.ligne}`;
  const choix = el("select", { id: `${id}-poste` });
  choix.append(
    el("option", { value: AUCUN }, "Aucun poste (ligne non vérifiée)"),
    el("option", { value: ATTRIBUT }, "Service ou attribut du contrat (non vérifié)"),
  );
  for (const g of postesGroupes()) {
    const og = el("optgroup", { label: g.libelle });
    for (const p of g.postes) og.append(el("option", { value: p.code }, p.libelle));
    choix.append(og);
  }
  choix.value = x.poste ?? (x.nature === "attribut" ? ATTRIBUT : AUCUN);
  const memes = el("input", { type: "checkbox", id: `${id}-identiques` });
  const corriger = el("button", { type: "button", id: `${id}-corriger` }, "Corriger le poste");
  corriger.addEventListener("click", () => actions.corrigerPoste(x.ligne, x.libelle, choix.value, memes.checked));
  const form = el(
    "div",
    { class: "formulaire" },
    el("label", { for: `${id}-poste` }, "Poste"),
    choix,
    el(
      "div",
      { class: "ligne-champ case" },
      memes,
      el("label", { for: `${id}-identiques` }, `Appliquer aux libellés identiques (${identiques} ligne${identiques > 1 ? "s" : ""})`),
    ),
    el("div", { class: "actions" }, corriger),
  );
  if (corrigee !== undefined) {
    // A label correction is undone for every line printed so, as it was made.
    const annuler = el(
      "button",
      { type: "button", id: `${id}-annuler` },
      corrigee === "libelle" ? "Annuler la correction (libellés identiques)" : "Annuler la correction",
    );
    annuler.addEventListener("click", () => actions.annulerPoste(x.ligne, x.libelle, corrigee === "libelle"));
    form.lastElementChild!.append(annuler);
  }
  r.push(form);
  return r;
}

function formulaireCellule(ligne: number, adresse: string, correction: string | null, actions: ActionsLecture): HTMLElement {
  const id = `c-${ligne}-${adresse}`;
  const champ = el("input", { type: "text", id, autocomplete: "off", placeholder: "150 % BR" });
  if (correction !== null) champ.value = correction;
  const lire = el("button", { type: "button", id: `${id}-lire` }, "Lire ce texte");
  lire.addEventListener("click", () => actions.corrigerCellule(adresse, champ.value));
  const div = el("div", { class: "formulaire" }, el("label", { for: id }, `Texte à lire pour ${adresse}`), champ, el("div", { class: "actions" }, lire));
  if (correction !== null) {
    const retour = el("button", { type: "button", id: `${id}-retour` }, "Revenir au texte imprimé");
    retour.addEventListener("click", () => actions.corrigerCellule(adresse, null));
    div.lastElementChild!.append(retour);
  }
  return div;
}
