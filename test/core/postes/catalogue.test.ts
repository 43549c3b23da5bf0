import assert from "node:assert/strict";
import { parametres } from "../../../src/core/params";
import { CATALOGUE, IDS_REGLES, SECTIONS, estCodePoste, posteParCode, reconnaitrePoste } from "../../../src/core/postes";

describe("postes: catalogue", () => {
  it("holds at least 60 postes with unique, stable-looking codes", () => {
    assert.ok(CATALOGUE.length >= 60, `${CATALOGUE.length} postes`);
    const codes = CATALOGUE.map((p) => p.code);
    assert.equal(new Set(codes).size, codes.length, "codes en double");
    for (const c of codes) assert.match(c, /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, c);
    assert.equal(posteParCode("optique.equipement.c")?.optique?.categorie, "c");
    assert.equal(posteParCode("inconnu"), undefined);
    assert.ok(estCodePoste("hospi.forfait-journalier") && !estCodePoste("hospi.fj"));
  });

  it("covers every harmonised heading, and each section has its postes", () => {
    for (const s of SECTIONS)
      assert.ok(
        CATALOGUE.some((p) => p.section === s),
        s,
      );
  });

  it("states the validator's facts consistently", () => {
    const ids = new Set<string>(IDS_REGLES);
    for (const p of CATALOGUE) {
      const ctx = p.code;
      for (const r of p.regles) assert.ok(ids.has(r), `${ctx}: règle inconnue ${r}`);
      assert.equal(new Set(p.regles).size, p.regles.length, `${ctx}: règle en double`);
      // R871-2 1°: the TM is due exactly on reimbursed lines, except the R160-5 exceptions.
      if (!p.remboursableRo) assert.equal(p.tm, "sans-objet", ctx);
      assert.equal(p.tm === "facultatif", p.exceptionTm !== undefined, `${ctx}: facultatif ⇔ exception R160-5`);
      assert.equal(p.tm === "obligatoire", p.regles.includes("R871-2 1°"), `${ctx}: TM obligatoire ⇔ R871-2 1°`);
      // L863-8: doctors' acts carry the no-modulation rule.
      assert.equal(p.acteMedecin, p.regles.includes("L863-8"), `${ctx}: acte de médecin ⇔ L863-8`);
      if (p.tauxRo !== undefined) assert.ok(parametres.existe(p.tauxRo), `${ctx}: paramètre ${p.tauxRo} inconnu`);
      // The actes-lourds participation is a flat amount (hospi.participation_actes_lourds), not a rate.
      if (p.remboursableRo && p.tm !== "sans-objet" && p.code !== "hospi.forfait-actes-lourds") assert.ok(p.tauxRo, `${ctx}: taux AMO attendu`);
      if (p.optique?.classe === "A" || p.audio?.classe === "I" || p.panier?.includes("100%SANTE")) {
        assert.ok(
          p.regles.some((r) => ["R871-2 3° classe A", "R871-2 4° classe I", "R871-2 5°"].includes(r)),
          `${ctx}: règle 100 % Santé`,
        );
      }
      if (p.optique?.classe === "B" && p.optique.element === "equipement") {
        for (const r of ["R871-2 3° plancher", "R871-2 3° plafond", "R871-2 3° monture"] as const) assert.ok(p.regles.includes(r), `${ctx}: ${r}`);
      }
      if (p.audio?.classe === "II") assert.ok(p.regles.includes("R871-2 4° plafond"), ctx);
      if (p.code.startsWith("hospi.forfait-journalier")) assert.ok(p.regles.includes("R871-2 6°"), ctx);
      assert.ok(p.synonymes.length > 0, `${ctx}: au moins un synonyme`);
    }
  });

  it("pairs the doctors' lines for R871-2 2°: one OPTAM, one non-OPTAM and one all-sectors line per kind of act", () => {
    const paires = new Set(CATALOGUE.filter((p) => p.paire).map((p) => p.paire!));
    assert.ok(paires.size >= 8, `${paires.size} paires`);
    for (const k of paires) {
      const ps = CATALOGUE.filter((p) => p.paire === k);
      assert.deepEqual(ps.map((p) => p.secteur).sort(), ["NON-OPTAM", "OPTAM", "TOUS"], k);
      for (const p of ps) {
        assert.ok(p.acteMedecin && p.regles.includes("R871-2 2°"), p.code);
        assert.equal(p.tauxRo, ps[0]!.tauxRo, p.code);
      }
    }
  });

  it("has one classe B equipment poste per optical category a–f, and the legal classes elsewhere", () => {
    const cats = CATALOGUE.filter((p) => p.optique?.element === "equipement" && p.optique.categorie).map((p) => p.optique!.categorie);
    assert.deepEqual(cats.sort(), ["a", "b", "c", "d", "e", "f"]);
    assert.equal(posteParCode("optique.equipement.100-sante")?.optique?.classe, "A");
    assert.equal(posteParCode("audio.classe-1")?.audio?.classe, "I");
    assert.equal(posteParCode("audio.classe-2")?.audio?.classe, "II");
    assert.deepEqual(posteParCode("dentaire.protheses.100-sante")?.panier, ["100%SANTE"]);
    assert.equal(posteParCode("soins.pharmacie.30")?.exceptionTm, "R160-5 6°");
    assert.equal(posteParCode("soins.pharmacie.15")?.exceptionTm, "R160-5 14°");
    assert.equal(posteParCode("soins.cure-thermale")?.exceptionTm, "R160-5 10°");
  });

  it("recognises each of its own wordings as its own poste (no synonym is shadowed by another poste)", () => {
    for (const p of CATALOGUE) {
      for (const s of [...p.synonymes, ...(p.synonymesSection ?? [])]) {
        const r = reconnaitrePoste(s, { section: p.section });
        assert.equal(r.poste?.code, p.code, `« ${s} » : ${r.raison}`);
      }
    }
  });
});
