import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { DuckDBInstance } from "@duckdb/node-api";
import { executer } from "../../../src/cli/cli";
import { Capture, dossierTemporaire, RACINE } from "../outils";
import { ecrireSinistres } from "../../../bench/sinistres-factices";

/**
 * `remb calculer` in-process (blocks computed in the main thread) on a small table whose every figure was checked by
 * hand against calculerSoins / calculerDentaire / calculerSejour (test/fixtures/calcul/resultats-niveau-2.csv), then
 * the real command (bin/remb.mjs, worker threads, small blocks) on a generated table: the same bytes out whatever the
 * number of threads and the block size, and Parquet and XLSX in and out.
 */

const GRILLE = path.join(RACINE, "assets/grilles/conforme.csv");
const SINISTRES = path.join(RACINE, "test/fixtures/calcul/sinistres.csv");
const BIN = path.join(RACINE, "bin/remb.mjs");

async function lancer(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await executer(argv, { stdout, stderr, env: {}, cwd: RACINE });
  return { code, stdout: stdout.texte, stderr: stderr.texte };
}

describe("remb calculer", function () {
  this.timeout(120_000);
  const tmp = dossierTemporaire("remb-calculer-");
  after(() => tmp.supprimer());

  it("chaque ligne avec RO, RC, RAC, garantie et plafond ; les lignes illisibles à leur place avec leur motif", async () => {
    const sortie = path.join(tmp.chemin, "resultats.csv");
    const r = await lancer(["calculer", SINISTRES, "--grille", GRILLE, "--niveau", "2", "--sortie", sortie, "--plafonds"]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(readFileSync(sortie, "utf8"), readFileSync(path.join(RACINE, "test/fixtures/calcul/resultats-niveau-2.csv"), "utf8"));
  });

  it("résumé JSON : totaux par poste, bénéficiaires distincts, lignes rejetées avec numéro, motif et frais", async () => {
    const r = await lancer(["calculer", SINISTRES, "--grille", GRILLE, "--niveau", "Niveau 2", "--json"]);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.stdout) as {
      lignes: number;
      calculees: number;
      postes: { poste: string; lignes: number; rc: string; beneficiaires: number }[];
      total: { fr: string; ro: string; rc: string; rac: string; beneficiaires: number };
      rejets: { lignes: number; fr: string; frIllisibles: number; premieres: { ligne: number; raison: string }[] };
    };
    assert.equal(j.lignes, 12);
    assert.equal(j.calculees, 6);
    assert.deepEqual(j.total, {
      poste: "total",
      lignes: 6,
      fr: "2446.90",
      ro: "1426.02",
      rc: "897.82",
      rac: "123.06",
      plafonnees: 0,
      beneficiaires: 4,
      rcParBeneficiaire: "224.46",
    });
    assert.equal(j.rejets.lignes, 6);
    assert.equal(j.rejets.fr, "370.00");
    assert.equal(j.rejets.frIllisibles, 2);
    assert.deepEqual(
      j.rejets.premieres.map((x) => x.ligne),
      [7, 8, 9, 10, 12, 13],
    );
    assert.match(j.rejets.premieres[0]!.raison, /^frais réels illisible : « abc »/);
  });

  it("une colonne garantie sans grille ; colonnes nommées par --colonne", async () => {
    const f = path.join(tmp.chemin, "g.csv");
    writeFileSync(
      f,
      "DT,MONTANT,BRSS,TX,GAR\n2026-03-01,50.00,30.00,0.7,150 % BR\n2026-03-01,50.00,30.00,0.7,Frais réels\n2026-03-01,50.00,30.00,0.7,150 % BX\n",
    );
    const r = await lancer([
      "calculer",
      f,
      "--colonne",
      "date=DT",
      "--colonne",
      "frais=MONTANT",
      "--colonne",
      "taux_ro=TX",
      "--colonne",
      "garantie=GAR",
      "--json",
    ]);
    const j = JSON.parse(r.stdout) as { total: { rc: string }; rejets: { premieres: { ligne: number; raison: string }[] } };
    // 150 % BR: min(45, 50) − 21 = 24; Frais réels: 50 − 21 = 29.
    assert.equal(j.total.rc, "53.00");
    assert.equal(j.rejets.premieres[0]!.ligne, 4);
    assert.match(j.rejets.premieres[0]!.raison, /garantie illisible/);
  });

  it("erreurs d'usage : niveau absent, colonne introuvable, grille sans niveau", async () => {
    let r = await lancer(["calculer", SINISTRES, "--grille", GRILLE, "--niveau", "Niveau 9"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Niveau « Niveau 9 » absent de la grille/);
    r = await lancer(["calculer", SINISTRES, "--grille", GRILLE, "--niveau", "2", "--colonne", "frais=Montant"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /colonne « Montant » \(frais\) absente de la table/);
    r = await lancer(["calculer", SINISTRES, "--grille", GRILLE]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--grille sans --niveau/);
  });

  it("fils de calcul et petits blocs : exactement la même sortie que dans le fil principal", () => {
    const table = path.join(tmp.chemin, "s.csv");
    ecrireSinistres(table, 60_000, 3);
    const sortie = (fils: string, bloc: string) => {
      const f = path.join(tmp.chemin, `r-${fils}-${bloc}.csv`);
      const p = spawnSync(
        process.execPath,
        [BIN, "calculer", table, "--grille", GRILLE, "--niveau", "3", "--sortie", f, "--fils", fils, "--bloc", bloc, "--json"],
        { encoding: "utf8" },
      );
      assert.ok(p.status === 0 || p.status === 1, p.stderr);
      const j = JSON.parse(p.stdout) as { dureeMs: number; memoireMaxMio?: number; sortie?: string };
      j.dureeMs = 0;
      delete j.memoireMaxMio;
      delete j.sortie;
      return { csv: readFileSync(f, "utf8"), json: JSON.stringify(j) };
    };
    const seul = sortie("0", "4");
    const deux = sortie("2", "1");
    assert.equal(deux.csv, seul.csv);
    assert.equal(deux.json, seul.json);
    assert.equal(seul.csv.split("\n").length, 60_002);
  });

  it("Parquet en entrée et en sortie (DuckDB), XLSX en entrée", async () => {
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const pq = path.join(tmp.chemin, "s.parquet");
    await db.run(
      `COPY (SELECT DATE '2026-02-10' AS date_soins, 'soins.generaliste.optam' AS poste, CAST(30 AS DECIMAL(10,2)) AS frais, CAST(30 AS DECIMAL(10,2)) AS base, CAST(0.6 AS DOUBLE) AS taux_ro, 'PF' AS retenue FROM range(3)) TO '${pq}' (FORMAT parquet)`,
    );
    const sortie = path.join(tmp.chemin, "r.parquet");
    const r = await lancer(["calculer", pq, "--grille", GRILLE, "--niveau", "2", "--sortie", sortie]);
    assert.equal(r.code, 0, r.stderr);
    const lu = await db.runAndReadAll(
      `SELECT CAST(SUM(remb_rc) * 100 AS BIGINT) AS rc, typeof(ANY_VALUE(remb_rc)) AS t, COUNT(*) AS n FROM read_parquet('${sortie}')`,
    );
    assert.deepEqual(lu.getRowObjectsJson(), [{ rc: "3600", t: "DECIMAL(18,2)", n: "3" }]);
    db.closeSync();

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sinistres");
    ws.addRow(["date_soins", "poste", "frais", "base", "taux_ro"]);
    ws.addRow([new Date(Date.UTC(2026, 1, 10)), "soins.generaliste.optam", 30, 30, 0.6]);
    const xlsx = path.join(tmp.chemin, "s.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const x = await lancer(["calculer", xlsx, "--grille", GRILLE, "--niveau", "2", "--json"]);
    assert.equal(x.code, 0, x.stderr);
    assert.equal((JSON.parse(x.stdout) as { total: { rc: string } }).total.rc, "12.00");
  });
});
