/**
 * Grids (issue « Guarantee grids »): import and contrat-responsable validation of the 120-line × 6-level reference
 * grid (target ≤ 5 ms), and import of a CSV of 2 000 rows and 5 000 cells, the most the readers accept.
 */
import { duree, type Mesure } from "./harnais";
import { grille120x6 } from "./grille-120x6";
import { jourDepuisIso } from "../src/core/dates";
import { grilleDepuisCsv, grilleDepuisTableau } from "../src/core/grille";
import { verifierGrille } from "../src/core/responsable";

export function benchGrilles(): Mesure[] {
  const t = grille120x6();
  const g = grilleDepuisTableau(t);
  if (g.lignes.length !== 120 || g.niveaux.length !== 6) throw new Error(`grille de référence inattendue : ${g.lignes.length} × ${g.niveaux.length}`);
  const date = jourDepuisIso("2026-06-01");
  // The largest CSV the readers accept: 2 000 rows, 5 000 filled cells (src/core/grille/limites.ts).
  const lignes = ["Garanties;Niveau 1;Niveau 2"];
  for (let i = 0; i < 1_999; i++)
    lignes.push(`Ligne de garanties ${i} consultation spécialiste OPTAM;100 % BR${i % 4 === 0 ? `;${100 + (i % 200)} % BR` : ""}`);
  const csv = lignes.join("\r\n");
  return [
    duree("grille 120 × 6 : import du tableau", () => grilleDepuisTableau(t), 41, 100),
    duree("grille 120 × 6 : vérification contrat responsable", () => verifierGrille(g, { date }), 41, 100),
    duree("grille 120 × 6 : import + vérification", () => verifierGrille(grilleDepuisTableau(t), { date }), 41, 100),
    duree("CSV de 2 000 lignes (la limite) : import", () => grilleDepuisCsv(csv), 5),
  ];
}
