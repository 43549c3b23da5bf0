import assert from "node:assert/strict";
import { calculerForfaitJournalier, forfaitJournalier } from "../../../src/core/calculators/forfait-journalier";
import { jourDepuisIso } from "../../../src/core/dates";
import { chargerFixtures, cents, garantie, jour, verifierDecompte, verifierErreur, type CasFixture } from "./soins-fixtures";

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
      assert.equal(c.fonction, "calculerForfaitJournalier");
      const e = {
        date: jour(c.date),
        jours: c.entree["jours"] as number,
        psy: c.entree["psy"] as boolean,
        garantie: garantie(c.entree["garantie"]),
      };
      if (c.erreur) return verifierErreur(() => calculerForfaitJournalier(e), c.erreur, c.nom);
      verifierDecompte(calculerForfaitJournalier(e), c.attendu!, c.nom);
      const detail = calculerForfaitJournalier(e, { detail: true });
      assert.ok(detail.etapes.some((x) => /L174-4/.test(x.reference ?? "")));
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

  it("cites the reference of each amount a stay used", () => {
    const d = calculerForfaitJournalier(
      { date: jourDepuisIso("2026-02-27"), jours: 4, garantie: { type: "neant" } },
      { detail: true },
    );
    assert.match(d.etapes[0]!.reference ?? "", /L174-4.*2017.*depuis le 01\/03\/2026/);
    const court = calculerForfaitJournalier({ date: jourDepuisIso("2026-02-27"), jours: 2, garantie: { type: "neant" } }, { detail: true });
    assert.doesNotMatch(court.etapes[0]!.reference ?? "", /depuis le/);
  });

  it("refuses a non-boolean psy flag and a huge stay", () => {
    verifierErreur(() => forfaitJournalier(1, "oui" as never, jourDepuisIso("2025-01-01")), { code: "ARGUMENT_INVALIDE", message: "psychiatrie" }, "psy");
    verifierErreur(() => forfaitJournalier(1e9, false, jourDepuisIso("2025-01-01")), { code: "ARGUMENT_INVALIDE" }, "énorme");
  });
});
