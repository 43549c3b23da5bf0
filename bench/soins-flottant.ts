/**
 * The baseline of the soins benchmark: docs/modele-de-calcul.md §2 formula in plain binary floats, as a spreadsheet user would
 * write it, over the same lines and the same guarantees as calculerSoins (bench/soins-entrees.ts). It does the
 * same arithmetic work (base = min(BR, FR), RO brut, retenue capped at RO brut, RO net, G from the guarantee's
 * terms each rounded to the cent, RC, RAC) and nothing more: no input check, no exactness care, no result object.
 *
 * It is NOT exact: 0.015 × 4005 or 1.5 × 10.01 € land on a binary value just below the half cent and round to the
 * wrong cent (docs/modele-de-calcul.md §4). It only tells how fast the same formula is when exactness is not REMB's business.
 */
import type { Garantie } from "../src/core/garantie";
import { tauxEnNombre } from "../src/core/money";

/**
 * A guarantee of the bench mix as a spreadsheet formula would hold it: G = round2(parBr × BR) + round2(parFr × FR)
 * + euros. « 300 % BR + 50 € » is { parBr: 3, parFr: 0, euros: 50 }; « Frais réels » is { parBr: 0, parFr: 1 }.
 */
export interface GarantieFlottante {
  readonly parBr: number;
  readonly parFr: number;
  readonly euros: number;
}

/**
 * The float coefficients of a parsed guarantee. Only what the bench mix uses (% BR, % FR, euros, Sécu incluse, no
 * limit, one term per base) is translated; anything else is refused, so the baseline never silently computes a
 * different guarantee than calculerSoins.
 */
export function garantieFlottante(g: Garantie): GarantieFlottante {
  if (g.type !== "formule" || g.convention !== "RO_INCLUS" || g.limite !== undefined || g.nombreMax !== undefined) {
    throw new Error("garantieFlottante : garantie hors du périmètre du bench");
  }
  let parBr: number | undefined;
  let parFr: number | undefined;
  let euros: number | undefined;
  for (const { terme } of g.termes) {
    if (terme.type === "pourcentage" && terme.base === "BR" && parBr === undefined) parBr = tauxEnNombre(terme.taux);
    else if (terme.type === "pourcentage" && terme.base === "FR" && parFr === undefined) parFr = tauxEnNombre(terme.taux);
    else if (terme.type === "montant" && euros === undefined) euros = terme.cents / 100;
    else throw new Error("garantieFlottante : terme hors du périmètre du bench");
  }
  return { parBr: parBr ?? 0, parFr: parFr ?? 0, euros: euros ?? 0 };
}

/** Every amount of the line, in euros; written into an object the caller reuses, so no allocation per line. */
export interface ResultatFlottant {
  roBrut: number;
  retenue: number;
  roNet: number;
  garantie: number;
  rc: number;
  rac: number;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** docs/modele-de-calcul.md §2 for one line, in floats; returns the RC and fills `r` with every amount. */
export function soinsFlottant(fr: number, br: number, tauxRo: number, g: GarantieFlottante, retenue: number, r: ResultatFlottant): number {
  const base = Math.min(br, fr);
  const roBrut = round2(base * tauxRo);
  const ret = Math.min(retenue, roBrut);
  const roNet = roBrut - ret;
  const garantie = round2(g.parBr * base) + round2(g.parFr * fr) + g.euros;
  const rc = Math.max(0, Math.min(garantie, fr) - roBrut);
  r.roBrut = roBrut;
  r.retenue = ret;
  r.roNet = roNet;
  r.garantie = garantie;
  r.rc = rc;
  r.rac = fr - roNet - rc;
  return rc;
}
