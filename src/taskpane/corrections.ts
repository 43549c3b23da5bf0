import type { Corrections, PosteCorrige } from "../core/grille";
import { plier, CATALOGUE, LIBELLES_SECTIONS, SECTIONS, type Poste } from "../core/postes";

/**
 * Editing the corrections of a grid (pure): the poste of a line, or of every line with the same label (« appliquer
 * aux libellés identiques »), and the text to read in a cell. The result is the core's Corrections object, stored
 * in the workbook as the CLI's corrections file.
 */

/** Value of the poste list for « aucun poste » and « attribut » (a catalogue code otherwise). */
export const AUCUN = "aucun";
export const ATTRIBUT = "attribut";

export function posteDepuisChoix(v: string): PosteCorrige {
  return v === AUCUN ? null : v === ATTRIBUT ? "attribut" : (v as PosteCorrige);
}

export function corrigerPoste(c: Corrections, ligne: number, libelle: string, poste: PosteCorrige, identiques: boolean): Corrections {
  const lignes = { ...(c.lignes ?? {}) };
  const libelles = { ...(c.libelles ?? {}) };
  if (identiques) {
    // The label correction applies to every line printed so; a row correction of this line would hide it.
    for (const k of Object.keys(libelles)) if (plier(k) === plier(libelle)) delete libelles[k];
    libelles[libelle] = poste;
    delete lignes[ligne];
  } else {
    lignes[ligne] = poste;
  }
  return { ...c, lignes, libelles };
}

/** Removes what corrects this line: its row correction, and the label correction when asked. */
export function annulerPoste(c: Corrections, ligne: number, libelle: string, identiques: boolean): Corrections {
  const lignes = { ...(c.lignes ?? {}) };
  delete lignes[ligne];
  const libelles = { ...(c.libelles ?? {}) };
  if (identiques) for (const k of Object.keys(libelles)) if (plier(k) === plier(libelle)) delete libelles[k];
  return { ...c, lignes, libelles };
}

/** The corrected text of a cell (address without sheet), or null to read the printed text again. */
export function corrigerCellule(c: Corrections, adresse: string, texte: string | null): Corrections {
  const cle = adresse.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();
  const cellules = { ...(c.cellules ?? {}) };
  if (texte === null || texte.trim() === "") delete cellules[cle];
  else cellules[cle] = texte.trim();
  return { ...c, cellules };
}

/** Whether the line's poste comes from a correction, and which (row first, then label, as the core applies them). */
export function correctionDeLigne(c: Corrections, ligne: number, libelle: string): { poste: PosteCorrige; par: "ligne" | "libelle" } | undefined {
  if (c.lignes && Object.prototype.hasOwnProperty.call(c.lignes, ligne)) return { poste: c.lignes[ligne]!, par: "ligne" };
  for (const [k, v] of Object.entries(c.libelles ?? {})) if (plier(k) === plier(libelle)) return { poste: v, par: "libelle" };
  return undefined;
}

export interface GroupePostes {
  readonly libelle: string;
  readonly postes: readonly Poste[];
}

let groupes: readonly GroupePostes[] | undefined;

/** The catalogue grouped by section, in the order of the harmonised grid headings (an optgroup each). */
export function postesGroupes(): readonly GroupePostes[] {
  groupes ??= SECTIONS.map((s) => ({ libelle: LIBELLES_SECTIONS[s], postes: CATALOGUE.filter((p) => p.section === s) })).filter((g) => g.postes.length > 0);
  return groupes;
}
