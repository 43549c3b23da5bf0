import { adresseA1, lettresColonne } from "./adresse";
import { erreur, type Feuille } from "./feuille";
import { analyserEntete, estDeclarationUnite, type Entete } from "./niveaux";
import type { UniteNombres } from "./nombre";
import { plier } from "../texte/plier";

/**
 * Where the grid is in the sheet: the columns holding guarantees and the rows that have a label and guarantees, the
 * header row(s) above them with the level names, and the label columns. See docs/format-grille.md §1.
 */

/** Header rows are looked for this far above the first row of guarantees. */
const ENTETE_RECHERCHE = 50;
/** Rows tried as the first row of guarantees (title rows may look like one). */
const CANDIDATS_MAX = 20;

/** A column of the header: where it is, what its header says, and the unit its numbers are in. */
export interface Colonne {
  readonly c: number;
  readonly entete: Entete;
  readonly texte: string;
  readonly haut?: string;
  readonly bas?: string;
  readonly unite?: UniteNombres;
  /** No header names the column: it is named after its letter. */
  readonly sansNom?: true;
}

export interface EnteteTrouve {
  readonly colonnes: Colonne[];
  readonly lignes: number[];
  readonly derniere: number;
  readonly lignesUnites: Set<number>;
}

/** The columns holding guarantees, and the rows that have a label and some guarantees (in order). */
export function reperer(f: Feuille): { colonnesDonnees: number[]; lignesDonnees: number[] } {
  const compte = new Array<number>(f.largeur).fill(0);
  const textes = new Array<number>(f.largeur).fill(0);
  for (let r = 0; r < f.V.length; r++) {
    const ligne = f.V[r]!;
    if (f.uniforme(r)) continue;
    for (let c = 0; c < ligne.length; c++) {
      const v = ligne[c]!;
      if (v.type === "vide") continue;
      if (f.semblableGarantie(r, c)) compte[c]!++;
      // Level names and unit declarations are what a column of guarantees has on top.
      else if (v.type !== "texte" || (!analyserEntete(v.texte).niveau && estDeclarationUnite(v.texte) === undefined)) textes[c]!++;
    }
  }
  // A column of guarantees holds at least as many values as texts (labels, headings and « 100 % Santé » labels are texts).
  let colonnes = compte.map((n, c) => (n >= 1 && n >= textes[c]! ? c : -1)).filter((c) => c >= 0);
  // The first column holds the labels as soon as it holds one.
  if (colonnes[0] === 0 && textes[0]! > 0) colonnes = colonnes.slice(1);
  if (colonnes.length === 0) {
    throw erreur(
      "Aucune colonne de garanties trouvée : une grille a une colonne de libellés puis une colonne par niveau, " +
        "avec des cellules comme « 100 % BR », « 50 € », « Frais réels » ou « Néant ».",
    );
  }
  if (colonnes[0] === 0)
    throw erreur("Aucune colonne de libellés : la première colonne contient des garanties. Les libellés des postes doivent précéder les niveaux.");
  const c0 = colonnes[0]!;
  const lignes: number[] = [];
  for (let r = 0; r < f.V.length && lignes.length < CANDIDATS_MAX; r++) {
    let libelle = false;
    for (let c = 0; c < c0; c++) if (f.v(r, c).type !== "vide") libelle = true;
    if (!libelle) continue;
    if (colonnes.some((c) => f.semblableGarantie(r, c))) lignes.push(r);
  }
  if (lignes.length === 0) throw erreur("Aucune ligne de garanties trouvée : aucune ligne n'a à la fois un libellé et des garanties.");
  return { colonnesDonnees: colonnes, lignesDonnees: lignes };
}

