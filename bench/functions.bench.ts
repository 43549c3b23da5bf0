/**
 * Benchmarks of the Excel adapters (issue 3 targets): scalar REMB.SOINS through the adapter (≥ 500 000 calls/s),
 * one REMB.SOINS call over 100 000 rows (≤ 150 ms), and what a user waits for when a workbook opens: the bundle's
 * gzip size (what the network carries) and the time to load it and register every function, then the first call.
 *
 * The calls go to the shipped code: the production bundle dist/functions.js, loaded the way Excel's runtime
 * loads it (a plain script calling CustomFunctions.associate), and called as Excel calls it (every argument a
 * matrix, [[v]] for one cell, omitted arguments null, the invocation object last). Measuring the TypeScript
 * sources through tsx would mostly measure tsx's CommonJS export getters, which the bundle does not have.
 * When dist/ is missing or older than the sources (src/, scripts/, webpack.config.js), a production bundle is built into a temporary folder first
 * (a few seconds, synchronous so that benchFunctions() stays synchronous).
 *
 * `npm run bench -- fonctions` runs this section alone (bench/run.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import type { Mesure } from "./harnais";

type Fonction = (...args: unknown[]) => unknown[][];

const RACINE = path.resolve(__dirname, "..");
const INVOCATION = { functionName: "SOINS", address: "Feuil1!A1" };
/** 2026-02-10 as an Excel serial: a fixed care date so every run computes the same thing. */
const DATE = [[46063]];
let puits = 0;

