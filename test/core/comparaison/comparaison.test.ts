import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { centsDepuisEuros } from "../../../src/core/money";
import { jourDepuisIso } from "../../../src/core/dates";
import { grilleDepuisCsv, grilleDepuisJson, type Grille } from "../../../src/core/grille";
import { parametres } from "../../../src/core/params";
import { estCodePoste } from "../../../src/core/postes";
import { comparer, profilParCode, PROFILS, scenariosAuJour, SCENARIOS } from "../../../src/core/comparaison";

/**
 * The comparison on real sample grids, scenario by scenario, against figures computed by hand from the law and the
 * dated parameters (test/fixtures/comparaison/cas.json: each case says how its figures were obtained).
 */
const RACINE = join(__dirname, "../../..");
interface Cas {
  nom: string;
  date: string;
  grille: string;
  niveau: string;
  scenario: string;
  prix?: Record<string, string>;
  attendu: { fr: string; ro: string; rc: string; rac: string; plafonds?: string[]; absente?: boolean };
  source: string;
}
const fixture = JSON.parse(readFileSync(join(RACINE, "test/fixtures/comparaison/cas.json"), "utf8")) as {
  grilles: Record<string, { fichier?: string; json?: unknown }>;
  cas: Cas[];
  profils: { nom: string; date: string; grille: string; niveau: string; profil: string; attendu: { racAnnuel: string }; source: string }[];
};

const grilles = new Map<string, Grille>();
function grille(nom: string): Grille {
  let g = grilles.get(nom);
  if (!g) {
    const d = fixture.grilles[nom]!;
    g = d.fichier ? grilleDepuisCsv(readFileSync(join(RACINE, d.fichier))) : grilleDepuisJson(JSON.stringify(d.json));
    grilles.set(nom, g);
  }
  return g;
}
const c = (e: string) => centsDepuisEuros(e);

