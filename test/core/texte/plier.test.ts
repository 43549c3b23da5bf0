import assert from "node:assert/strict";
import { plier, plierEnPlace, replier, sansDiacritiques } from "../../../src/core/texte/plier";
import { classeAudioDepuisTexte } from "../../../src/core/calculators/audio";
import { normaliserMotCle } from "../../../src/core/calculators/entrees";
import { categorieDepuisTexte } from "../../../src/core/calculators/verres";
import { motCle } from "../../../src/functions/coercion";

describe("texte: the three folded forms", () => {
  const cas: readonly [string, string, string, string][] = [
    // texte, plierEnPlace, replier, plier
    ["Frais RÉELS", "frais reels", "frais reels", "frais reels"],
    ["Date d’effet : 01/01/2026", "date d'effet : 01/01/2026", "date d'effet : 01/01/2026", "date d effet 01 01 2026"],
    ["Sphère – 6  à  + 6", "sphere – 6  a  + 6", "sphere - 6 a + 6", "sphere 6 a 6"],
    ["Œil\u00a0droit", "œil\u00a0droit", "oeil droit", "oeil droit"],
    ["2verres", "2verres", "2verres", "2 verres"],
  ];
  for (const [t, enPlace, replie, plie] of cas) {
    it(`« ${t} »`, () => {
      assert.equal(plierEnPlace(t), enPlace);
      assert.equal(replier(t), replie);
      assert.equal(plier(t), plie);
    });
  }
  it("plierEnPlace keeps positions: same length as the printed text", () => {
    for (const t of ["Réels", "Sécurité sociale incluse", "d’effet", "ÉQUIPEMENT"]) assert.equal(plierEnPlace(t).length, t.length);
  });
  it("sansDiacritiques only removes the marks", () => {
    assert.equal(sansDiacritiques("Prothèses à honoraires maîtrisés"), "Protheses a honoraires maitrises");
  });
});

describe("texte: the keyword readers fold through plier.ts", () => {
  it("typographic dashes, apostrophes and ligatures read as typed on a keyboard", () => {
    assert.equal(motCle("Non–OPTAM"), "NON-OPTAM");
    assert.equal(motCle("  détail "), "DETAIL");
    assert.equal(normaliserMotCle("Franchise—médicament"), "franchise medicament");
    assert.equal(normaliserMotCle("aujourd’hui"), "aujourd hui");
    assert.equal(categorieDepuisTexte("simple – très complexe"), "d");
    assert.equal(classeAudioDepuisTexte("100 % Santé"), "I");
  });
  it("a sign the reader does not expect is still refused", () => {
    assert.throws(() => categorieDepuisTexte("simple ?"), /Catégorie d'équipement inconnue/);
  });
});
