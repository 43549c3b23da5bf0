import assert from "node:assert/strict";
import { chargerCorpus, indicateurs, mesurer, totaliser, type Mesure } from "./mesure";

/**
 * REMB on the corpus of real published grids (test/fixtures/grilles-reelles, see its README): every grid is read and
 * checked as a user would (`grilleDepuisCsv`, `verifierGrille` at the reviewer's contract date), and compared with the
 * findings an independent reviewer wrote from the law before REMB ran on it.
 *
 * Two things are absolute, grid by grid: the grid is read (never refused), and REMB signs no erreur the reviewer did
 * not find (an auditor who gets a false « non conforme » stops trusting the tool). The other figures are floors that
 * a change may raise and must not lower: they are what REMB reaches today (`npm run corpus` prints them and every gap).
 */
const PLANCHERS = { verdicts: 100, precision: 100, rappel: 92.8, postes: 94.1, cellules: 97.6 };

describe("corpus of real published grids (test/fixtures/grilles-reelles)", () => {
  const corpus = chargerCorpus();
  const mesures: Mesure[] = corpus.map(mesurer);

  it("holds at least 20 grids, each with its provenance and the reviewer's expectations", () => {
    assert.ok(corpus.length >= 20, `${corpus.length} grilles`);
    for (const g of corpus) {
      assert.ok(Array.isArray(g.source.sources) && g.source.sources.length > 0, `${g.id} : source.json sans source`);
      assert.ok(typeof g.source.omis === "string", `${g.id} : source.json doit dire ce qui a été laissé de côté`);
      assert.match(g.attendu.dateContrat, /^\d{4}-\d{2}-\d{2}$/, `${g.id} : dateContrat`);
      assert.equal(g.attendu.verdict === "non-conforme", g.attendu.erreurs.length > 0, `${g.id} : verdict et erreurs attendues`);
      assert.ok(Object.keys(g.attendu.lignes).length > 0, `${g.id} : lignes attendues`);
    }
  });

  for (const m of mesures) {
    it(`${m.id} : lue, et aucune erreur que le réviseur n'a pas trouvée`, () => {
      assert.equal(m.echecImport, undefined, `${m.id} : ${m.echecImport}`);
      assert.deepEqual(m.faussesErreurs, [], `${m.id} : erreurs non attendues`);
    });
  }

  it("keeps the corpus figures at or above their floors", () => {
    const i = indicateurs(totaliser(mesures));
    for (const [k, plancher] of Object.entries(PLANCHERS) as [keyof typeof PLANCHERS, number][]) {
      assert.ok(i[k] >= plancher, `${k} : ${i[k].toFixed(1)} % < ${plancher} % (npm run corpus montre les écarts)`);
    }
  });
});
