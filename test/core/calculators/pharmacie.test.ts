import assert from "node:assert/strict";
import { calculerPharmacie, smrDepuisTexte, type EntreePharmacie, type Smr } from "../../../src/core/calculators/pharmacie";
import { chargerFixtures, cents, garantie, jour, verifierDecompte, verifierErreur, type CasFixture } from "./soins-fixtures";

function entree(c: CasFixture): EntreePharmacie {
  const e = c.entree;
  return {
    date: jour(c.date),
    prix: cents(e["prix"], "prix"),
    br: cents(e["br"], "br"),
    boites: e["boites"] as number,
    smr: e["smr"] as Smr,
    garantie: garantie(e["garantie"]),
    ...(e["exonere"] !== undefined ? { exonere: e["exonere"] as boolean } : {}),
  };
}

describe("calculerPharmacie (fixtures pharmacie.json)", () => {
  for (const c of chargerFixtures("pharmacie").cas) {
    it(c.nom, () => {
      if (c.erreur) return verifierErreur(() => calculerPharmacie(entree(c)), c.erreur, c.nom);
      const d = calculerPharmacie(entree(c));
      verifierDecompte(d, c.attendu!, c.nom);
      const detail = calculerPharmacie(entree(c), { detail: true });
      assert.deepEqual({ ...detail, etapes: [] }, { ...d, etapes: [] });
    });
  }
});

describe("calculerPharmacie: detail and SMR", () => {
  const base = (smr: Smr): EntreePharmacie => ({
    date: jour("2025-06-01"),
    prix: 1000,
    br: 1000,
    boites: 1,
    smr,
    garantie: garantie({ nombre: 1, unite: "BR" }),
  });

  it("reports in the steps whether the TM is mandatory (65 %) or optional (30 %, 15 %)", () => {
    const tm = (smr: Smr) => calculerPharmacie(base(smr), { detail: true }).etapes.find((e) => /^Ticket modérateur/.test(e.libelle))!;
    assert.match(tm("important").libelle, /obligatoire/);
    assert.match(tm("important").reference ?? "", /R160-5 11°/);
    assert.match(tm("modere").libelle, /facultative/);
    assert.match(tm("modere").reference ?? "", /R160-5 6°/);
    assert.match(tm("faible").libelle, /facultative/);
    assert.match(tm("faible").reference ?? "", /R160-5 14°/);
  });

  it("cites D160-9 when the franchise is reduced to the RO of the box", () => {
    const d = calculerPharmacie({ ...base("faible"), prix: 200, br: 200 }, { detail: true });
    assert.ok(d.etapes.some((e) => /ramenée au RO de la boîte/.test(e.libelle) && /D160-9/.test(e.reference ?? "")));
  });

  it("reads the SMR in French or as a rate", () => {
    const cas: [string, Smr][] = [
      ["important", "important"],
      ["SMR majeur", "important"],
      ["65 %", "important"],
      ["65%", "important"],
      ["0,65", "important"],
      ["Modéré", "modere"],
      ["30 %", "modere"],
      ["faible", "faible"],
      ["15%", "faible"],
      ["Irremplaçable", "irremplacable"],
      ["100 %", "irremplacable"],
    ];
    for (const [s, attendu] of cas) assert.equal(smrDepuisTexte(s), attendu, s);
    verifierErreur(() => smrDepuisTexte("40 %"), { code: "ARGUMENT_INVALIDE", message: "Service médical rendu inconnu" }, "40 %");
  });
});