describe("comparaison: scénarios × niveaux de grilles (calculs à la main)", () => {
  for (const k of fixture.cas) {
    it(`${k.nom} — ${k.source.slice(0, 60)}…`, () => {
      const date = jourDepuisIso(k.date);
      const prix = k.prix ? Object.fromEntries(Object.entries(k.prix).map(([code, e]) => [code, c(e)])) : undefined;
      const scenarios = scenariosAuJour(date, { codes: [k.scenario], ...(prix ? { prix } : {}) });
      const r = comparer([{ grille: grille(k.grille), niveau: k.niveau }], { date, scenarios });
      const x = r.cellules[0]![0]!;
      assert.equal(x.erreur, null);
      assert.deepEqual({ fr: x.fr, ro: x.ro, rc: x.rc, rac: x.rac }, { fr: c(k.attendu.fr), ro: c(k.attendu.ro), rc: c(k.attendu.rc), rac: c(k.attendu.rac) });
      assert.deepEqual(
        x.plafonds.map((p) => p.code),
        k.attendu.plafonds ?? [],
      );
      assert.equal(x.poste === null, k.attendu.absente === true);
    });
  }

  for (const p of fixture.profils) {
    it(`profil : ${p.nom}`, () => {
      const date = jourDepuisIso(p.date);
      const r = comparer([{ grille: grille(p.grille), niveau: p.niveau }], { date, scenarios: scenariosAuJour(date), profil: profilParCode(p.profil).nombres });
      assert.equal(r.metriques[0]!.profil!.rac, c(p.attendu.racAnnuel));
    });
  }

  it("metrics: RAC moyen, remboursement maximal, taux de couverture over the scenarios computed", () => {
    const date = jourDepuisIso("2025-06-01");
    const scenarios = scenariosAuJour(date, { codes: ["S1", "S5", "H6"] });
    const m = comparer([{ grille: grille("horizon"), niveau: "Niveau 1" }], { date, scenarios }).metriques[0]!;
    // RAC 2,00 + 24,50 + 0 = 26,50 → moyenne 8,8333… → 8,83 ; max RO + RC : H6 (3 541,00) ;
    // (RO + RC) / FR = (30 − 2 + 54 − 24,50 + 3 541) / 3 625 = 3 598,50 / 3 625 = 0,99269 → 0,9927.
    assert.deepEqual(
      { rac: m.rac, racMoyen: m.racMoyen, max: m.remboursementMaximal, scenario: m.scenarioMaximal, taux: m.tauxCouverture },
      { rac: 2650, racMoyen: 883, max: 354100, scenario: "H6", taux: "0.9927" },
    );
  });

  it("names the level and the grid's levels when a level is missing", () => {
    const date = jourDepuisIso("2025-06-01");
    assert.throws(
      () => comparer([{ grille: grille("horizon"), niveau: "Niveau 9" }], { date, scenarios: scenariosAuJour(date) }),
      /Niveau « Niveau 9 » absent.*« Niveau 1 »/,
    );
  });

  it("refuses a profile count out of range and an unknown scenario, in French", () => {
    const date = jourDepuisIso("2025-06-01");
    const scenarios = scenariosAuJour(date, { codes: ["S1"] });
    assert.throws(() => comparer([{ grille: grille("horizon"), niveau: "Niveau 1" }], { date, scenarios, profil: { S1: -1 } }), /Nombre d'actes invalide/);
    assert.throws(() => scenariosAuJour(date, { codes: ["Z9"] }), /Scénario inconnu : « Z9 »/);
  });
});

describe("comparaison: les données des scénarios et des profils", () => {
  it("every scenario names known postes, parameters that exist and a source; codes are unique", () => {
    const codes = new Set<string>();
    for (const s of SCENARIOS.scenarios) {
      assert.ok(!codes.has(s.code), s.code);
      codes.add(s.code);
      for (const p of s.postes) assert.ok(estCodePoste(p), `${s.code} : poste inconnu ${p}`);
      for (const m of [s.prix, s.br, s.taux, s.hlf]) if (m && typeof m === "object") assert.ok(parametres.existe(m.parametre), `${s.code} : ${m.parametre}`);
      assert.ok(s.source.length > 20, s.code);
      // A price written in the data is an observed price and says so; a legal amount names its parameter.
      if (typeof s.prix === "string") assert.ok(s.prixObserve === true && /observé/.test(s.source), `${s.code} : prix observé sans le dire`);
    }
  });

  it("never copies a BR or a rate: they name a parameter (or « aucune », « prix »)", () => {
    for (const s of SCENARIOS.scenarios) {
      assert.ok(s.br === undefined || typeof s.br === "object" || s.br === "aucune" || s.br === "prix", s.code);
      assert.ok(s.taux === undefined || typeof s.taux === "object" || s.taux === "sans-ticket-moderateur", s.code);
    }
  });

  it("re-bases with the date: the FJ and the HLF follow the parameters", () => {
    const a = scenariosAuJour(jourDepuisIso("2025-06-01"), { codes: ["H1", "D1"] });
    const b = scenariosAuJour(jourDepuisIso("2026-06-01"), { codes: ["H1", "D1"] });
    assert.deepEqual(
      a.map((s) => s.prix),
      [2000, 50000],
    );
    assert.deepEqual(
      b.map((s) => s.prix),
      [2300, 51500],
    );
  });

  it("a child of the client's age keeps no PF; an adult does", () => {
    const d = jourDepuisIso("2025-06-01");
    assert.equal(scenariosAuJour(d, { codes: ["S1"] })[0]!.pf, true);
    assert.equal(scenariosAuJour(d, { codes: ["S1"], age: 12 })[0]!.pf, false);
    assert.equal(scenariosAuJour(d, { codes: ["S2"] })[0]!.pf, false);
  });

  it("profiles count only known scenarios, with counts from 0 to 1 000", () => {
    const codes = new Set(SCENARIOS.scenarios.map((s) => s.code));
    for (const p of PROFILS) for (const [k, n] of Object.entries(p.nombres)) assert.ok(codes.has(k) && n >= 0 && n <= 1000, `${p.code} ${k}`);
  });
});
