import assert from "node:assert/strict";
import { forfaitJournalier } from "../../../src/core/calculators/forfait-journalier";
import { jourDepuisIso } from "../../../src/core/dates";
import { chargerFixtures, cents, jour, verifierErreur, type CasFixture } from "./soins-fixtures";

function montant(c: CasFixture): number {
  return forfaitJournalier(c.entree["jours"] as number, c.entree["psy"] as boolean, jour(c.date));
}

describe("forfaitJournalier (fixtures forfait-journalier.json)", () => {
  for (const c of chargerFixtures("forfait-journalier").cas) {
    it(c.nom, () => {
      if (c.fonction === "forfaitJournalier") {
        if (c.erreur) return verifierErreur(() => montant(c), c.erreur, c.nom);
        return assert.equal(montant(c), cents(c.attendu!["montant"]));
      }
      assert.fail(`${c.nom} : fonction « ${c.fonction} » inconnue`);
    });
  }
});

describe("forfaitJournalier: day by day", () => {
  it("equals the sum of one-day stays, whatever the start and length", () => {
    const debut = jourDepuisIso("2017-12-20");
    for (const psy of [false, true]) {
      for (let depart = 0; depart < 3100; depart += 97) {
        for (const jours of [1, 2, 5, 13, 40]) {
          let somme = 0;
          for (let k = 0; k < jours; k++) somme += forfaitJournalier(1, psy, debut + depart + k);
          assert.equal(forfaitJournalier(jours, psy, debut + depart), somme);
        }
      }
    }
  });

  it("refuses a non-boolean psy flag and a huge stay", () => {
    verifierErreur(() => forfaitJournalier(1, "oui" as never, jourDepuisIso("2025-01-01")), { code: "ARGUMENT_INVALIDE", message: "psychiatrie" }, "psy");
    verifierErreur(() => forfaitJournalier(1e9, false, jourDepuisIso("2025-01-01")), { code: "ARGUMENT_INVALIDE" }, "énorme");
  });
});
