import assert from "node:assert/strict";
import { plafondResponsable, plancherResponsable } from "../../src/core/responsable/limites/limites-responsables";
import { demandeLimite, lirePosteLimite } from "../../src/functions/adaptateurs/limite-demandee";
import { eurosDepuisCents, tauxEnNombre } from "../../src/core/money";
import type { ValeurCellule } from "../../src/functions/excel";
import { chargerFixtures, jour, verifierErreur } from "../core/calculators/soins-fixtures";

/**
 * The limits with their wording and reference (REMB.PLAFOND / REMB.PLANCHER return the value only): the Excel
 * arguments read by the adapter (limite-demandee.ts), then the core.
 */
function limite(f: "plafond" | "plancher", poste: string, categorie: ValeurCellule, date: string) {
  const d = demandeLimite(f, lirePosteLimite(poste, "poste"), categorie, "categorie");
  return (f === "plancher" ? plancherResponsable : plafondResponsable)(d, jour(date));
}

describe("plafondResponsable / plancherResponsable (fixtures plafonds.json)", () => {
  const f = chargerFixtures("plafonds");
  for (const c of f.cas) {
    it(`${c.fonction} ${c.nom}`, () => {
      const e = c.entree as { poste: string; categorie?: string | number };
      const appel = () => limite(c.fonction === "plancher" ? "plancher" : "plafond", e.poste, e.categorie, c.date as string);
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

describe("lirePosteLimite", () => {
  it("recognises French labels of the capped postes", () => {
    const formes: [string, string][] = [
      ["Optique", "optique"],
      ["équipement optique", "optique"],
      ["MONTURE", "monture"],
      ["Aides auditives", "audio"],
      ["audioprothèse", "audio"],
      ["aides auditives 100 % santé", "audio-classe-1"],
      ["Audio classe I", "audio-classe-1"],
      ["Audio  Classe-I", "audio-classe-1"],
      ["non-OPTAM", "non-optam"],
      ["Non adhérent DPTM", "non-optam"],
      ["hors OPTAM", "non-optam"],
      ["OPTAM-CO", "optam"],
      ["ticket modérateur", "ticket-moderateur"],
      ["Forfait journalier hospitalier", "forfait-journalier"],
      ["ANI optique", "ani-optique"],
      ["ani-dentaire", "ani-dentaire"],
    ];
    for (const [t, p] of formes) assert.equal(lirePosteLimite(t, "poste").code, p, t);
    assert.throws(
      () => lirePosteLimite("pharmacie", "poste"),
      /poste : Poste inconnu : « pharmacie » — postes connus : optique, monture, audio, audio classe I, non-OPTAM, OPTAM, ticket modérateur, forfait journalier, ANI optique, ANI dentaire\.$/,
    );
    assert.throws(() => lirePosteLimite(null, "poste"), /poste : valeur manquante — postes connus : optique/);
  });

  it("marks ⚠ values as uncertain with their note", () => {
    const r = limite("plafond", "non-optam", 1.5, "2016-06-01");
    assert.equal(r.incertain, true);
    assert.match(r.note ?? "", /125/);
    assert.equal(limite("plafond", "optique", "c", "2025-06-01").incertain, undefined);
  });
});
