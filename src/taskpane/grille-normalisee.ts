import type { Grille, LectureGrille } from "../core/grille";
import type { PlanFeuille, ValeurPlan } from "./plan";

/**
 * The normalised grid (pure): one row per line and level, with the catalogue poste, the printed text and its
 * canonical reading, and whether REMB read it on its own or after a user's correction. An Excel table, so it can be
 * filtered, pivoted or compared with another grid.
 */
const COLONNES = ["Ligne", "Code poste", "Poste", "Libellé imprimé", "Niveau", "Texte imprimé", "Lecture canonique", "Origine", "Cellule"] as const;
const LARGEURS = [36, 150, 180, 180, 90, 140, 160, 60, 90];

export function planGrilleNormalisee(g: Grille, l: LectureGrille, source: string): PlanFeuille {
  const lignes: ValeurPlan[][] = [[`Grille normalisée — ${g.nom}`], [`Source : ${source}`], [], [...COLONNES]];
  const enTete = 3;
  const json = g.source.format === "json";
  for (const x of l.lignes) {
    // A JSON grid gives its postes: « fournie » there is the grid's own, not a user's correction.
    const ligneCorrigee = x.origine === "fournie" && !json;
    for (const c of x.cellules) {
      if (c.sansObjet) continue;
      lignes.push([
        x.ligne,
        x.poste ?? (x.nature === "attribut" ? "attribut" : ""),
        x.libellePoste ?? (x.nature === "attribut" ? "Service ou attribut du contrat" : "Non reconnu"),
        x.libelle,
        c.niveau,
        c.texte,
        c.lu ?? (c.nonLu !== null ? `Non lu : ${c.nonLu}` : ""),
        ligneCorrigee || c.correction !== null ? "corrigé" : "auto",
        c.adresse ?? "",
      ]);
    }
  }
  const n = Math.max(1, lignes.length - enTete - 1);
  if (lignes.length === enTete + 1) lignes.push([]);
  return {
    nom: "Grille normalisée",
    lignes,
    largeurs: LARGEURS,
    tableaux: [{ nom: "GrilleNormalisee", zone: { ligne: enTete, colonne: 0, lignes: n + 1, colonnes: COLONNES.length }, style: "TableStyleLight1" }],
    formats: [
      { zone: { ligne: 0, colonne: 0, lignes: 1, colonnes: 1 }, gras: true, couleur: "#0F6CBD" },
      { zone: { ligne: enTete + 1, colonne: 0, lignes: n, colonnes: 1 }, nombre: "0" },
    ],
    figer: enTete + 1,
  };
}
