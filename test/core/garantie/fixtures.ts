import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jourDepuisIso } from "../../../src/core/dates";
import { centsDepuisEuros } from "../../../src/core/money";
import type { ContexteGarantie } from "../../../src/core/garantie";

/** Shared loading of test/fixtures/garantie/*.json: euros as decimal text → cents, ISO dates → Jour. */

export interface EvaluationFixture {
  date: string;
  br: string;
  fr: string;
  roBrut: string;
  plv?: string;
  hlf?: string;
  plafondLegal?: string;
  unites?: number;
  /** The frame's share of fr on an optical equipment. */
  fraisMonture?: string;
  attendu?: string;
  erreur?: string;
  source: string;
}

export interface CasAccepte {
  nom: string;
  texte: string;
  canonique: string;
  evaluations: EvaluationFixture[];
}

export interface CasRejete {
  nom: string;
  texte: string;
  message: string;
  position: number;
}

export function charger<T>(fichier: string): { description: string; cas: T[] } {
  const chemin = join(__dirname, "..", "..", "fixtures", "garantie", fichier);
  const doc = JSON.parse(readFileSync(chemin, "utf8")) as { description: string; cas: T[] };
  assert.ok(Array.isArray(doc.cas) && doc.cas.length > 0, `${fichier} : aucun cas`);
  return doc;
}

export function contexte(e: EvaluationFixture): ContexteGarantie {
  const euros = (s: string | undefined) => (s === undefined ? undefined : centsDepuisEuros(s));
  const ctx: { -readonly [K in keyof ContexteGarantie]: ContexteGarantie[K] } = {
    date: jourDepuisIso(e.date),
    br: centsDepuisEuros(e.br),
    fr: centsDepuisEuros(e.fr),
    roBrut: centsDepuisEuros(e.roBrut),
  };
  if (e.plv !== undefined) ctx.plv = euros(e.plv)!;
  if (e.hlf !== undefined) ctx.hlf = euros(e.hlf)!;
  if (e.plafondLegal !== undefined) ctx.plafondLegal = euros(e.plafondLegal)!;
  if (e.unites !== undefined) ctx.unites = e.unites;
  if (e.fraisMonture !== undefined) ctx.fraisMonture = euros(e.fraisMonture)!;
  return ctx;
}
