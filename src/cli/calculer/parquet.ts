import type { ConfigBloc } from "./config";

/**
 * Parquet through DuckDB (@duckdb/node-api), loaded only when a .parquet file is named. DuckDB streams both ways: a
 * Parquet table is copied to CSV row group by row group, and the CSV of results is copied to Parquet, each within
 * DuckDB's own memory limit; the claims never sit whole in REMB's memory.
 */

async function connexion() {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  return instance.connect();
}

function chaine(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A Parquet table as CSV (« ; », decimals with a point, dates AAAA-MM-JJ), header first. */
export async function parquetVersCsv(source: string, cible: string): Promise<void> {
  const c = await connexion();
  try {
    await c.run(`COPY (SELECT * FROM read_parquet(${chaine(source)})) TO ${chaine(cible)} (FORMAT csv, HEADER, DELIMITER ';', DATEFORMAT '%Y-%m-%d')`);
  } catch (e) {
    // The user reads this French message, with the engine's first line in it; the lib (ES2020) has no Error cause.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`Parquet illisible : ${(e as Error).message.split("\n")[0]}`);
  } finally {
    c.closeSync();
  }
}

/** The CSV of results as Parquet: the table's columns as DuckDB reads them, the amounts of REMB as DECIMAL(18,2). */
export async function csvVersParquet(source: string, cible: string, config: ConfigBloc): Promise<void> {
  const c = await connexion();
  const dec = String.fromCharCode(config.decimale);
  const types = ["remb_ro", "remb_rc", "remb_rac", ...(config.plafonds ? ["remb_garantie", "remb_plafond"] : [])]
    .map((n) => `'${n}': 'DECIMAL(18,2)'`)
    .join(", ");
  try {
    await c.run(
      `COPY (SELECT * FROM read_csv(${chaine(source)}, header = true, delim = ${chaine(String.fromCharCode(config.separateur))}, ` +
        `decimal_separator = ${chaine(dec)}, types = {${types}, 'remb_rejet': 'VARCHAR'})) TO ${chaine(cible)} (FORMAT parquet, COMPRESSION zstd)`,
    );
  } finally {
    c.closeSync();
  }
}
