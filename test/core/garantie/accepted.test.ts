import assert from "node:assert/strict";
import { RembError } from "../../../src/core/errors";
import { centsDepuisEuros } from "../../../src/core/money";
import { evaluerGarantie, normaliserGarantie, parseGarantie, unparseGarantie } from "../../../src/core/garantie";
import { charger, contexte, type CasAccepte } from "./fixtures";

const { cas } = charger<CasAccepte>("accepted.json");

describe("garantie — expressions acceptées (test/fixtures/garantie/accepted.json)", () => {
  it("holds at least 150 distinct expressions, each with an evaluation and its source", () => {
    assert.ok(cas.length >= 150, `${cas.length} cas`);
    assert.equal(new Set(cas.map((c) => c.texte)).size, cas.length, "texte en double");
    for (const c of cas) {
      assert.ok(c.evaluations.length > 0, c.nom);
      for (const e of c.evaluations) {
        assert.ok(e.source && e.date, c.nom);
        assert.ok((e.attendu === undefined) !== (e.erreur === undefined), `${c.nom} : attendu ou erreur, exactement un`);
      }
    }
  });

  for (const c of cas) {
    describe(c.nom, () => {
      it(`se normalise en « ${c.canonique} », forme stable`, () => {
        const g = parseGarantie(c.texte);
        assert.equal(unparseGarantie(g), c.canonique);
        assert.equal(normaliserGarantie(c.canonique), c.canonique);
        assert.deepStrictEqual(parseGarantie(c.canonique), g);
      });
      c.evaluations.forEach((e, k) => {
        it(`évaluation ${k + 1} : ${e.attendu !== undefined ? `G = ${e.attendu} €` : e.erreur}`, () => {
          const g = parseGarantie(c.texte);
          const ctx = contexte(e);
          if (e.erreur !== undefined) {
            assert.throws(
              () => evaluerGarantie(g, ctx),
              (x: unknown) => x instanceof RembError && x.code === e.erreur,
            );
          } else {
            assert.equal(evaluerGarantie(g, ctx), centsDepuisEuros(e.attendu!), e.source);
          }
        });
      });
    });
  }
});
