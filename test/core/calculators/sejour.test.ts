import assert from "node:assert/strict";
import { calculerSejour, type EntreeSejour } from "../../../src/core/calculators/sejour";
import { chargerFixtures, cents, garantie, jour, taux, verifierDecompte, verifierErreur, type CasFixture } from "./soins-fixtures";

function entree(c: CasFixture): EntreeSejour {
  const e = c.entree;
  return {
    date: jour(c.date),
    fr: cents(e["fr"], "fr"),
    br: cents(e["br"], "br"),
    garantie: garantie(e["garantie"]),
    ...(e["acteLourd"] !== undefined ? { acteLourd: e["acteLourd"] as boolean } : {}),
    ...(e["tauxRo"] !== undefined ? { tauxRo: taux(e["tauxRo"]) } : {}),
    ...(e["responsable"] !== undefined ? { responsable: e["responsable"] as boolean } : {}),
  };
}

describe("calculerSejour (fixtures sejour.json)", () => {
  for (const c of chargerFixtures("sejour").cas) {
    it(c.nom, () => {
      if (c.erreur) return verifierErreur(() => calculerSejour(entree(c)), c.erreur, c.nom);
      const d = calculerSejour(entree(c));
      verifierDecompte(d, c.attendu!, c.nom);
      const detail = calculerSejour(entree(c), { detail: true });
      assert.deepEqual({ ...detail, etapes: [] }, { ...d, etapes: [] });
      assert.ok(detail.etapes.length >= 7);
    });
  }
});

describe("calculerSejour: detail", () => {
  it("names the actes-lourds participation with its dated reference (R160-16)", () => {
    const d = calculerSejour(
      { date: jour("2025-06-01"), fr: 83560, br: 83560, garantie: garantie({ nombre: 1, unite: "BR" }), acteLourd: true },
      { detail: true },
    );
    const p = d.etapes.find((e) => /Participation « actes lourds »/.test(e.libelle));
    assert.equal(p?.montant, 2400);
    assert.match(p?.reference ?? "", /R160-16/);
    assert.ok(d.etapes.some((e) => /R871-2 1°/.test(e.reference ?? "")));
  });

  it("shows the dated hospital rate when none is given", () => {
    const d = calculerSejour({ date: jour("2025-06-01"), fr: 354100, br: 354100, garantie: garantie({ nombre: 1, unite: "BR" }) }, { detail: true });
    assert.ok(d.etapes.some((e) => /^RO brut \(80\u00a0% × 3\u202f541,00/.test(e.libelle) && e.montant === 283280));
  });
});
