import assert from "node:assert/strict";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { RembError } from "../../src/core/errors";
import { isoDepuisJour, jourDepuisCivil } from "../../src/core/dates";
import { tauxDepuisTexte, texteEuros } from "../../src/core/money";
import { parametres } from "../../src/core/params";
import { grilleDepuisCsv } from "../../src/core/grille";
import { baremeDepuisGrille, type Bareme } from "../../src/core/bareme";
import { emettreSql } from "../../src/core/sql";
import { calculerSoins } from "../../src/core/calculators/soins";
import type { Secteur } from "../../src/core/calculators/secteur";
import type { Retenue } from "../../src/core/calculators/retenue";
import { aleatoire } from "../../bench/harnais";

/**
 * The SQL of `remb sql` run by DuckDB on random claims, compared line by line with the core (calculerSoins, the
 * interpreted reference): the same RO, RC and RAC to the cent on every computed line, and the same lines refused.
 * The claims mix valid lines with what the core refuses (negative amounts, unknown sector or retenue, dates before
 * the parameters, non-OPTAM caps before 2015, PMSS before 2019) and lines on postes outside the SQL (dental), and
 * care prescribed outside the convention before and after the date it loses its RO.
 */

interface Sinistre {
  id: number;
  date: number;
  poste: string;
  frais: number;
  base: number;
  taux: string | null;
  secteur: string | null;
  retenue: string | null;
}

function sinistres(b: Bareme, n: number, graine: number): Sinistre[] {
  const r = aleatoire(graine);
  const postes: string[] = [...b.postes.values()].filter((p) => p.calculateur === "soins").map((p) => p.code);
  postes.push("dentaire.soins", "soins.inconnu");
  const debut = jourDepuisCivil(2003, 1, 1);
  const etendue = jourDepuisCivil(2028, 1, 1) - debut;
  const taux = ["0.7", "0.6", "0.8", "0.65", "1", "0", "0.3", "0.155", "1.2"];
  const secteurs = [null, null, "OPTAM", "NON-OPTAM", "NON-OPTAM", "non-optam", "PRESCRIT-NON-CONVENTIONNE", "BAD"];
  const retenues = [null, null, "PF", "FRANCHISE", "FRANCHISE-MEDICAMENT", "FRANCHISE-TRANSPORT", "AUCUNE", "XX"];
  const l: Sinistre[] = [];
  for (let i = 0; i < n; i++) {
    const base = r() < 0.02 ? 0 : 100 + Math.floor(r() * 60_000);
    const u = r();
    const frais = u < 0.001 ? -100 : u < 0.1 ? Math.floor(base * r()) : base + (r() < 0.5 ? Math.floor(r() * base * 2) : 0);
    // Mostly recent care (2019 on), some before the parameters' first values and before the 2015 regime.
    const date = r() < 0.85 ? jourDepuisCivil(2019, 1, 1) + Math.floor(r() * 3200) : debut + Math.floor(r() * etendue);
    l.push({
      id: i,
      date,
      poste: postes[Math.floor(r() * postes.length)]!,
      frais,
      base,
      taux: r() < 0.3 ? null : taux[Math.floor(r() * taux.length)]!,
      secteur: secteurs[Math.floor(r() * secteurs.length)]!,
      retenue: retenues[Math.floor(r() * retenues.length)]!,
    });
  }
  return l;
}

/** RO net, RC, RAC in cents by the core, or null when it refuses the line. */
function parLeCoeur(s: Sinistre, b: Bareme): [number, number, number] | null {
  const p = b.postes.get(s.poste as never);
  if (p === undefined || p.calculateur !== "soins") return null;
  try {
    const tauxRo = s.taux !== null ? tauxDepuisTexte(s.taux) : parametres.taux(p.tauxRo!, s.date);
    const secteur = (s.secteur === null ? p.secteur : s.secteur.toUpperCase()) as Secteur | undefined;
    const d = calculerSoins({
      date: s.date,
      fr: s.frais,
      br: s.base,
      tauxRo,
      garantie: p.garantie,
      ...(secteur !== undefined ? { secteur } : {}),
      ...(s.retenue !== null ? { retenue: s.retenue as Retenue } : {}),
      responsable: b.responsable,
      ...(p.garantieOptam !== undefined ? { garantieOptam: p.garantieOptam } : {}),
    });
    return [d.roNet, d.rc, d.rac];
  } catch (e) {
    if (e instanceof RembError) return null;
    throw e;
  }
}