export function trouverEntete(
  f: Feuille,
  donnees: number[],
  premiere: number,
  niveauExige: boolean,
): { colonnes: Colonne[]; lignes: number[]; derniere: number; lignesUnites: Set<number> } | null {
  const c0 = donnees[0]!;
  const lignesUnites = new Set<number>();
  const unites = new Map<number, UniteNombres>();
  let h = -1;
  for (let r = premiere - 1; r >= 0 && r >= premiere - ENTETE_RECHERCHE; r--) {
    const cols = f.colonnesTexte(r, c0);
    if (cols.length === 0) continue;
    const declarations = cols.map((c) => estDeclarationUnite(f.texte(r, c)));
    if (declarations.every((d) => d !== undefined)) {
      lignesUnites.add(r);
      cols.forEach((c, i) => unites.set(c, declarations[i] === "pourcentage" ? "pourcentage" : "euros"));
      continue;
    }
    if (f.uniforme(r)) continue;
    if (cols.some((c) => !f.semblableGarantie(r, c))) {
      h = r;
      break;
    }
  }
  if (h < 0) return null;
  // Past the first candidate, only a row that names a level is a header (not a data row with a sentence in it).
  if (niveauExige && !f.colonnesTexte(h, 0).some((c) => analyserEntete(f.texte(h, c)).niveau)) return null;
  // A level row above a réseau / hors réseau row (or above repeated names) is the first half of the header.
  let haut = -1;
  if (h > 0 && !f.uniforme(h - 1)) {
    const colsH = f.colonnesTexte(h, c0);
    const colsU = f.colonnesTexte(h - 1, c0).filter((c) => !f.semblableGarantie(h - 1, c));
    if (colsU.length > 0) {
      const textesH = colsH.map((c) => f.texte(h, c));
      const variantes = textesH.some((t) => analyserEntete(t).variante !== undefined);
      const doublons = new Set(textesH.map((t) => plier(t))).size < textesH.length;
      const niveauH = textesH.some((t) => analyserEntete(t).niveau && analyserEntete(t).variante === undefined);
      // « Base », « Option 1 », « Total … »: names of levels, even when they do not say « Niveau ».
      const niveauU = colsU.some((c) => {
        const e = analyserEntete(f.texte(h - 1, c));
        return e.niveau || e.type !== "niveau" || /^total\b/.test(plier(f.texte(h - 1, c)));
      });
      // « … | Prise en charge du régime - Base | | Total Base » over « | Au titre du TM | Au titre des dépassements | »:
      // a column of values named only in the upper row belongs to the same header.
      const nommeeEnHautSeulement = colsU.some((c) => !colsH.includes(c) && donnees.includes(c));
      if (niveauU && (variantes || doublons || !niveauH || colsU.length < colsH.length || nommeeEnHautSeulement)) haut = h - 1;
    }
  }
  const lignes = haut >= 0 ? [haut, h] : [h];
  // A level whose cells are all sentences is still a level when its header names one (« Niveau 1 »).
  let debut = c0;
  while (debut > 1 && lignes.some((r) => analyserEntete(f.texte(r, debut - 1)).niveau)) debut--;
  const colonnes: Colonne[] = [];
  let dernierHaut = "";
  const fin = Math.max(f.largeur, ...donnees.map((c) => c + 1));
  for (let c = debut; c < fin; c++) {
    const bas = f.texte(h, c);
    let hautTexte = haut >= 0 ? f.texte(haut, c) : "";
    // A merged level name above réseau / hors réseau: Office gives it in its first cell only.
    if (haut >= 0) {
      if (hautTexte !== "") dernierHaut = hautTexte;
      else if (bas !== "" && analyserEntete(bas).ignorer === undefined) hautTexte = dernierHaut;
    }
    const texte = joindreEntete(hautTexte, bas);
    const aDonnees = donnees.includes(c);
    if (texte === "") {
      if (!aDonnees) continue;
      // Values under no name (a merged header, a sub-table further down with its own columns): the column is kept
      // and read, named after its letter, and the auditor is told; nothing it holds is signed as an erreur.
      const nom = `Colonne ${lettresColonne(f.origine.colonne + c)}`;
      f.alerte("COLONNE_SANS_NOM", "alerte", colonneSansNom(f, c, h, colonnes, nom), { adresse: adresseA1(f.origine, h, c), ligne: f.origine.ligne + h });
      colonnes.push({ c, entete: { ...analyserEntete(nom), niveau: true }, texte: nom, sansNom: true, ...(unites.get(c) ? { unite: unites.get(c)! } : {}) });
      continue;
    }
    const entete = analyserEntete(texte);
    const unite = entete.unite ?? unites.get(c);
    colonnes.push({
      c,
      entete,
      texte,
      ...(hautTexte !== "" && haut >= 0 ? { haut: hautTexte } : {}),
      ...(bas !== "" ? { bas } : {}),
      ...(unite ? { unite } : {}),
    });
  }
  return { colonnes, lignes, derniere: h, lignesUnites };
}

export function colonneSansNom(f: Feuille, c: number, h: number, avant: readonly Colonne[], nom: string): string {
  const voisin = avant.length > 0 && avant[avant.length - 1]!.c === c - 1 ? avant[avant.length - 1] : undefined;
  const ou = `colonne ${lettresColonne(f.origine.colonne + c)}, ligne ${f.origine.ligne + h}`;
  return (
    (voisin
      ? `En-tête fusionné ou incomplet (${ou}) : la colonne a des garanties mais pas de nom de niveau, à côté de « ${voisin.texte} » ; `
      : `Colonne de garanties sans nom de niveau (${ou}) ; `) +
    `elle est lue comme le niveau « ${nom} », sans erreur signée sur ses cellules. Donnez un nom à chaque colonne de niveau ` +
    "(par exemple « Niveau 1 — réseau » et « Niveau 1 — hors réseau »)."
  );
}

/**
 * Label columns: left of the first level, without the columns set aside; and the « Unité » column (BR, FR, PMSS…)
 * that gives the base of each line's bare percentages, when there is one.
 */
export function colonnesLibelle(f: Feuille, colonnes: readonly Colonne[], lignesEntete: readonly number[]): { colonnes: number[]; unite: number | undefined } {
  const ignorees = new Set(colonnes.filter((c) => c.entete.ignorer !== undefined && !c.entete.niveau).map((c) => c.c));
  const premiere = colonnes.find((c) => !ignorees.has(c.c))!.c;
  const res: number[] = [];
  let unite: number | undefined;
  for (let c = 0; c < premiere; c++) {
    if (ignorees.has(c)) continue;
    // « Unité » (BR, FR, € par jour, PMSS) left of the levels: the unit of each line's numbers, not its label.
    if (lignesEntete.some((r) => /^unites?$/.test(plier(f.texte(r, c))))) {
      unite = c;
      continue;
    }
    res.push(c);
  }
  return { colonnes: res, unite };
}

function joindreEntete(haut: string, bas: string): string {
  if (haut === "" || plier(haut) === plier(bas)) return bas;
  if (bas === "") return haut;
  return `${haut} — ${bas}`;
}
