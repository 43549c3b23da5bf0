import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { executer } from "../../src/cli/cli";
import { jourDepuisIso } from "../../src/core/dates";
import { grilleDepuisCsv } from "../../src/core/grille";
import { comparer, profilParCode, scenariosAuJour } from "../../src/core/comparaison";
import { dossierTemporaire, RACINE } from "./outils";

/** `remb comparer` in-process: text, JSON and the workbook, against the core's figures. */
async function remb(args: string[]) {
  let out = "";
  let err = "";
  const code = await executer(args, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd: RACINE });
  return { code, out, err };
}

const CONFORME = "assets/grilles/conforme.csv";
const RESEAU = "assets/grilles/reseau.csv";

describe("cli: remb comparer", function () {
  this.timeout(60_000);
  const dossier = dossierTemporaire("remb-comparer-");
  after(() => dossier.supprimer());

  it("prints the table: RC and RAC per level, metrics, the caps and absent lines", async () => {
    const r = await remb(["comparer", CONFORME, RESEAU, "--niveaux", "1", "--date", "2025-06-01", "--scenarios", "S1,S7,O3,O6"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Comparaison au 01\/06\/2025 : 4 scénarios, 2 niveaux/);
    assert.match(r.out, /\[2\] Santé Partenaires .* Niveau 1 — Réseau Kalixia \(prix réseau quand il est connu\)/);
    // S1: RC 9,00, RAC 2,00 (the PF) under 100 % BR, for every level.
    assert.match(r.out, /S1 .* 30,00 € +9,00 € +2,00 € +9,00 € +2,00 €\n/);
    // O3 in the réseau column: 366 € − 23 % = 281,82 €, 150 € RO compris → RC 149,91, RAC 131,82.
    assert.match(r.out, /O3 .* 149,91 € +131,82 €/);
    assert.match(r.out, /\? \[2\] aucune ligne de la grille.*O6/);
  });

  it("--json gives the core's figures", async () => {
    const r = await remb(["comparer", CONFORME, "--niveaux", "Niveau 2", "--date", "2026-06-01", "--profil", "senior", "--json"]);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { metriques: { rac: number; profil: { rac: number } }[]; scenarios: { code: string; resultats: { rc: number }[] }[] };
    const date = jourDepuisIso("2026-06-01");
    const g = grilleDepuisCsv(readFileSync(path.join(RACINE, CONFORME)));
    const c = comparer([{ grille: g, niveau: "Niveau 2" }], { date, scenarios: scenariosAuJour(date), profil: profilParCode("senior").nombres });
    assert.equal(j.metriques[0]!.rac, c.metriques[0]!.rac / 100);
    assert.equal(j.metriques[0]!.profil.rac, c.metriques[0]!.profil!.rac / 100);
    assert.equal(j.scenarios.find((s) => s.code === "H1")!.resultats[0]!.rc, 23);
  });

  it("-o writes the workbook: live REMB formulas with cached values, the scenario sheet, a values-only copy", async () => {
    const fichier = path.join(dossier.chemin, "comparatif.xlsx");
    const r = await remb(["comparer", CONFORME, RESEAU, "--niveaux", "1,2", "--date", "2026-06-01", "--profil", "famille", "-o", fichier]);
    assert.equal(r.code, 0, r.err);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fichier);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ["Comparaison", "Scénarios", "Copie client", "Simulation prix"],
    );
    const ws = wb.getWorksheet("Comparaison")!;
    const s1 = ws.getRow(13);
    assert.equal(s1.getCell(1).value, "S1");
    assert.deepEqual(s1.getCell(8).value, {
      formula: `REMB.SOINS('Scénarios'!$E$8,'Scénarios'!$G$8,'Scénarios'!$H$8,$D13,'Scénarios'!$I$8,'Scénarios'!$J$8,$B$2,"RAC")`,
      result: 2,
    });
    const copie = wb.getWorksheet("Copie client")!;
    let formules = 0;
    copie.eachRow((row) => row.eachCell((cell) => (formules += typeof cell.value === "object" && cell.value !== null && "formula" in cell.value ? 1 : 0)));
    assert.equal(formules, 0);
    assert.equal(copie.getRow(13).getCell(8).value, 2);
  });

  it("a level absent from a grid: exit code 2 and the grid's levels", async () => {
    const r = await remb(["comparer", CONFORME, "--niveaux", "Premium"]);
    assert.equal(r.code, 2);
    assert.match(r.err, /Aucun des niveaux demandés \(Premium\) dans « Horizon Santé.*1\. « Niveau 1 »/);
  });

  it("more than 8 levels: exit code 2, says to choose them", async () => {
    const r = await remb(["comparer", CONFORME, RESEAU, "assets/grilles/base-options.csv"]);
    assert.equal(r.code, 2);
    assert.match(r.err, /\d+ niveaux à comparer : 8 au plus/);
  });
});
