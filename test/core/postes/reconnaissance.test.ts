import assert from "node:assert/strict";
import fc from "fast-check";
import { jetons, reconnaitrePoste, sectionDeTitre, type Section } from "../../../src/core/postes";
import fixture from "../../fixtures/postes/libelles.json";

interface Cas {
  libelle: string;
  section: Section | null;
  intertitre?: string;
  attendu: string | null;
  source: string;
  commentaire?: string;
}

const CAS = (fixture as { cas: Cas[] }).cas;

describe("postes: label recognition (test/fixtures/postes/libelles.json)", () => {
  it("holds at least 150 printed labels, some of which must stay unknown", () => {
    assert.ok(CAS.length >= 150, `${CAS.length} cas`);
    assert.ok(CAS.filter((c) => c.attendu === null).length >= 5);
    for (const c of CAS) assert.ok(c.source.length > 0, `source manquante : ${c.libelle}`);
  });

  for (const c of CAS) {
    const titre = `${c.section ?? "∅"}${c.intertitre ? ` › ${c.intertitre}` : ""} › « ${c.libelle} » → ${c.attendu ?? "inconnu"}`;
    it(titre, () => {
      const r = reconnaitrePoste(c.libelle, { section: c.section, intertitre: c.intertitre ?? null });
      assert.equal(r.poste?.code ?? null, c.attendu, r.raison);
      if (c.attendu === null) {
        assert.equal(r.confiance, 0);
        assert.match(r.raison, /Aucun poste/);
      } else {
        assert.ok(r.confiance > 0 && r.confiance <= 1, `confiance ${r.confiance}`);
        assert.match(r.raison, /^Reconnu par « /);
      }
    });
  }

  it("does not depend on case, accents, punctuation or spacing", () => {
    const sansAccents = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const variantes = [
      (s: string) => s.toUpperCase(),
      (s: string) => s.toLowerCase(),
      sansAccents,
      (s: string) => s.replace(/ /g, "  ").replace(/-/g, " – "),
      (s: string) => `  ${s.replace(/,/g, " ;")} :`,
      (s: string) => s.replace(/ /g, "\u00a0"),
    ];
    for (const c of CAS) {
      for (const v of variantes) {
        const r = reconnaitrePoste(v(c.libelle), { section: c.section, intertitre: c.intertitre ?? null });
        assert.equal(r.poste?.code ?? null, c.attendu, `« ${v(c.libelle)} »`);
      }
    }
  });

  it("lets the section row disambiguate: the same words under OPTIQUE and under AIDES AUDITIVES", () => {
    assert.equal(reconnaitrePoste("Équipement 100 % Santé", { section: "optique" }).poste?.code, "optique.equipement.100-sante");
    assert.equal(reconnaitrePoste("Équipement 100 % Santé", { section: "aides-auditives" }).poste?.code, "audio.classe-1");
    assert.equal(reconnaitrePoste("Actes techniques médicaux OPTAM", { section: "hospitalisation" }).poste?.code, "hospi.actes-techniques.optam");
    assert.equal(reconnaitrePoste("Actes techniques médicaux OPTAM", { section: "soins-courants" }).poste?.code, "soins.actes-techniques.optam");
    // « Simples » means something only under OPTIQUE.
    assert.equal(reconnaitrePoste("Simples", { section: "optique" }).poste?.code, "optique.equipement.a");
    assert.equal(reconnaitrePoste("Simples", { section: "dentaire" }).poste, null);
  });

  it("lowers the confidence of a poste found outside the current section, and says so", () => {
    const dedans = reconnaitrePoste("Monture", { section: "optique" });
    const dehors = reconnaitrePoste("Monture", { section: "dentaire" });
    assert.equal(dehors.poste?.code, "optique.monture");
    assert.ok(dehors.confiance < dedans.confiance);
    assert.match(dehors.raison, /section Optique, ligne sous Dentaire/);
  });

  it("never throws and stays in 0..1 on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = reconnaitrePoste(s);
        assert.ok(r.confiance >= 0 && r.confiance <= 1);
        assert.equal(typeof r.raison, "string");
      }),
      { numRuns: 2000 },
    );
  });

  it("folds the usual variants into the same tokens", () => {
    const attendu = ["consultation", "specialiste", "nonoptam"];
    for (const l of [
      "Consult. spé. non adhérents DPTAM",
      "Consultations spécialistes – hors OPTAM",
      "CONSULTATION SPECIALISTE NON-OPTAM",
      "consultation spécialiste non OPTAM / OPTAM-CO",
    ]) {
      assert.deepEqual(jetons(l), attendu, l);
    }
    assert.deepEqual(jetons("Équipement 100 % Santé (classe A)"), ["equipement", "100sante", "classea"]);
    assert.deepEqual(jetons("Lentilles non prises en charge"), ["lentille", "nonrembourse"]);
  });

  it("tells section heading rows from sub-headings", () => {
    const titres: [string, Section | null][] = [
      ["OPTIQUE", "optique"],
      ["2. SOINS COURANTS", "soins-courants"],
      ["Soins de ville", "soins-courants"],
      ["HOSPITALISATION (y compris maternité)", "hospitalisation"],
      ["Hospitalisation médicale et chirurgicale", "hospitalisation"],
      ["DENTAIRE", "dentaire"],
      ["AIDES AUDITIVES", "aides-auditives"],
      ["Prévention et bien-être", "prevention"],
      ["Médecines douces", "prevention"],
      ["AUTRES POSTES", "autres"],
      ["Honoraires médicaux", null],
      ["Pharmacie", null],
      ["Verres simples", null],
      ["", null],
    ];
    for (const [t, s] of titres) assert.equal(sectionDeTitre(t), s, t);
  });
});
