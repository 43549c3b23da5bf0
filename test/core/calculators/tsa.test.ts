import assert from "node:assert/strict";
import { calculerTsa, tauxTsa } from "../../../src/core/calculators/tsa";
import { tauxEnTexte } from "../../../src/core/money";
import { chargerFixtures, cents, jour, verifierErreur, type CasFixture } from "./soins-fixtures";

const executer = (c: CasFixture) => calculerTsa(cents(c.entree["cotisation"], "cotisation"), c.entree["responsable"] as boolean, jour(c.date));

describe("calculerTsa (fixtures tsa.json)", () => {
  for (const c of chargerFixtures("tsa").cas) {
    it(c.nom, () => {
      if (c.erreur) return verifierErreur(() => executer(c), c.erreur, c.nom);
      assert.equal(executer(c), cents(c.attendu!["montant"]));
    });
  }
});

describe("tauxTsa", () => {
  it("gives the exact dated rates", () => {
    assert.equal(tauxEnTexte(tauxTsa(true, jour("2026-03-14"))), "0.1327");
    assert.equal(tauxEnTexte(tauxTsa(false, jour("2026-03-14"))), "0.2027");
  });

  it("points at the TSCA parameters before 2016", () => {
    verifierErreur(() => tauxTsa(false, jour("2014-06-01")), { code: "HORS_CHAMP", message: "01/01/2016.*tsca\\.sante\\.non_responsable" }, "2014");
  });
});
