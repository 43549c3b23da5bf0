import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jourDepuisIso } from "../../src/core/dates";
import { grilleDepuisCsv } from "../../src/core/grille";
import { comparer, profilParCode, scenariosAuJour } from "../../src/core/comparaison";
import { NOMS_FEUILLES, plansComparaison } from "../../src/taskpane/comparaison";
import { ecrireFeuilles, nomsDesFeuilles } from "../../src/taskpane/excel-io";
import { ClasseurFaux } from "../../src/taskpane/faux-classeur";

/** The pane's comparison sheets in the fake workbook: new sheets only, names made unique, formulas, 3 round trips. */
const RACINE = join(__dirname, "../..");
const lire = (f: string) => grilleDepuisCsv(readFileSync(join(RACINE, f)));

describe("volet : écrire la comparaison (classeur factice)", () => {
  const date = jourDepuisIso("2026-06-01");
  const horizon = lire("assets/grilles/conforme.csv");
  const reseau = lire("assets/grilles/reseau.csv");
  const options = lire("assets/grilles/base-options.csv");
  // 8 contracts × 26 scenarios, the benchmark case.
  const contrats = [
    ...horizon.niveaux.map((n) => ({ grille: horizon, niveau: n.nom })),
    ...reseau.niveaux.map((n) => ({ grille: reseau, niveau: n.nom })),
    { grille: options, niveau: options.niveaux[0]!.nom },
  ];
  const c = comparer(contrats, { date, scenarios: scenariosAuJour(date), profil: profilParCode("famille").nombres });

  it("8 contrats × 26 scénarios en 3 allers-retours, sur de nouvelles feuilles (suffixe si le nom est pris)", async () => {
    const classeur = new ClasseurFaux();
    const existante = classeur.ajouterFeuille("Comparaison");
    existante.poserValeurs(0, 0, [["ne pas toucher"]]);
    const h = classeur.hote();
    const avant = classeur.syncs;
    const noms = await nomsDesFeuilles(h);
    const plans = plansComparaison(c, { ...NOMS_FEUILLES, comparaison: "Comparaison (2)" }, "client adulte");
    const r = await ecrireFeuilles(h, plans, () => {}, noms);
    assert.equal(classeur.syncs - avant, 3);
    assert.deepEqual(r.noms, ["Comparaison (2)", "Scénarios", "Copie client", "Simulation prix"]);
    assert.equal(existante.lire(0, 0)!.v, "ne pas toucher");
    const f = classeur.feuille("Comparaison (2)")!;
    // S1 on row 13, first contract: the RAC column (H) is a live formula on the scenario sheet, the guarantee and the date.
    assert.equal(f.lire(12, 7)!.f, `=REMB.SOINS('Scénarios'!$E$8,'Scénarios'!$G$8,'Scénarios'!$H$8,$D13,'Scénarios'!$I$8,'Scénarios'!$J$8,$B$2,"RAC")`);
    assert.equal(f.lire(12, 3)!.v, "100 % BR");
    assert.equal(f.echelles.length, 8);
    assert.deepEqual(f.echelles[0]!.zone, { ligne: 6, colonne: 7, lignes: 26, colonnes: 1 });
    assert.equal(f.lignesFigees, 6);
    assert.deepEqual(
      f.graphiques.map((g) => [g.type, g.titre, g.donnees.colonnes]),
      [
        ["ColumnClustered", "Reste à charge par scénario", 9],
        ["ColumnStacked", "Qui paie quoi : RO, RC et reste à charge (un acte de chaque scénario)", 4],
      ],
    );
    assert.equal(f.miseEnPage.orientation, "Landscape");
    const copie = classeur.feuille("Copie client")!;
    assert.equal(copie.lire(12, 7)!.f, undefined);
    assert.equal(copie.lire(12, 7)!.v, 2);
  });

  it("without colour scales before ExcelApi 1.6: written, and named as left out", async () => {
    const classeur = new ClasseurFaux({ niveauApi: "1.5" });
    const h = classeur.hote();
    const noms = await nomsDesFeuilles(h);
    const r = await ecrireFeuilles(h, plansComparaison(c, NOMS_FEUILLES, ""), () => {}, noms);
    assert.ok(r.omis.includes("échelles de couleurs (ExcelApi 1.6)"), r.omis.join(" | "));
    assert.equal(classeur.feuille("Comparaison")!.echelles.length, 0);
  });
});
