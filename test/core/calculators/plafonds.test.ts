import assert from "node:assert/strict";
import { plafondResponsable, plancherResponsable, posteDepuisTexte } from "../../../src/core/responsable/limites/limites-responsables";
import { eurosDepuisCents, tauxEnNombre } from "../../../src/core/money";
import { chargerFixtures, jour, verifierErreur } from "./soins-fixtures";

describe("plafondResponsable / plancherResponsable (fixtures plafonds.json)", () => {
  const f = chargerFixtures("plafonds");
  for (const c of f.cas) {
    it(`${c.fonction} ${c.nom}`, () => {
      const e = c.entree as { poste: string; categorie?: string | number };
      const appel = () => (c.fonction === "plancher" ? plancherResponsable : plafondResponsable)(e.poste, e.categorie, jour(c.date));
      if (c.erreur) return verifierErreur(appel, c.erreur, c.nom);
      const r = appel();
      const a = c.attendu!;
      assert.equal(r.valeur, a["valeur"], `${c.nom} : valeur`);
      assert.equal(r.unite, a["unite"], `${c.nom} : unité`);
      // The exact value agrees with the displayed one.
      if (r.unite === "EUR") assert.equal(eurosDepuisCents(r.montant!), r.valeur);
      else assert.equal(tauxEnNombre(r.taux!), r.valeur);
      assert.ok(r.reference.length > 0 && r.libelle.length > 20, `${c.nom} : référence et libellé`);
      if (a["reference"] !== undefined) assert.match(r.reference, new RegExp(a["reference"] as string), `${c.nom} : référence`);
      if (a["libelle"] !== undefined) assert.match(r.libelle, new RegExp(a["libelle"] as string), `${c.nom} : libellé`);
    });
  }
});

describe("posteDepuisTexte", () => {
  it("recognises French labels of the capped postes", () => {
    const formes: [string, string][] = [
      ["Optique", "optique"],
      ["équipement optique", "optique"],
      ["MONTURE", "monture"],
      ["Aides auditives", "audio"],
      ["audioprothèse", "audio"],
      ["aides auditives 100 % santé", "audio-classe-1"],
      ["Audio classe I", "audio-classe-1"],
      ["non-OPTAM", "non-optam"],
      ["Non adhérent DPTM", "non-optam"],
      ["hors OPTAM", "non-optam"],
      ["OPTAM-CO", "optam"],
      ["ticket modérateur", "ticket-moderateur"],
      ["Forfait journalier hospitalier", "forfait-journalier"],
      ["ANI optique", "ani-optique"],
      ["ani-dentaire", "ani-dentaire"],
    ];
    for (const [t, p] of formes) assert.equal(posteDepuisTexte(t), p, t);
    assert.throws(() => posteDepuisTexte("pharmacie"), /Poste inconnu : « pharmacie » — postes connus : optique/);
    assert.throws(() => posteDepuisTexte(undefined as unknown as string), /Poste inconnu/);
  });

  it("marks ⚠ values as uncertain with their note", () => {
    const r = plafondResponsable("non-optam", 1.5, jour("2016-06-01"));
    assert.equal(r.incertain, true);
    assert.match(r.note ?? "", /125/);
    assert.equal(plafondResponsable("optique", "c", jour("2025-06-01")).incertain, undefined);
  });
});
