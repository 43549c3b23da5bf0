import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { verifierGrille } from "../../src/core/responsable";
import { arbreDeTest, dossierTemporaire, lancer } from "./outils";

/**
 * --lecture shows what was understood of each line and cell; --corrections applies the user's corrections file
 * (docs/format-grille.md), and the report says which lines and cells it changed. Run with the real validator on a
 * grid written here, so the figures are those an auditor would see.
 */
describe("cli: --lecture and --corrections", () => {
  const tmp = dossierTemporaire();
  const grille = [
    "Garanties;Niveau 1",
    "Frais de séjour;100 % BR",
    "Chambre seule;50 € / nuit",
    "Lunettes d'enfant;100 € dont 30 € monture",
    "Ostéo;3 × 25 €",
    "Tiers payant;Oui",
  ].join("\n");
  before(async () => {
    await arbreDeTest(tmp.chemin);
    writeFileSync(path.join(tmp.chemin, "g.csv"), grille);
    writeFileSync(
      path.join(tmp.chemin, "corr.json"),
      JSON.stringify({ version: 1, lignes: { "4": "optique.equipement.a" }, cellules: { B5: "25 € / séance (max 3 séances / an)" } }),
    );
    writeFileSync(path.join(tmp.chemin, "corr.csv"), "type;clé;valeur\nligne;4;optique.equipement.a\ncellule;B5;25 € / séance (max 3 séances / an)\n");
    writeFileSync(path.join(tmp.chemin, "faux.json"), JSON.stringify({ version: 1, lignes: { "4": "optique.inexistant" } }));
  });
  after(() => tmp.supprimer());
  const v = (...argv: string[]) => lancer(["verifier", "g.csv", "--date", "2026-06-01", ...argv], { cwd: tmp.chemin, verifier: verifierGrille });

  it("--lecture lists every line with its poste, confidence and reason, and every cell with its reading", async () => {
    const r = await v("--lecture");
    assert.equal(r.stderr, "");
    assert.match(r.stdout, /LECTURE — 5 lignes lues/);
    assert.match(r.stdout, /ligne 2 · A2 « Frais de séjour » → hospi\.frais-sejour « Frais de séjour » \(confiance 1\)/);
    assert.match(r.stdout, /Niveau 1 · B2 : « 100 % BR » → 100 % BR/);
    assert.match(r.stdout, /Niveau 1 · B4 : « 100 € dont 30 € monture » → 100 € dont 30 € monture/);
    assert.match(r.stdout, /Niveau 1 · B5 : « 3 × 25 € » → non lue — Expression invalide/);
    assert.match(r.stdout, /ligne 6 · A6 « Tiers payant » → attribut du contrat ou service, non vérifié/);
  });

  it("without --lecture, no reading section", async () => {
    const r = await v();
    assert.doesNotMatch(r.stdout, /LECTURE/);
  });

  it("--json --lecture puts the same reading in the JSON report (null without --lecture)", async () => {
    const avec = JSON.parse((await v("--json", "--lecture")).stdout);
    const l = avec.grilles[0].lecture;
    assert.equal(l.lignes.length, 5);
    assert.deepEqual(
      { ligne: l.lignes[0].ligne, poste: l.lignes[0].poste, nature: l.lignes[0].nature, origine: l.lignes[0].origine, lu: l.lignes[0].cellules[0].lu },
      { ligne: 2, poste: "hospi.frais-sejour", nature: "soin", origine: "libelle", lu: "100 % BR" },
    );
    assert.equal(l.lignes[3].cellules[0].lu, null);
    assert.match(l.lignes[3].cellules[0].nonLu, /Expression invalide/);
    assert.equal(l.lignes[4].nature, "attribut");
    const sans = JSON.parse((await v("--json")).stdout);
    assert.equal(sans.grilles[0].lecture, null);
  });

  for (const f of ["corr.json", "corr.csv"]) {
    it(`--corrections ${f}: the corrected line and cell are read as the user said, and the report says so`, async () => {
      const r = await v("--corrections", f, "--lecture");
      assert.equal(r.stderr, "");
      assert.match(r.stdout, /Corrections {4}1 ligne et 1 cellule lues selon le fichier de corrections/);
      assert.match(r.stdout, /ligne 4 · A4 « Lunettes d'enfant » → optique\.equipement\.a « [^»]+ » \(corrigé\)$/m);
      assert.match(
        r.stdout,
        /Niveau 1 · B5 : « 3 × 25 € » \(corrigée en « 25 € \/ séance \(max 3 séances \/ an\) »\) → 25 € \/ séance \(max 3 séances \/ an\)/,
      );
      assert.match(r.stdout, /corrections appliquées : 1 ligne, 1 cellule/);
    });
  }

  it("a corrections file that cannot be used stops the command (exit 2) with a French message naming it", async () => {
    const absent = await v("--corrections", "absent.json");
    assert.equal(absent.code, 2);
    assert.equal(absent.stdout, "");
    assert.match(absent.stderr, /corrections « absent\.json » : fichier introuvable/);
    const faux = await v("--corrections", "faux.json");
    assert.equal(faux.code, 2);
    assert.match(faux.stderr, /corrections « faux\.json » : .*optique\.inexistant/);
  });
});
