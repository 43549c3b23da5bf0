import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { jourDepuisIso, isoDepuisJour } from "../../../src/core/dates";
import { RembError } from "../../../src/core/errors";
import { centsDepuisEuros, tauxDepuisTexte, tauxEnTexte, type Cents } from "../../../src/core/money";
import { parametres } from "../../../src/core/params";

/** One case of test/fixtures/params/historique.json, transcribed by hand from docs/parametres.md. */
interface Cas {
  nom: string;
  parametre: string;
  date: string;
  inclureAnnonces?: boolean;
  attendu?: string | number | boolean;
  erreur?: string;
  source: string;
}

/** Cents as the fixture writes amounts: plain decimal text with a point and two decimals (2000 → "20.00"). */
function texteEuros(c: Cents): string {
  const entier = Math.floor(Math.abs(c) / 100);
  const dec = Math.abs(c) - entier * 100;
  return `${c < 0 ? "-" : ""}${entier}.${dec < 10 ? "0" : ""}${dec}`;
}

const fixture = JSON.parse(readFileSync(new URL("../../fixtures/params/historique.json", import.meta.url), "utf8")) as { cas: Cas[] };

describe("params: dated history (fixture historique.json)", () => {
  it("has cases, each with a source and exactly one of attendu / erreur", () => {
    assert.ok(fixture.cas.length > 100);
    for (const c of fixture.cas) {
      assert.ok(c.source.trim().length > 0, `${c.nom} : source manquante`);
      assert.ok((c.attendu === undefined) !== (c.erreur === undefined), `${c.nom} : attendu xor erreur`);
    }
  });

  for (const c of fixture.cas) {
    it(c.nom, () => {
      const jour = jourDepuisIso(c.date);
      const options = c.inclureAnnonces ? { inclureAnnonces: true } : undefined;
      if (c.erreur !== undefined) {
        assert.throws(
          () => parametres.valeurDatee(c.parametre, jour, options),
          (e: unknown) => e instanceof RembError && e.code === c.erreur && e.message.includes(`« ${c.parametre} »`),
        );
        return;
      }
      const unite = parametres.definition(c.parametre).unite;
      switch (unite) {
        case "EUR":
        case "EUR/day": {
          const cents = parametres.cents(c.parametre, jour, options);
          assert.equal(cents, centsDepuisEuros(String(c.attendu)));
          assert.equal(texteEuros(cents), c.attendu);
          break;
        }
        case "/1":
        case "×BR":
        case "D":
          assert.equal(tauxEnTexte(parametres.taux(c.parametre, jour, options)), tauxEnTexte(tauxDepuisTexte(String(c.attendu))));
          break;
        case "count":
        case "year":
        case "month":
        case "day":
          assert.equal(parametres.entier(c.parametre, jour, options), c.attendu);
          break;
        case "boolean":
          assert.equal(parametres.booleen(c.parametre, jour, options), c.attendu);
          break;
        case "date":
          assert.equal(isoDepuisJour(parametres.date(c.parametre, jour, options)), c.attendu);
          break;
      }
    });
  }
});
