import { readFileSync } from "node:fs";
import { grilleDepuisCsv, grilleDepuisJson, type Grille } from "../../core/grille";
import { formatDuContenu } from "../entrees";

/** The grid of `--grille`: CSV, XLSX or JSON, read as `remb verifier` reads it. */
export async function chargerGrille(chemin: string, feuille: string | undefined): Promise<Grille> {
  const octets = new Uint8Array(readFileSync(chemin));
  switch (formatDuContenu(octets)) {
    case "xlsx": {
      const { grilleDepuisXlsx } = await import("../xlsx");
      return grilleDepuisXlsx(octets, feuille !== undefined ? { feuille } : {});
    }
    case "json":
      return grilleDepuisJson(octets);
    default:
      return grilleDepuisCsv(octets);
  }
}
