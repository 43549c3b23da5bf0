import type { Cents, Taux } from "../../money";
import type { CategorieOptique } from "../../postes";
import { formules, type Couverture } from "../couverture";
import { FR_ILLIMITE, point } from "../echantillons";
import { brEquipementB, brMontureB, centsAu, tauxAu } from "../points";
import type { Verification } from "../verification";

/**
 * The most a level pays for one classe B equipment (2 lenses + 1 frame, FR unlimited), as R871-2 3° counts it:
 * per equipment, RO included (2020 regime). Grids print it three ways:
 * - one amount per equipment (« Équipement verres simples : 250 € »): the frame is within it, and a separate
 *   « Monture » line is only its sub-limit;
 * - a lenses line (« Verres simples : 150 € ») next to a « Monture » line: equipment = lenses + frame;
 * - an amount per lens (« 75 € / verre »): doubled, plus the frame line.
 */
export interface CouvertureEquipement {
  readonly montant: Cents;
  /** BR of the equipment: a cover above it goes beyond the TM (the condition of the floors). */
  readonly br: Cents;
  /** RO brut of the equipment (for the 2015 regime, whose amounts exclude it). */
  readonly roBrut: Cents;
  /** How the total was made, in French, when not from the line alone. */
  readonly composition?: string;
}

export const CATEGORIES: readonly CategorieOptique[] = ["a", "b", "c", "d", "e", "f"];

export function couvertureEquipement(v: Verification, c: Couverture): CouvertureEquipement | { raison: string } | null {
  // The floor, the cap and D911-1 read the same equipment total: computed once per cell.
  return v.memo(`equipement:${c.iLigne}:${c.iNiveau}`, () => calculer(v, c));
}

function calculer(v: Verification, c: Couverture): CouvertureEquipement | { raison: string } | null {
  const lpp = tauxAu("ro.taux.lpp", v.date);
  const brEq = brEquipementB(v.date);
  if (lpp === null || brEq === null) return null;
  const ctx = point(v.date, brEq, lpp, FR_ILLIMITE).ctx;
  const p = v.posteDe(c.iLigne)!;
  const parVerre = formules(c).some((f) => f.termes.some((t) => t.periode?.unite === "verre"));
  if (p.optique?.element === "equipement" && !parVerre) {
    const e = c.montant(ctx);
    return e.ok ? { montant: e.montant, br: ctx.br, roBrut: ctx.roBrut } : { raison: e.raison };
  }
  let verres: Cents;
  let composition: string;
  if (parVerre) {
    const brVerre = centsAu("optique.classe_b.br.verre", v.date) ?? centsAu("optique.ancien.br.verre.min", v.date);
    if (brVerre === null) return null;
    const e = c.montant(point(v.date, brVerre, lpp, FR_ILLIMITE).ctx);
    if (!e.ok) return { raison: e.raison };
    verres = 2 * e.montant;
    composition = "2 verres";
  } else {
    const e = c.montant(ctx);
    if (!e.ok) return { raison: e.raison };
    verres = e.montant;
    composition = "verres";
  }
  const monture = montureDuNiveau(v, c, lpp);
  if (monture === null) return { montant: verres, br: ctx.br, roBrut: ctx.roBrut, composition: `${composition} seuls (pas de ligne monture)` };
  return { montant: verres + monture, br: ctx.br, roBrut: ctx.roBrut, composition: `${composition} + monture` };
}

/** The classe B frame line's cover at the same level (FR unlimited), or null when the grid has none. */
function montureDuNiveau(v: Verification, c: Couverture, lpp: Taux): Cents | null {
  const i = v.memo("ligne-monture-b", () => v.lignes((p) => p.optique?.classe === "B" && p.optique.element === "monture")[0]);
  const br = brMontureB(v.date);
  if (i === undefined || br === null) return null;
  const m = v.couvertures.de(i, c.iNiveau);
  if (!m.lisible) return null;
  const e = m.montant(point(v.date, br, lpp, FR_ILLIMITE).ctx);
  return e.ok ? e.montant : null;
}

/** Categories a line stands for: its own, or all six for a line printed for every classe B equipment. */
export function categoriesDe(v: Verification, iLigne: number): readonly CategorieOptique[] {
  const c = v.posteDe(iLigne)?.optique?.categorie;
  return c === undefined ? CATEGORIES : [c];
}

export function lignesClasseB(v: Verification): number[] {
  return v.lignes((p) => p.optique?.classe === "B" && (p.optique.element === "equipement" || p.optique.element === "verres"));
}

