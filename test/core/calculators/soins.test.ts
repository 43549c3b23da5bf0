import assert from "node:assert/strict";
import { calculerSoins, type EntreeSoins } from "../../../src/core/calculators/soins";
import type { Retenue } from "../../../src/core/calculators/retenue";
import { secteurDepuisTexte, type Secteur } from "../../../src/core/calculators/secteur";
import { garantieDepuisNombre } from "../../../src/core/garantie";
import { jourDepuisIso } from "../../../src/core/dates";
import { chargerFixtures, cents, garantie, jour, taux, verifierDecompte, verifierErreur, type CasFixture } from "./soins-fixtures";

function entree(c: CasFixture): EntreeSoins {
  const e = c.entree;
  const r = e["retenue"];
  return {
    date: jour(c.date),
    fr: cents(e["fr"], "fr"),
    br: cents(e["br"], "br"),
    tauxRo: taux(e["tauxRo"]),
    garantie: garantie(e["garantie"]),
    ...(e["secteur"] !== undefined ? { secteur: e["secteur"] as Secteur } : {}),
    ...(r !== undefined ? { retenue: (typeof r === "number" ? cents(r, "retenue") : r) as Retenue } : {}),
    ...(e["responsable"] !== undefined ? { responsable: e["responsable"] as boolean } : {}),
    ...(e["garantieOptam"] !== undefined ? { garantieOptam: garantie(e["garantieOptam"]) } : {}),
    ...(e["dateContrat"] !== undefined ? { dateContrat: jour(e["dateContrat"]) } : {}),
  };
}

describe("calculerSoins (fixtures soins.json)", () => {
  const f = chargerFixtures("soins");
  for (const c of f.cas) {
    it(c.nom, () => {
      if (c.erreur) return verifierErreur(() => calculerSoins(entree(c)), c.erreur, c.nom);
      const d = calculerSoins(entree(c));
      verifierDecompte(d, c.attendu!, c.nom);
      // The detail changes nothing but the steps.
      const detail = calculerSoins(entree(c), { detail: true });
      assert.deepEqual({ ...detail, etapes: [] }, { ...d, etapes: [] });
      assert.ok(detail.etapes.length >= 8);
    });
  }
});

