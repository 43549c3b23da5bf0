import assert from "node:assert/strict";
import fc from "fast-check";
import { unparseGarantie } from "../../../src/core/garantie";
import { grilleDepuisCsv, grilleDepuisJson, grilleDepuisTableau, grilleVersJson, type Grille } from "../../../src/core/grille";
import { estRembError } from "../../../src/core/errors";
import { fixtures, importer } from "./fixtures";

const resume = (g: Grille) => ({
  nom: g.nom,
  dateEffet: g.dateEffet,
  niveaux: g.niveaux.map((n) => [n.nom, n.type, n.variante, n.famille, n.inclutNiveau, n.convention]),
  lignes: g.lignes.map((l) => [l.libelle, l.poste, l.section, l.cellules.map((c) => (c.erreur ? c.texte : unparseGarantie(c.garantie!)))]),
});

describe("grille: JSON export", () => {
  it("round-trips every importable fixture grid through grilleVersJson → grilleDepuisJson", () => {
    let n = 0;
    for (const famille of ["import", "csv", "json"]) {
      for (const [nom, f] of fixtures(famille)) {
        if (f.erreur !== undefined || f.entree.csvGenere) continue;
        const g = importer(f);
        const json = JSON.parse(JSON.stringify(grilleVersJson(g)));
        assert.deepEqual(resume(grilleDepuisJson(json)), resume(g), nom);
        n++;
      }
    }
    assert.ok(n >= 20, `${n} grilles`);
  });
});

describe("grille: size", () => {
  // Timing belongs to the bench (bench/grilles.bench.ts, npm run bench); this checks the result on a big input.
  it("imports 2 000 CSV rows (the row limit), every row kept and recognised; one more filled row is refused", () => {
    // A label and one level: 4 000 cells, under the limit of 5 000.
    const lignes = ["Garanties;Niveau 1"];
    for (let i = 0; i < 1_999; i++) lignes.push(`Ligne de garanties ${i} consultation spécialiste OPTAM;${100 + (i % 200)} % BR`);
    const g = grilleDepuisCsv(lignes.join("\r\n"));
    assert.equal(g.lignes.length, 1_999);
    assert.equal(g.lignes[1_998]!.poste, "soins.specialiste.optam");
    // Empty rows at the end do not count (a formatted area exported as « ;;; » lines).
    assert.equal(grilleDepuisCsv(`${lignes.join("\r\n")}${"\r\n;;;".repeat(5_000)}`).lignes.length, 1_999);
    assert.throws(
      () => grilleDepuisCsv([...lignes, "Frais de séjour;100 % BR"].join("\r\n")),
      /^RembError: Grille trop grande : plus de 2 000 lignes \(ligne 2 001 remplie\)/,
    );
  });
});

describe("grille: robustness", () => {
  it("never crashes on arbitrary 2-D arrays: a grid or a RembError", () => {
    const cellule = fc.oneof(
      fc.constantFrom(null, "", "Niveau 1", "Niveau 2", "Frais de séjour", "100 % BR", "Néant", "=1+1", "#N/A", "OPTIQUE", "Option 1", "réseau", "en % BR"),
      fc.string({ maxLength: 20 }),
      fc.double({ noNaN: false }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cellule, { maxLength: 6 }), { maxLength: 12 }), (t) => {
        try {
          const g = grilleDepuisTableau(t);
          for (const l of g.lignes) assert.equal(l.cellules.length, g.niveaux.length);
        } catch (e) {
          assert.ok(estRembError(e), String(e));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("never crashes on arbitrary CSV text or JSON values", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        for (const f of [() => grilleDepuisCsv(s), () => grilleDepuisJson(s)]) {
          try {
            f();
          } catch (e) {
            assert.ok(estRembError(e), String(e));
          }
        }
      }),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        try {
          grilleDepuisJson(v);
        } catch (e) {
          assert.ok(estRembError(e), String(e));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