async function comparer(c: DuckDBConnection, b: Bareme, n: number, graine: number): Promise<{ calculees: number; rejetees: number }> {
  const lignes = sinistres(b, n, graine);
  const fichier = path.join(tmpdir(), `remb-sql-${process.pid}-${graine}.csv`);
  const texte = (x: string | null) => (x === null ? "" : x);
  writeFileSync(
    fichier,
    `id,date_soins,poste,frais,base,taux_ro,secteur,retenue\n${lignes.map((s) => `${s.id},${isoDepuisJour(s.date)},${s.poste},${texteEuros(s.frais)},${texteEuros(s.base)},${texte(s.taux)},${texte(s.secteur)},${texte(s.retenue)}`).join("\n")}\n`,
  );
  try {
    await c.run(
      `CREATE OR REPLACE TABLE sinistres AS SELECT * FROM read_csv('${fichier}', header = true, ` +
        `columns = {'id': 'INTEGER', 'date_soins': 'DATE', 'poste': 'VARCHAR', 'frais': 'DECIMAL(18,2)', 'base': 'DECIMAL(18,2)', 'taux_ro': 'DECIMAL(18,10)', 'secteur': 'VARCHAR', 'retenue': 'VARCHAR'})`,
    );
  } finally {
    unlinkSync(fichier);
  }
  const sql = emettreSql(b, { table: "sinistres" }).replace(/;\s*$/, "");
  const r = await c.runAndReadAll(
    `SELECT id, CAST(remb_ro * 100 AS BIGINT) AS ro, CAST(remb_rc * 100 AS BIGINT) AS rc, CAST(remb_rac * 100 AS BIGINT) AS rac, remb_rejet FROM (${sql}) ORDER BY id`,
  );
  const [ids, ro, rc, rac, rejet] = r.getColumns() as [number[], (bigint | null)[], (bigint | null)[], (bigint | null)[], (string | null)[]];
  assert.equal(ids.length, n, "une ligne de sortie par sinistre");
  let calculees = 0;
  let rejetees = 0;
  for (let i = 0; i < n; i++) {
    const s = lignes[i]!;
    assert.equal(ids[i], s.id);
    const attendu = parLeCoeur(s, b);
    const obtenu = rejet[i] === null ? [Number(ro[i]), Number(rc[i]), Number(rac[i])] : null;
    if (attendu === null) {
      assert.equal(obtenu, null, `ligne ${i} ${JSON.stringify(s)} : le cœur la refuse, le SQL donne ${JSON.stringify(obtenu)}`);
      rejetees++;
    } else {
      assert.deepEqual(obtenu, attendu, `ligne ${i} ${JSON.stringify(s)} : SQL ${JSON.stringify(obtenu)} (${rejet[i]}), cœur ${JSON.stringify(attendu)}`);
      calculees++;
    }
  }
  return { calculees, rejetees };
}

describe("remb sql dans DuckDB : chaque ligne égale au cœur, au centime", function () {
  this.timeout(600_000);
  let c: DuckDBConnection;
  const grille = grilleDepuisCsv(new Uint8Array(readFileSync("assets/grilles/conforme.csv")));

  before(async () => {
    c = await (await DuckDBInstance.create(":memory:")).connect();
  });
  after(() => c.closeSync());

  it("10⁶ sinistres aléatoires, grille conforme niveau 2 (contrat responsable)", async () => {
    const { calculees, rejetees } = await comparer(c, baremeDepuisGrille(grille, "Niveau 2"), 1_000_000, 11);
    // Both kinds must be there in numbers, or the comparison proves little.
    assert.ok(calculees > 400_000 && rejetees > 100_000, `${calculees} calculées, ${rejetees} refusées`);
  });

  it("10⁵ sinistres, niveau 3 (2 % PMSS / nuit, plafonds), contrat non responsable", async () => {
    const { calculees } = await comparer(c, baremeDepuisGrille(grille, "Niveau 3", false), 100_000, 12);
    assert.ok(calculees > 40_000);
  });

  it("10⁵ sinistres, niveau 1", async () => {
    await comparer(c, baremeDepuisGrille(grille, "Niveau 1"), 100_000, 13);
  });

  it("10⁵ sinistres, une forme de garantie par poste (minimum, limite, en sus du RO, TM, plafond légal)", async () => {
    const formes = grilleDepuisCsv(new Uint8Array(readFileSync("test/fixtures/sql/grille-formes.csv")));
    const { calculees } = await comparer(c, baremeDepuisGrille(formes, "Niveau A"), 100_000, 14);
    assert.ok(calculees > 40_000, `${calculees} calculées`);
  });
});
