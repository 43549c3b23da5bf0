import type { Jour } from "../dates";
import { appliquerTaux, type Cents, type Taux } from "../money";
import { euros } from "../calculators/etapes";
import type { ContexteGarantie } from "../garantie";
import { parametres } from "../params";
import type { Poste } from "../postes";
import type { Couverture } from "./couverture";

/**
 * A grid cell is a formula of the bill (BR, FR, PLV…), not a number: « 150 % BR » is compliant for every act,
 * « 50 € » only for acts whose BR is below 50 €. The validator therefore evaluates a cover on a set of points
 * and reads the outcome as docs/verification.md says (« Méthode »): the rule fails on every point → erreur; on some points only →
 * the grid cannot be judged without knowing the act (alerte, « cannot decide »); on none → compliant.
 *
 * The points are sample bills, not legal values: BRs from 1 € to 10 000 € (every tariff of a care line lies
 * there), and FR « unlimited » to read the most a cell can pay. Legal values (PLV, HLF, BR of devices, caps) come
 * from the dated parameters.
 */
export const BRS_ECHANTILLON: readonly Cents[] = [100, 500, 1000, 2300, 3000, 5000, 10000, 20000, 50000, 100000, 300000, 1000000];

/** 10 million euros: above any legal cap, so a cell's evaluation at this FR is the most it can pay. */
export const FR_ILLIMITE: Cents = 1_000_000_000;

export interface Point {
  readonly ctx: ContexteGarantie;
  /** What the point stands for, in French, when it is a real act or case (« couronne métallique », « moins de 20 ans »). */
  readonly cas?: string;
}

export function point(date: Jour, br: Cents, taux: Taux, fr: Cents, extra: Partial<ContexteGarantie> = {}, cas?: string): Point {
  const ctx: ContexteGarantie = { date, br, fr, roBrut: appliquerTaux(br, taux), ...extra };
  return cas === undefined ? { ctx } : { ctx, cas };
}

/** The AMO rate of the poste's care on the date (its dated parameter); null when the poste has none. */
export function tauxRo(p: Poste, date: Jour): Taux | null {
  if (p.tauxRo === undefined) return null;
  return parametres.taux(p.tauxRo, date);
}

export interface Echec {
  readonly point: Point;
  readonly montant: Cents;
}

export interface Bilan {
  readonly echecs: readonly Echec[];
  /** Points where the cell gives no amount (« Inclus », a % of an unknown PLV…), with the reason. */
  readonly indecidables: readonly { readonly point: Point; readonly raison: string }[];
  readonly total: number;
}

/** Evaluates the cover on every point and keeps those where `respecte` is false. */
export function bilan(c: Couverture, points: readonly Point[], respecte: (montant: Cents, p: Point) => boolean): Bilan {
  const echecs: Echec[] = [];
  const indecidables: { point: Point; raison: string }[] = [];
  for (const p of points) {
    const e = c.montant(p.ctx);
    if (!e.ok) indecidables.push({ point: p, raison: e.raison });
    else if (!respecte(e.montant, p)) echecs.push({ point: p, montant: e.montant });
  }
  return { echecs, indecidables, total: points.length };
}

/** Every point fails: the cell breaks the rule whatever the act. */
export function toujours(b: Bilan): boolean {
  return b.echecs.length > 0 && b.echecs.length + b.indecidables.length === b.total;
}

/**
 * The cover as a multiple of the BR when it is one (« 150 % BR », « Frais réels » capped at 300 % BR…), read at
 * two BRs with FR unlimited; undefined for forfaits and mixed cells. Used to state findings in the grid's own terms.
 */
export function pourcentageBr(c: Couverture, date: Jour, taux: Taux): number | undefined {
  const a = c.montant(point(date, 10000, taux, FR_ILLIMITE).ctx);
  const b = c.montant(point(date, 100000, taux, FR_ILLIMITE).ctx);
  if (!a.ok || !b.ok || a.montant * 10 !== b.montant) return undefined;
  return a.montant / 100;
}

const NBSP = "\u00a0";

/** « 130 % » (French decimals). */
export function pct(x: number): string {
  return `${String(Math.round(x * 100) / 100).replace(".", ",")}${NBSP}%`;
}

/** « 1 234,56 € »: the calculators' DETAIL formatting. */
export { euros } from "../calculators/etapes";

/** « la grille prévoit « 50 € » » with its amount at the failing point: the auditor sees the figures. */
export function montantAuPoint(e: Echec): string {
  const br = e.point.ctx.br;
  return `${euros(e.montant)}${e.point.cas ? ` (${e.point.cas})` : br > 0 ? ` pour une BR de ${euros(br)}` : ""}`;
}
