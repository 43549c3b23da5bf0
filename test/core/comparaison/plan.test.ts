import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jourDepuisIso } from "../../../src/core/dates";
import { grilleDepuisCsv, grilleDepuisJson } from "../../../src/core/grille";
import { origineDepuis } from "../../../src/core/grille/adresse";
import { comparer, planComparaison, profilParCode, scenariosAuJour, type FeuillePlan, type PlanComparaison } from "../../../src/core/comparaison";
import * as fonctions from "../../../src/functions/functions";

/**
 * The comparison sheet's live formulas, evaluated by the real REMB functions on the plan's own cells, give the
 * cached values the core computed: what a broker sees in Excel is what the CLI prints and writes.
 */
const RACINE = join(__dirname, "../../..");
const lire = (f: string) => grilleDepuisCsv(readFileSync(join(RACINE, f)));

function valeurA(plan: PlanComparaison, feuilleCourante: FeuillePlan, ref: string): unknown {
  const o = origineDepuis(ref.replace(/\$/g, ""));
  const feuille = o.feuille === undefined ? feuilleCourante : [plan.scenarios, plan.comparaison, plan.simulation].find((f) => f.nom === o.feuille)!;
  return feuille.cellules[o.ligne - 1]?.[o.colonne - 1]?.valeur ?? null;
}

/** Splits « =REMB.SOINS(a,b,"RO") » into the function and its arguments (the plan never nests calls). */
function evaluer(plan: PlanComparaison, feuille: FeuillePlan, formule: string): unknown {
  const m = /^=REMB\.([A-Z]+)\((.*)\)$/.exec(formule)!;
  const args = m[2]!.split(",").map((a) => {
    if (a === "") return null;
    if (a.startsWith('"')) return [[a.slice(1, -1)]];
    if (/^-?\d+(\.\d+)?$/.test(a)) return [[Number(a)]];
    return [[valeurA(plan, feuille, a)]];
  });
  const fn = (fonctions as unknown as Record<string, (...a: unknown[]) => unknown[][]>)[m[1]!.toLowerCase()]!;
  return fn(...args)[0]![0];
}

