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

/** A realistic 120-line × 6-level grid (levels Niveau 1…6, harmonised labels, varied cells). */
function grille120x6(): unknown[][] {
  const libelles = [
    "Frais de séjour", "Forfait journalier hospitalier", "Chambre particulière", "Honoraires chirurgicaux OPTAM",
    "Honoraires chirurgicaux non OPTAM", "Consultation généraliste OPTAM", "Consultation généraliste non OPTAM",
    "Consultation spécialiste OPTAM", "Consultation spécialiste non OPTAM", "Auxiliaires médicaux", "Analyses et examens de laboratoire",
    "Médicaments remboursés à 65 %", "Soins dentaires", "Prothèses dentaires 100 % Santé", "Prothèses à tarifs libres",
    "Équipement 100 % Santé", "Verres simples", "Verres complexes", "Monture", "Aides auditives classe II",
  ];
  const cellules = ["100 % BR", "150 % BR", "200 % BR + 50 € / an", "Frais réels", "60 € / nuit", "1,5 % PMSS / jour", "300 € / 2 ans", "-", "Néant"];
  const t: unknown[][] = [["Tableau des garanties 2026"], ["Garanties", "Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4", "Niveau 5", "Niveau 6"]];
  for (let i = 0; i < 120; i++) {
    if (i % 20 === 0) t.push([["HOSPITALISATION", "SOINS COURANTS", "DENTAIRE", "OPTIQUE", "AIDES AUDITIVES", "PRÉVENTION"][(i / 20) % 6]]);
    t.push([`${libelles[i % libelles.length]}${i >= 20 ? ` (${i})` : ""}`, ...Array.from({ length: 6 }, (_, k) => cellules[(i + k) % cellules.length])]);
  }
  return t;
}

function mediane(f: () => void, n: number): number {
  const d: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f();
    d.push(performance.now() - t0);
  }
  return d.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

describe("grille: performance", () => {
  it("imports a 120-line × 6-level grid well under the 5 ms validation budget (median, warm caches)", () => {
    const t = grille120x6();
    const g = grilleDepuisTableau(t);
    assert.equal(g.lignes.length, 120);
    assert.equal(g.niveaux.length, 6);
    const ms = mediane(() => grilleDepuisTableau(t), 21);
    // Typically ~1 ms on the shared 2-core machine; the bound leaves room for a loaded CI runner.
    assert.ok(ms < 4, `${ms.toFixed(2)} ms`);
  });

  it("imports 10 000 CSV rows in well under a second", () => {
    const lignes = ["Garanties;Niveau 1;Niveau 2;Niveau 3"];
    for (let i = 0; i < 10_000; i++) lignes.push(`Ligne de garanties ${i} consultation spécialiste OPTAM;100 % BR;${100 + (i % 200)} % BR;Frais réels`);
    const texte = lignes.join("\r\n");
    const t0 = performance.now();
    const g = grilleDepuisCsv(texte);
    const ms = performance.now() - t0;
    assert.equal(g.lignes.length, 10_000);
    assert.equal(g.lignes[9_999]!.poste, "soins.specialiste.optam");
    assert.ok(ms < 1500, `${ms.toFixed(0)} ms`);
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
