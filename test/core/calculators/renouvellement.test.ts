import assert from "node:assert/strict";
import fc from "fast-check";
import { RembError } from "../../../src/core/errors";
import { domaineDepuisTexte, motifDepuisTexte, renouvellementPossible, type EntreeRenouvellement } from "../../../src/core/calculators/renouvellement";
import { isoDepuisJour, jourDepuisCivil } from "../../../src/core/dates";
import { chargerFixtures, jour, verifierErreur, type CasFixture } from "./soins-fixtures";

function entree(c: CasFixture): EntreeRenouvellement {
  const e = c.entree;
  return {
    domaine: e["domaine"],
    precedent: jour(e["precedent"]),
    achat: jour(e["achat"]),
    ...(e["age"] !== undefined ? { age: e["age"] } : {}),
    ...(e["motif"] !== undefined ? { motif: e["motif"] } : {}),
    ...(e["dateContrat"] !== undefined ? { dateContrat: jour(e["dateContrat"]) } : {}),
  } as EntreeRenouvellement;
}

describe("renouvellementPossible (fixtures renouvellement.json)", () => {
  const f = chargerFixtures("renouvellement");
  for (const c of f.cas) {
    it(c.nom, () => {
      if (c.erreur) return verifierErreur(() => renouvellementPossible(entree(c)), c.erreur, c.nom);
      const r = renouvellementPossible(entree(c));
      const a = c.attendu!;
      assert.equal(r.possible, a["possible"], `${c.nom} : possible (${r.regle})`);
      assert.equal(isoDepuisJour(r.dateMin), a["dateMin"], `${c.nom} : dateMin`);
      if (a["regle"] !== undefined) assert.match(r.regle, new RegExp(a["regle"] as string), c.nom);
      assert.match(r.reference, /R871-2 [34]°/);
      assert.ok(r.regle.includes("date anniversaire incluse") || r.dateMin === jour(c.entree["precedent"]), r.regle);
    });
  }
});

describe("renouvellement: text and properties", () => {
  it("reads domains and reasons in French", () => {
    assert.equal(domaineDepuisTexte("Lunettes"), "optique");
    assert.equal(domaineDepuisTexte("aides auditives"), "audio");
    assert.equal(domaineDepuisTexte("Audioprothèse"), "audio");
    assert.throws(() => domaineDepuisTexte("dentaire"), /Domaine inconnu/);
    assert.equal(motifDepuisTexte("Évolution de la vue"), "evolution-vue");
    assert.equal(motifDepuisTexte("evolution-vue"), "evolution-vue");
    assert.equal(motifDepuisTexte("médical"), "medical");
    assert.equal(motifDepuisTexte("Monture inadaptée"), "monture-inadaptee");
    assert.equal(motifDepuisTexte(""), "aucun");
    assert.throws(() => motifDepuisTexte("casse"), /Motif de renouvellement inconnu/);
  });

  it("is monotonic in the purchase date and never allows a renewal before dateMin (10 000 cases, with nonsense)", () => {
    const jours = fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: jourDepuisCivil(2014, 1, 1), max: jourDepuisCivil(2032, 12, 31) }) },
      { weight: 1, arbitrary: fc.constantFrom(Number.NaN, -5, 1.5) },
    );
    fc.assert(
      fc.property(
        fc.constantFrom("optique", "audio", "x"),
        jours,
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN) }), {
          nil: undefined,
        }),
        fc.option(fc.constantFrom("evolution-vue", "medical", "monture-inadaptee", "aucun", "x"), { nil: undefined }),
        (domaine, precedent, delta, age, motif) => {
          const e = { domaine, precedent, achat: precedent + delta, age, motif } as EntreeRenouvellement;
          let r;
          try {
            r = renouvellementPossible(e);
          } catch (err) {
            assert.ok(err instanceof RembError, String(err));
            return;
          }
          assert.equal(r.possible, e.achat >= r.dateMin);
          assert.ok(r.dateMin >= precedent);
          assert.ok(r.dateMin <= jourDepuisCivil(2100, 1, 1));
          // A later purchase under the same rule is allowed as soon as an earlier one is.
          if (r.possible) {
            const plusTard = renouvellementPossible({ ...e, achat: e.achat + 1 });
            if (plusTard.dateMin === r.dateMin) assert.ok(plusTard.possible);
          }
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