describe("comparaison: plan of the workbook (formulas = cached values)", () => {
  const date = jourDepuisIso("2026-06-01");
  const horizon = lire("assets/grilles/conforme.csv");
  const reseau = lire("assets/grilles/reseau.csv");
  const c = comparer(
    [
      { grille: horizon, niveau: "Niveau 1" },
      { grille: horizon, niveau: "Niveau 3" },
      { grille: reseau, niveau: "Niveau 2 — Réseau Kalixia" },
      { grille: reseau, niveau: "Niveau 2 — Hors réseau" },
    ],
    { date, scenarios: scenariosAuJour(date), profil: profilParCode("famille").nombres },
  );
  const plan = planComparaison(c);

  it("every REMB formula of the comparison sheet gives its cached value with the real functions", () => {
    let n = 0;
    for (const ligne of plan.comparaison.cellules) {
      for (const cel of ligne) {
        if (!cel.formule?.startsWith("=REMB.")) continue;
        const r = evaluer(plan, plan.comparaison, cel.formule);
        if (cel.valeur === "#VALUE!") assert.equal(typeof r, "object", cel.formule);
        else assert.equal(r, cel.valeur, cel.formule);
        n++;
      }
    }
    // 26 scenarios × 4 contracts × RO/RC/RAC, minus the dental 100 % Santé row written as values (no HLF argument).
    assert.equal(n, 25 * 4 * 3);
  });

  it("writes the contract's guarantee, the price cell and the date cell into each call (invariant syntax)", () => {
    const s1 = plan.comparaison.cellules.find((l) => l[0]!.valeur === "S1")!;
    assert.equal(s1[5]!.formule, `=REMB.SOINS('Scénarios'!$E$8,'Scénarios'!$G$8,'Scénarios'!$H$8,$D13,'Scénarios'!$I$8,'Scénarios'!$J$8,$B$2,"RO")`);
    const o3 = plan.comparaison.cellules.find((l) => l[0]!.valeur === "O3")!;
    // Réseau column: the réseau price.
    assert.match(o3[3 + 2 * 5 + 2]!.formule!, /^=REMB\.OPTIQUE\(\$N\d+,0,'Scénarios'!\$F\$\d+,/);
  });

  it("the price simulation: each RAC formula gives its cached value", () => {
    let n = 0;
    for (const ligne of plan.simulation.cellules) {
      for (const cel of ligne) {
        if (!cel.formule?.startsWith("=REMB.")) continue;
        assert.equal(evaluer(plan, plan.simulation, cel.formule), cel.valeur, cel.formule);
        n++;
      }
    }
    assert.equal(n, 2 * 10 * 4);
    // These grids stay within the legal caps: no cap named on any row.
    const lignesPrix = plan.simulation.cellules.filter((l) => typeof l[0]!.valeur === "number");
    assert.equal(lignesPrix.length, 20);
    assert.ok(lignesPrix.every((l) => l[1]!.valeur === ""));
  });

  it("the price simulation names the cap that binds: 1 000 € for progressive glasses is paid at most 700 €", () => {
    const g = grilleDepuisJson(
      JSON.stringify({
        format: "remb-grille",
        version: 1,
        nom: "Essai",
        niveaux: ["Fort"],
        lignes: [{ section: "optique", libelle: "Deux verres complexes", poste: "optique.equipement.c", garanties: ["1 000 €"] }],
      }),
    );
    const d = jourDepuisIso("2026-06-01");
    const p = planComparaison(comparer([{ grille: g, niveau: "Fort" }], { date: d, scenarios: scenariosAuJour(d, { codes: ["O4"] }) }));
    const ligne = (prix: number) => p.simulation.cellules.find((l) => l[0]!.valeur === prix)!;
    // RAC = price − min(price, 700) : 0 at 700 €, 500 at 1 200 € ; RO 0,09 € is part of the 700 € (R871-2 3°).
    assert.equal(ligne(700)[2]!.valeur, 0);
    assert.equal(ligne(1200)[2]!.valeur, 500);
    assert.match(String(ligne(1200)[1]!.valeur), /catégorie.*700 €/);
  });

  it("the charts' data refer to the RAC cells and to the totals, with their values", () => {
    const g = plan.comparaison.graphiques!;
    assert.deepEqual(
      g.map((x) => x.type),
      ["barres", "empilees"],
    );
    const debut = Number(/^A(\d+):/.exec(g[0]!.donnees)![1]);
    const h1 = plan.comparaison.cellules[debut]!;
    assert.equal(h1[0]!.valeur, "H1");
    assert.equal(h1[1]!.formule, "=H7");
    assert.equal(h1[1]!.valeur, plan.comparaison.cellules[6]![7]!.valeur);
    const parts = plan.comparaison.cellules[Number(/^A(\d+):/.exec(g[1]!.donnees)![1])]!;
    assert.deepEqual(
      parts.slice(1, 4).map((x) => x.valeur),
      [c.metriques[0]!.ro / 100, c.metriques[0]!.rc / 100, c.metriques[0]!.rac / 100],
    );
    assert.equal(plan.copie.graphiques, undefined);
  });

  it("the copie client holds values only, the same figures", () => {
    for (const [i, ligne] of plan.copie.cellules.entries()) {
      for (const [k, cel] of ligne.entries()) {
        assert.equal(cel.formule, undefined);
        const orig = plan.comparaison.cellules[i]![k]!;
        if (orig.format === "euros" || orig.format === "taux") assert.equal(cel.valeur, orig.valeur);
      }
    }
  });

  it("metrics are formulas whose cached values are the core's", () => {
    const ligne = (libelle: string) => plan.comparaison.cellules.find((l) => l[1]!.valeur === libelle)!;
    const moyen = ligne("Reste à charge moyen par scénario");
    assert.equal(moyen[3 + 4]!.formule, "=ROUND(AGGREGATE(1,6,H7:H32),2)");
    assert.equal(moyen[3 + 4]!.valeur, c.metriques[0]!.racMoyen / 100);
    const profil = ligne("Reste à charge annuel du profil (nombre par an × RAC)");
    assert.equal(profil[3 + 4]!.valeur, c.metriques[0]!.profil!.rac / 100);
  });
});
