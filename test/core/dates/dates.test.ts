import assert from "node:assert/strict";
import fc from "fast-check";
import { ajouterAns, ajouterMois, isoDepuisJour, jourDepuisIso, jourDepuisSerie, jourDepuisTexte, serieDepuisJour } from "../../../src/core/dates";

describe("dates", () => {
  it("maps Excel serials of the 1900 system (45658 = 2025-01-01)", () => {
    assert.equal(isoDepuisJour(jourDepuisSerie(45658)), "2025-01-01");
    assert.equal(isoDepuisJour(jourDepuisSerie(61)), "1900-03-01");
    assert.equal(isoDepuisJour(jourDepuisSerie(59)), "1900-02-28");
    assert.equal(isoDepuisJour(jourDepuisSerie(1)), "1900-01-01");
    assert.equal(isoDepuisJour(jourDepuisSerie(45658.75)), "2025-01-01"); // time of day ignored
    assert.equal(serieDepuisJour(jourDepuisIso("2026-03-01")), 46082);
  });

  it("rejects what is not a date", () => {
    assert.throws(() => jourDepuisSerie(60), /29\/02\/1900/);
    assert.throws(() => jourDepuisSerie(0), /Date invalide/);
    assert.throws(() => jourDepuisSerie(-5), /Date invalide/);
    assert.throws(() => jourDepuisSerie(Number.NaN), /Date invalide/);
    assert.throws(() => jourDepuisIso("2025-02-29"), /Date invalide/);
    assert.throws(() => jourDepuisIso("2025-13-01"), /Date invalide/);
    assert.throws(() => jourDepuisIso("demain"), /Date invalide/);
    assert.throws(() => jourDepuisTexte("31/04/2025"), /n'existe pas/);
    assert.equal(isoDepuisJour(jourDepuisTexte("01/03/2026")), "2026-03-01");
  });

  it("adds calendar months and years, clamping to the month's end", () => {
    assert.equal(isoDepuisJour(ajouterMois(jourDepuisIso("2025-01-31"), 1)), "2025-02-28");
    assert.equal(isoDepuisJour(ajouterAns(jourDepuisIso("2024-02-29"), 2)), "2026-02-28");
    assert.equal(isoDepuisJour(ajouterMois(jourDepuisIso("2025-11-15"), -12)), "2024-11-15");
  });

  it("round-trips ISO ↔ day ↔ serial for every day of 1900-03-01 … 9999-12-31 sampled", () => {
    fc.assert(
      fc.property(fc.integer({ min: jourDepuisIso("1900-03-01"), max: jourDepuisIso("9999-12-31") }), (j) => {
        return jourDepuisIso(isoDepuisJour(j)) === j && jourDepuisSerie(serieDepuisJour(j)) === j;
      }),
      { numRuns: 10_000 },
    );
  });
});
