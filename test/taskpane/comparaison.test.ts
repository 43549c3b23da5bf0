import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jourDepuisIso } from "../../src/core/dates";
import { grilleDepuisCsv } from "../../src/core/grille";
import { comparer, profilParCode, scenariosAuJour } from "../../src/core/comparaison";
import { NOMS_FEUILLES, plansComparaison } from "../../src/taskpane/comparaison";
import { planComparaison, type FeuillePlan } from "../../src/core/comparaison";
import * as fonctions from "../../src/functions/functions";
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
    // S1 to S8 (rows 13 to 20), first contract: one spilled REMB.SOINS over the scenario sheet's rows, the guarantees
    // and the date in the RAC column (H); the cells below are left empty for the spill.
    assert.equal(
      f.lire(12, 7)!.f,
      `=REMB.SOINS('Scénarios'!$E$8:$E$15,'Scénarios'!$G$8:$G$15,'Scénarios'!$H$8:$H$15,$D13:$D20,'Scénarios'!$I$8:$I$15,'Scénarios'!$J$8:$J$15,$B$2,"RAC")`,
    );
    assert.equal(f.lire(13, 7)?.f, undefined);
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

  it("one spilled, broadcast formula per contract and calculator run, giving the core's figures cell by cell", () => {
    const noms = NOMS_FEUILLES;
    const coeur = planComparaison(c, { noms });
    const [comparaison, , , simulation] = plansComparaison(c, noms, "");
    const feuilles: Record<string, FeuillePlan> = {
      [noms.scenarios]: coeur.scenarios,
      [noms.comparaison]: coeur.comparaison,
      [noms.simulation]: coeur.simulation,
    };
    const plage = (courante: FeuillePlan, ref: string): unknown[][] => {
      const m = /^(?:'((?:[^']|'')+)'!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref)!;
      const f = m[1] ? feuilles[m[1]]! : courante;
      const col = [...m[2]!].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const de = Number(m[3]) - 1;
      const a = m[5] ? Number(m[5]) - 1 : de;
      return Array.from({ length: a - de + 1 }, (_, k) => [f.cellules[de + k]?.[col]?.valeur ?? null]);
    };
    let appels = 0;
    let cellules = 0;
    for (const [pane, core] of [
      [comparaison!, coeur.comparaison],
      [simulation!, coeur.simulation],
    ] as const) {
      pane.lignes.forEach((l, r) =>
        l.forEach((v, k) => {
          if (typeof v !== "object" || !v.formule.startsWith("=REMB.")) return;
          const m = /^=REMB\.([A-Z]+)\((.*)\)$/.exec(v.formule)!;
          const args = m[2]!
            .split(",")
            .map((a) => (a === "" ? null : a.startsWith('"') ? [[a.slice(1, -1)]] : /^\d+$/.test(a) ? [[Number(a)]] : plage(core, a)));
          const fn = (fonctions as unknown as Record<string, (...a: unknown[]) => unknown[][]>)[m[1]!.toLowerCase()]!;
          const res = fn(...args);
          appels++;
          res.forEach((ligne, i) => {
            const attendu = core.cellules[r + i]![k]!.valeur;
            if (attendu === "#VALUE!") assert.equal(typeof ligne[0], "object");
            else assert.equal(ligne[0], attendu, `${v.formule} ligne ${i}`);
            cellules++;
          });
        }),
      );
    }
    // 25 computed rows × 8 contracts × 3 results + 2 × 10 prices × 8 contracts, in far fewer calls.
    assert.equal(cellules, 25 * 8 * 3 + 2 * 10 * 8);
    assert.ok(appels < 300, `${appels} appels`);
  });
});
