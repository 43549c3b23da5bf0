import { writeFileSync } from "node:fs";
import path from "node:path";
import { estRembError } from "../../core/errors";
import { baremeDepuisGrille } from "../../core/bareme";
import { emettreSql, type ColonnesSql } from "../../core/sql";
import { chargerGrille } from "../calculer/grille";
import type { OptionsSql } from "./options";

/**
 * `remb sql`: the soins computation of a grid level as one SQL query (core/sql), written to stdout or a file; with
 * --executer, run by DuckDB over a CSV or Parquet claims table, with the totals by poste (and --resultats, every line
 * to a Parquet or CSV file). What runs here is the text that is printed: the same query runs on a warehouse.
 */
export async function commandeSql(
  o: OptionsSql,
  deps: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown }; cwd: string },
): Promise<number> {
  const erreur = (m: string) => {
    deps.stderr.write(`remb : ${m}\n`);
    return 2;
  };
  let sql: string;
  try {
    const grille = await chargerGrille(path.resolve(deps.cwd, o.grille), o.feuille);
    const bareme = baremeDepuisGrille(grille, o.niveau, o.responsable);
    const colonnes: Partial<ColonnesSql> = Object.fromEntries(o.colonnes) as Partial<ColonnesSql>;
    sql = emettreSql(bareme, { table: o.table, colonnes, ...(o.vue !== undefined ? { vue: o.vue } : {}) });
  } catch (e) {
    return erreur(estRembError(e) ? e.message : (e as Error).message);
  }
  if (o.executer === undefined) {
    if (o.sortie !== undefined) {
      try {
        writeFileSync(path.resolve(deps.cwd, o.sortie), sql);
      } catch (e) {
        return erreur(`sortie « ${o.sortie} » : ${(e as Error).message}`);
      }
    } else deps.stdout.write(sql);
    return 0;
  }
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const c = await (await DuckDBInstance.create(":memory:")).connect();
  const source = path.resolve(deps.cwd, o.executer);
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const lecture = path.extname(source).toLowerCase() === ".parquet" ? `read_parquet(${q(source)})` : `read_csv(${q(source)}, header = true)`;
  const debut = performance.now();
  try {
    await c.run(`CREATE OR REPLACE VIEW ${o.table} AS SELECT * FROM ${lecture}`);
    const requete = sql.replace(/^CREATE OR REPLACE VIEW [^\n]*\n/, "").replace(/;\s*$/, "");
    if (o.resultats !== undefined) {
      const cible = path.resolve(deps.cwd, o.resultats);
      const format = path.extname(cible).toLowerCase() === ".parquet" ? "FORMAT parquet" : "FORMAT csv, HEADER";
      await c.run(`COPY (${requete}) TO ${q(cible)} (${format})`);
    }
    const r = await c.runAndReadAll(
      `SELECT remb_poste AS poste, COUNT(*) AS lignes, COUNT(remb_rejet) AS rejetees, SUM(remb_ro) AS ro, SUM(remb_rc) AS rc, SUM(remb_rac) AS rac FROM (${requete}) GROUP BY remb_poste ORDER BY SUM(remb_rc) DESC NULLS LAST, remb_poste`,
    );
    const lignes = r.getRowObjectsJson() as Record<string, string | number | null>[];
    const duree = (performance.now() - debut) / 1000;
    const total = lignes.reduce((a, l) => a + Number(l.lignes), 0);
    deps.stdout.write(
      `remb sql — ${o.executer} exécuté par DuckDB : ${total.toLocaleString("fr-FR")} lignes en ${duree.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s\n\n`,
    );
    const entete = ["Poste", "Lignes", "Rejetées", "RO", "RC", "RAC"];
    const tab = lignes.map((l) => [
      String(l.poste ?? ""),
      Number(l.lignes).toLocaleString("fr-FR"),
      Number(l.rejetees).toLocaleString("fr-FR"),
      eur(l.ro),
      eur(l.rc),
      eur(l.rac),
    ]);
    const larg = entete.map((e, i) => Math.max(e.length, ...tab.map((t) => t[i]!.length)));
    const f = (t: string[]) => t.map((x, i) => (i === 0 ? x.padEnd(larg[i]!) : x.padStart(larg[i]!))).join("  ");
    deps.stdout.write(`${[f(entete), ...tab.map(f)].join("\n")}\n`);
    return 0;
  } catch (e) {
    return erreur(`exécution DuckDB : ${(e as Error).message.split("\n")[0]}`);
  } finally {
    c.closeSync();
  }
}

function eur(x: string | number | null | undefined): string {
  if (x === null || x === undefined) return "";
  const n = Number(x);
  return `${n.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;
}
