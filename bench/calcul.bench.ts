/**
 * `npm run bench -- calcul`: a claims table of REMB_BENCH_LIGNES lines (default 10 million, French CSV, generated
 * once into .bench/) through the real `remb calculer` (child process: bundle start, grid, worker threads, output CSV
 * written), then the same table through the SQL of `remb sql` in DuckDB, and both compared line by line.
 *
 * Figures: lines per second end to end, the process's peak memory (worker threads included), DuckDB's time, and the
 * agreement count (lines where SQL and remb calculer give the same RO, RC and RAC to the cent, or both refuse).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import type { Mesure } from "./harnais";
import { ecrireSinistres } from "./sinistres-factices";
import { grilleDepuisCsv } from "../src/core/grille";
import { baremeDepuisGrille } from "../src/core/bareme";
import { emettreSql } from "../src/core/sql";
import { readFileSync } from "node:fs";

const RACINE = path.resolve(__dirname, "..");
const GRILLE = path.join(RACINE, "assets/grilles/conforme.csv");

export async function benchCalcul(): Promise<Mesure[]> {
  const n = Number(process.env.REMB_BENCH_LIGNES ?? 10_000_000);
  const dossier = path.join(RACINE, ".bench");
  mkdirSync(dossier, { recursive: true });
  const table = path.join(dossier, `sinistres-${n}.csv`);
  if (!existsSync(table)) {
    const t = performance.now();
    ecrireSinistres(table, n);
    console.log(`(table générée : ${n.toLocaleString("fr-FR")} lignes, ${Math.round(statSync(table).size / 1e6)} Mo, ${Math.round(performance.now() - t)} ms)`);
  }
  const sortie = path.join(dossier, `resultats-${n}.csv`);
  const mesures: Mesure[] = [];
  const charge = () => loadavg()[0]!.toLocaleString("fr-FR", { maximumFractionDigits: 1 });

  // remb calculer, end to end, as a user runs it (the bundle is built before: its build is not the computation).
  spawnSync(process.execPath, [path.join(RACINE, "bin/remb.mjs"), "--version"]);
  const chargeAvant = charge();
  const t0 = performance.now();
  const p = spawnSync(
    process.execPath,
    [path.join(RACINE, "bin/remb.mjs"), "calculer", table, "--grille", GRILLE, "--niveau", "Niveau 2", "--sortie", sortie, "--json", "--silencieux"],
    {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    },
  );
  const duree = performance.now() - t0;
  if (p.status !== 0 && p.status !== 1) throw new Error(`remb calculer : ${p.stderr}`);
  const j = JSON.parse(p.stdout) as { lignes: number; calculees: number; dureeMs: number; memoireMaxMio: number };
  mesures.push(
    {
      nom: `remb calculer : ${n.toLocaleString("fr-FR")} lignes CSV → CSV (processus complet)`,
      valeur: Math.round((j.lignes * 1000) / duree),
      unite: "lignes/s",
    },
    { nom: "remb calculer : durée (processus complet)", valeur: Math.round(duree / 100) / 10, unite: "s" },
    { nom: "remb calculer : mémoire maximale du processus (fils compris)", valeur: j.memoireMaxMio, unite: "Mio" },
    { nom: "remb calculer : lignes calculées", valeur: j.calculees, unite: "lignes" },
    {
      nom: `charge de la machine avant / après (load average 1 min, ${availableParallelism()} cœurs)`,
      valeur: Number(charge().replace(",", ".")),
      unite: `(avant : ${chargeAvant})`,
    },
  );

  // The same table through the SQL of remb sql, in DuckDB, from a typed Parquet copy.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  const parquet = path.join(dossier, `sinistres-${n}.parquet`);
  if (!existsSync(parquet)) {
    await db.run(
      `COPY (SELECT id, TRY_CAST(date_soins AS DATE) AS date_soins, beneficiaire, poste, TRY_CAST(REPLACE(frais, ',', '.') AS DECIMAL(18,2)) AS frais, ` +
        `TRY_CAST(REPLACE(base, ',', '.') AS DECIMAL(18,2)) AS base, TRY_CAST(REPLACE(taux_ro, ',', '.') AS DECIMAL(18,10)) AS taux_ro, secteur, retenue ` +
        `FROM read_csv('${table}', delim = ';', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
  }
  const bareme = baremeDepuisGrille(grilleDepuisCsv(new Uint8Array(readFileSync(GRILLE))), "Niveau 2");
  const sql = emettreSql(bareme, { table: "sinistres" }).replace(/;\s*$/, "");
  writeFileSync(path.join(dossier, "remb.sql"), `${sql};\n`);
  await db.run(`CREATE OR REPLACE VIEW sinistres AS SELECT * FROM read_parquet('${parquet}')`);
  const sqlParquet = path.join(dossier, `resultats-sql-${n}.parquet`);
  const t1 = performance.now();
  await db.run(`COPY (SELECT id, remb_poste, remb_ro, remb_rc, remb_rac, remb_rejet FROM (${sql})) TO '${sqlParquet}' (FORMAT parquet)`);
  const dureeSql = performance.now() - t1;
  mesures.push({
    nom: `DuckDB : SQL de remb sql sur ${n.toLocaleString("fr-FR")} lignes (Parquet → Parquet)`,
    valeur: Math.round(dureeSql / 100) / 10,
    unite: "s",
  });

  // Agreement, line by line, with remb calculer's output (soins postes: the SQL's scope; dental lines apart).
  const accord = await db.runAndReadAll(
    `WITH x AS (
       SELECT s.remb_poste LIKE 'dentaire.%' AS dentaire,
         s.remb_rejet IS NULL AND c.remb_rejet IS NULL AND s.remb_ro = c.remb_ro AND s.remb_rc = c.remb_rc AND s.remb_rac = c.remb_rac AS egale,
         s.remb_rejet IS NOT NULL AND c.remb_rejet IS NOT NULL AS refusee
       FROM read_parquet('${sqlParquet}') s
       JOIN read_csv('${sortie}', delim = ';', header = true, decimal_separator = ',',
                     types = {'id': 'BIGINT', 'remb_ro': 'DECIMAL(18,2)', 'remb_rc': 'DECIMAL(18,2)', 'remb_rac': 'DECIMAL(18,2)', 'remb_rejet': 'VARCHAR'}) c
         ON s.id = c.id)
     SELECT COUNT(*) FILTER (WHERE egale) AS egales,
       COUNT(*) FILTER (WHERE refusee) AS refusees,
       COUNT(*) FILTER (WHERE dentaire AND NOT refusee) AS hors_sql,
       COUNT(*) FILTER (WHERE NOT egale AND NOT refusee AND NOT dentaire) AS desaccords,
       COUNT(*) AS lignes
     FROM x`,
  );
  const a = accord.getRowObjectsJson()[0] as Record<string, string>;
  mesures.push(
    { nom: "DuckDB / remb calculer : lignes comparées (jointure sur l'identifiant)", valeur: Number(a.lignes), unite: "lignes" },
    { nom: "DuckDB / remb calculer : lignes égales au centime (RO, RC, RAC)", valeur: Number(a.egales), unite: "lignes" },
    { nom: "DuckDB / remb calculer : lignes refusées des deux côtés", valeur: Number(a.refusees), unite: "lignes" },
    { nom: "DuckDB / remb calculer : lignes dentaires (hors du SQL émis, calculées par remb calculer)", valeur: Number(a.hors_sql), unite: "lignes" },
    { nom: "DuckDB / remb calculer : désaccords (doit être 0)", valeur: Number(a.desaccords), unite: "lignes" },
  );
  db.closeSync();
  for (const f of [sortie, sqlParquet]) unlinkSync(f);
  return mesures;
}
