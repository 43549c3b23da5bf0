/**
 * Benchmark of the broker comparison (targets: the CLI comparison of 8 grids in ≤ 1 s, process included; the pane
 * writes 8 contracts × 26 scenarios in ≤ 3 round trips, which test/taskpane/comparaison.test.ts checks). In process:
 * the core comparison and the workbook plan of 8 levels × 26 scenarios. As a child process: `remb comparer` on 8 grid
 * files, text and with the XLSX workbook.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { jourDepuisIso } from "../src/core/dates";
import { grilleDepuisCsv } from "../src/core/grille";
import { comparer, planComparaison, profilParCode, scenariosAuJour } from "../src/core/comparaison";
import { duree, type Mesure } from "./harnais";

const RACINE = path.resolve(__dirname, "..");

export function benchComparaison(): Mesure[] {
  const date = jourDepuisIso("2026-06-01");
  const h = grilleDepuisCsv(readFileSync(path.join(RACINE, "assets/grilles/conforme.csv")));
  const r = grilleDepuisCsv(readFileSync(path.join(RACINE, "assets/grilles/reseau.csv")));
  const contrats = [...h.niveaux, ...r.niveaux].map((n, i) => ({ grille: i < h.niveaux.length ? h : r, niveau: n.nom }));
  contrats.push({ grille: h, niveau: h.niveaux[0]!.nom });
  const profil = profilParCode("famille").nombres;
  const comparaison = () => comparer(contrats, { date, scenarios: scenariosAuJour(date), profil });
  const c = comparaison();
  const mesures = [
    duree("8 niveaux × 26 scénarios : comparaison (cœur)", comparaison, 21, 5),
    duree("8 niveaux × 26 scénarios : plan du classeur (formules + valeurs)", () => planComparaison(c), 21, 5),
  ];
  const dossier = mkdtempSync(path.join(os.tmpdir(), "remb-bench-comparer-"));
  try {
    const fichiers = Array.from({ length: 8 }, (_, i) => {
      const f = path.join(dossier, `grille-${i + 1}.csv`);
      copyFileSync(path.join(RACINE, "assets/grilles/conforme.csv"), f);
      return f;
    });
    const bin = path.join(RACINE, "bin/remb.mjs");
    const lancer = (extra: string[]) => () => {
      const p = spawnSync(process.execPath, [bin, "comparer", ...fichiers, "--niveaux", "2", "--date", "2026-06-01", ...extra], { encoding: "utf8" });
      if (p.status !== 0) throw new Error(p.stderr);
    };
    mesures.push(duree("remb comparer, 8 grilles CSV, texte (processus complet)", lancer([]), 5));
    mesures.push(duree("remb comparer, 8 grilles CSV, avec le classeur XLSX", lancer(["-o", path.join(dossier, "c.xlsx")]), 5));
  } finally {
    rmSync(dossier, { recursive: true, force: true });
  }
  return mesures;
}