describe("calculerSoins: detail and hot path", () => {
  const base: EntreeSoins = {
    date: jourDepuisIso("2026-02-10"),
    fr: 6700,
    br: 2300,
    tauxRo: taux(0.7),
    garantie: garantieDepuisNombre(2, "BR"),
    secteur: "NON-OPTAM",
    garantieOptam: garantieDepuisNombre(2, "BR"),
    retenue: "PF",
  };

  it("builds no step without detail (the shared frozen empty array)", () => {
    const d = calculerSoins(base);
    assert.equal(d.etapes.length, 0);
    assert.ok(Object.isFrozen(d.etapes));
  });

  it("shows BR → RO brut → PF → RO net → G → cap → RC → RAC with references", () => {
    const d = calculerSoins(base, { detail: true });
    const libelles = d.etapes.map((e) => e.libelle);
    const index = (re: RegExp) => libelles.findIndex((l) => re.test(l));
    const ordre = [
      /^Base de remboursement/,
      /^RO brut \(70\u00a0% × 23,00/,
      /^Participation forfaitaire \(2,00/,
      /^RO net/,
      /^Garantie : 200\s%\sBR/,
      /^Plafond non-OPTAM/,
      /^Garantie plafonnée/,
      /^RC/,
      /^Reste à charge/,
    ];
    const positions = ordre.map(index);
    assert.ok(
      positions.every((p) => p >= 0),
      `étapes manquantes : ${JSON.stringify(libelles)}`,
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
    const pf = d.etapes[index(/^Participation forfaitaire/)]!;
    assert.equal(pf.montant, -200);
    assert.match(pf.reference ?? "", /R160-19/);
    assert.match(d.etapes[index(/^Plafond non-OPTAM/)]!.reference ?? "", /R871-2 2°/);
    assert.equal(d.etapes[index(/^RC/)]!.montant, d.rc);
    assert.equal(d.etapes[index(/^Reste à charge/)]!.montant, d.rac);
    assert.match(d.plafonds[0]!.reference, /R871-2 2°/);
  });

  it("says when the franchise was reduced to a tiny RO (D160-9)", () => {
    const d = calculerSoins({ ...base, secteur: "OPTAM", fr: 50, br: 50, tauxRo: taux(0.15), retenue: "FRANCHISE" }, { detail: true });
    assert.equal(d.roBrut, 8);
    assert.equal(d.retenue, 8);
    assert.equal(d.roNet, 0);
    assert.ok(d.etapes.some((e) => /ramenée au RO brut/.test(e.libelle) && /D160-9/.test(e.reference ?? "")));
  });

  it("refuses a missing guarantee and a missing entry with a French RembError", () => {
    verifierErreur(() => calculerSoins({ ...base, garantie: undefined as never }), { code: "ARGUMENT_INVALIDE", message: "Garantie manquante" }, "garantie");
    verifierErreur(() => calculerSoins(undefined as never), { code: "ARGUMENT_INVALIDE", message: "Entrée manquante" }, "entrée");
    verifierErreur(() => calculerSoins({ ...base, fr: 10.5 }), { code: "MONTANT_INVALIDE", message: "centime" }, "fraction de centime");
    verifierErreur(() => calculerSoins({ ...base, responsable: "oui" as never }), { code: "ARGUMENT_INVALIDE", message: "VRAI ou FAUX" }, "booléen");
  });

  it("gives RO 0 for care prescribed by a non-contracted doctor from 2027-01-01 and says why in DETAIL (L162-5-10)", () => {
    const prescrit: EntreeSoins = {
      date: jourDepuisIso("2027-01-01"),
      fr: 3000,
      br: 3000,
      tauxRo: taux(0.6),
      garantie: garantieDepuisNombre(1, "BR"),
      secteur: "PRESCRIT-NON-CONVENTIONNE",
    };
    const d = calculerSoins(prescrit, { detail: true });
    assert.equal(d.roBrut, 0);
    const ro = d.etapes.find((e) => /^RO nul : soin prescrit par un médecin non conventionné/.test(e.libelle));
    assert.ok(ro, JSON.stringify(d.etapes.map((e) => e.libelle)));
    assert.equal(ro.montant, 0);
    assert.match(ro.reference ?? "", /L162-5-10/);
    // The day before, the same care is reimbursed as any other.
    const veille = calculerSoins({ ...prescrit, date: jourDepuisIso("2026-12-31") }, { detail: true });
    assert.equal(veille.roBrut, 1800);
    assert.ok(!veille.etapes.some((e) => /^RO nul/.test(e.libelle)));
  });

  it("reports a non-monetary guarantee as indisponible", () => {
    verifierErreur(() => calculerSoins({ ...base, garantie: { type: "service", texte: "Inclus" } }), { code: "HORS_CHAMP" }, "service");
  });
});

describe("secteurDepuisTexte", () => {
  it("reads OPTAM / non-OPTAM spellings and refuses « secteur 2 » alone", () => {
    const cas: [string, Secteur][] = [
      ["OPTAM", "OPTAM"],
      ["optam-co", "OPTAM"],
      ["Secteur 1", "OPTAM"],
      ["adhérent DPTM", "OPTAM"],
      ["", "OPTAM"],
      ["NON-OPTAM", "NON-OPTAM"],
      ["non optam", "NON-OPTAM"],
      ["Non adhérent", "NON-OPTAM"],
      ["hors DPTM", "NON-OPTAM"],
      ["PRESCRIT-NON-CONVENTIONNE", "PRESCRIT-NON-CONVENTIONNE"],
      ["Prescription non conventionnée", "PRESCRIT-NON-CONVENTIONNE"],
      ["prescrit secteur 3", "PRESCRIT-NON-CONVENTIONNE"],
    ];
    for (const [s, attendu] of cas) assert.equal(secteurDepuisTexte(s), attendu, s);
    verifierErreur(() => secteurDepuisTexte("secteur 2"), { code: "ARGUMENT_INVALIDE", message: "Secteur inconnu.*OPTAM" }, "secteur 2");
  });
});
