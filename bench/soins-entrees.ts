/**
 * The claim lines of the soins benchmark, shared by the bench (bench/calculateurs.bench.ts) and by the test that
 * checks the float baseline against calculerSoins on exactly these lines (test/bench/soins-flottant.test.ts).
 * Each line exists twice: as calculerSoins receives it (cents, exact rates, parsed guarantee) and as the float
 * baseline receives it (euros, binary-float rates, the same guarantee as float coefficients).
 */
import { aleatoire } from "./harnais";
import { garantieFlottante, type GarantieFlottante } from "./soins-flottant";
import { jourDepuisIso } from "../src/core/dates";
import { tauxDepuisNombre, tauxEnNombre, type Taux } from "../src/core/money";
import { parseGarantie, type Garantie } from "../src/core/garantie";
import type { EntreeSoins } from "../src/core/calculators/soins";

/** Lines the bench cycles through (a power of two: the bench indexes them with i & (N − 1)). */
export const LIGNES_BENCH = 1024;

/** The guarantee mix of the bench, as grids write it. */
export const GARANTIES_BENCH = ["100 % BR", "150 % BR", "200 % BR", "300 % BR + 50 €", "Frais réels"] as const;
/** The retenue of every line: a 2 € participation forfaitaire given as an amount. */
export const RETENUE_BENCH = 200;

export interface LigneFlottante {
  readonly fr: number;
  readonly br: number;
  readonly tauxRo: number;
  readonly garantie: GarantieFlottante;
  readonly retenue: number;
}

export interface LignesSoins {
  readonly exactes: EntreeSoins[];
  readonly flottantes: LigneFlottante[];
  /** The guarantee text of each line, for messages. */
  readonly textes: string[];
}

/** `n` pseudo-random lines (seeded: every run measures the same lines): BR 10–210 €, FR = BR + 0–100 €. */
export function lignesSoins(n: number): LignesSoins {
  const r = aleatoire(42);
  const date = jourDepuisIso("2026-02-10");
  const taux: Taux[] = [0.7, 0.6, 0.8, 0.65].map((t) => tauxDepuisNombre(t));
  const garanties: Garantie[] = GARANTIES_BENCH.map(parseGarantie);
  const flottantes = garanties.map(garantieFlottante);
  const exactes: EntreeSoins[] = [];
  const lignesFlottantes: LigneFlottante[] = [];
  const textes: string[] = [];
  for (let i = 0; i < n; i++) {
    const br = 1000 + Math.floor(r() * 20000);
    const fr = br + Math.floor(r() * 10000);
    const t = taux[Math.floor(r() * taux.length)]!;
    const k = Math.floor(r() * garanties.length);
    r(); // a draw the old fixed-rate baseline used: kept so the lines stay those measured by earlier runs
    exactes.push({ date, fr, br, tauxRo: t, garantie: garanties[k]!, retenue: RETENUE_BENCH });
    lignesFlottantes.push({ fr: fr / 100, br: br / 100, tauxRo: tauxEnNombre(t), garantie: flottantes[k]!, retenue: RETENUE_BENCH / 100 });
    textes.push(GARANTIES_BENCH[k]!);
  }
  return { exactes, flottantes: lignesFlottantes, textes };
}