function dernierChangement(dossier: string): number {
  let t = 0;
  for (const n of readdirSync(dossier, { withFileTypes: true })) {
    const p = path.join(dossier, n.name);
    t = Math.max(t, n.isDirectory() ? dernierChangement(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** dist/functions.js when it is at least as recent as the sources, else a fresh production build. */
function bundleAJour(): { chemin: string; origine: string } {
  const dist = path.join(RACINE, "dist/functions.js");
  // The build's inputs: the sources and the config.
  const sources = Math.max(
    dernierChangement(path.join(RACINE, "src")),
    dernierChangement(path.join(RACINE, "scripts")),
    statSync(path.join(RACINE, "webpack.config.js")).mtimeMs,
  );
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return { chemin: dist, origine: "dist/" };
  const sortie = mkdtempSync(path.join(os.tmpdir(), "remb-bench-"));
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", sortie], {
    cwd: RACINE,
    stdio: "ignore",
  });
  return { chemin: path.join(sortie, "functions.js"), origine: "build temporaire" };
}

/** A stand-in for Excel's CustomFunctions global, recording what the bundle associates. */
function customFunctions(fonctions: Map<string, Fonction>): object {
  return {
    associate: (id: string, f: Fonction) => fonctions.set(id, f),
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
}

/** Runs the bundle as a plain script with a stand-in CustomFunctions global, as Excel's runtime would. */
function chargerBundle(chemin: string): Map<string, Fonction> {
  const fonctions = new Map<string, Fonction>();
  const g = globalThis as { CustomFunctions?: unknown; self?: unknown };
  const avant = g.CustomFunctions;
  // The bundle registers its lazy chunks (REMB.VERIFIER…) on `self`, the page's global object in Excel's runtime.
  const selfAvant = g.self;
  g.self = globalThis;
  g.CustomFunctions = customFunctions(fonctions);
  try {
    new Function(readFileSync(chemin, "utf8"))();
  } finally {
    if (avant === undefined) delete g.CustomFunctions;
    else g.CustomFunctions = avant;
    if (selfAvant === undefined) delete g.self;
    else g.self = selfAvant;
  }
  return fonctions;
}

/**
 * Load + registration, as a workbook opening feels it: the bundle compiled and run in a fresh vm context (a page of
 * its own: no warm inline caches, no shared state), until every CustomFunctions.associate call is done; then the
 * first REMB.SOINS call on that fresh load (lazy compilation of the calculation path, first parse of a guarantee).
 * Each run appends a distinct comment to the source so V8's in-process compilation cache cannot serve a previous
 * run's compiled script: every run parses and compiles, as the first load in Excel does.
 */
function chargementAFroid(chemin: string, tours = 21): { chargement: number; premierAppel: number; fonctions: number } {
  const source = readFileSync(chemin, "utf8");
  const chargements: number[] = [];
  const premiers: number[] = [];
  let fonctions = 0;
  for (let t = -2; t < tours; t++) {
    const associees = new Map<string, Fonction>();
    const globaux: Record<string, unknown> = { CustomFunctions: customFunctions(associees) };
    const contexte = vm.createContext(globaux);
    globaux.self = vm.runInContext("this", contexte);
    const script = `${source}\n//# chargement ${t}`;
    const debut = performance.now();
    vm.runInContext(script, contexte);
    const charge = performance.now();
    const r = associees.get("SOINS")!([[30]], [[25]], [[0.7]], [["100 % BR"]], null, [["PF"]], DATE, null, INVOCATION);
    const fin = performance.now();
    puits += montant(r);
    fonctions = associees.size;
    if (t < 0) continue; // the first loads warm Node itself (vm, the parser), not the bundle
    chargements.push(charge - debut);
    premiers.push(fin - charge);
  }
  return { chargement: Math.round(mediane(chargements) * 100) / 100, premierAppel: Math.round(mediane(premiers) * 100) / 100, fonctions };
}

function mediane(xs: number[]): number {
  const t = [...xs].sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

function montant(r: unknown[][]): number {
  const v = r[0]![0];
  if (typeof v !== "number") throw new Error(`REMB.SOINS a rendu ${JSON.stringify(v)} au lieu d'un montant`);
  return v;
}

/** The guarantee as a grid writes it, or a number (1 = 100 % BR) if this build cannot read guarantee text. */
function garantieBench(soins: Fonction): { valeur: unknown; libelle: string } {
  const essai = soins([[30]], [[30]], [[0.7]], [["100 % BR"]], null, [["PF"]], DATE, null, INVOCATION);
  return typeof essai[0]?.[0] === "number" ? { valeur: "100 % BR", libelle: "« 100 % BR »" } : { valeur: 1, libelle: "1 (= 100 % BR)" };
}

/** Scalar calls per second, varied amounts so no result is a constant the JIT could fold. */
function debitScalaire(soins: Fonction, garantie: unknown): number {
  const frais = Array.from({ length: 1024 }, (_, i) => [[25 + (i % 300) / 4]]);
  const base = [[25]];
  const taux = [[0.7]];
  const g = [[garantie]];
  const pf = [["PF"]];
  const appel = (i: number) => montant(soins(frais[i & 1023]!, base, taux, g, null, pf, DATE, null, INVOCATION));
  for (let i = 0; i < 200_000; i++) puits += appel(i);
  const tours: number[] = [];
  for (let t = 0; t < 5; t++) {
    let n = 0;
    const debut = performance.now();
    let fin = debut;
    while (fin - debut < 400) {
      for (let k = 0; k < 10_000; k++) puits += appel(n + k);
      n += 10_000;
      fin = performance.now();
    }
    tours.push((n * 1000) / (fin - debut));
  }
  return Math.round(mediane(tours));
}

/** Milliseconds for one call over a 100 000-row claims table (frais and base columns, the rest shared). */
function dureePlage(soins: Fonction, garantie: unknown, lignes = 100_000): number {
  const frais = Array.from({ length: lignes }, (_, i) => [25 + (i % 400) / 4]);
  const base = Array.from({ length: lignes }, (_, i) => [i % 3 === 0 ? 23 : 30]);
  const appel = () => soins(frais, base, [[0.7]], [[garantie]], null, [["PF"]], DATE, null, INVOCATION);
  const r = appel();
  if (r.length !== lignes || typeof r[lignes - 1]![0] !== "number") throw new Error("REMB.SOINS sur plage : résultat inattendu");
  const temps: number[] = [];
  for (let t = 0; t < 7; t++) {
    const debut = performance.now();
    puits += appel().length;
    temps.push(performance.now() - debut);
  }
  return Math.round(mediane(temps) * 10) / 10;
}

export function benchFunctions(): Mesure[] {
  const { chemin, origine } = bundleAJour();
  const soins = chargerBundle(chemin).get("SOINS");
  if (!soins) throw new Error(`${chemin} n'associe pas REMB.SOINS`);
  const g = garantieBench(soins);
  const octets = readFileSync(chemin);
  const froid = chargementAFroid(chemin);
  const mesures: Mesure[] = [
    { nom: `functions.js : chargement et enregistrement des ${froid.fonctions} fonctions (vm neuve, médiane)`, valeur: froid.chargement, unite: "ms" },
    { nom: "functions.js : premier appel REMB.SOINS après chargement (médiane)", valeur: froid.premierAppel, unite: "ms" },
    { nom: `REMB.SOINS scalaire via l'adaptateur (bundle ${origine}, garantie ${g.libelle})`, valeur: debitScalaire(soins, g.valeur), unite: "appels/s" },
    { nom: `REMB.SOINS, un appel sur 100 000 lignes (bundle ${origine}, garantie ${g.libelle})`, valeur: dureePlage(soins, g.valeur), unite: "ms" },
    { nom: "functions.js minifié", valeur: Math.round((octets.length / 1024) * 10) / 10, unite: "Kio" },
    { nom: "functions.js gzip", valeur: Math.round((gzipSync(octets, { level: 9 }).length / 1024) * 10) / 10, unite: "Kio" },
  ];
  if (puits === Number.MIN_VALUE) console.log("");
  return mesures;
}
