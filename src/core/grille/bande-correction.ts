import { typeVerre, type TypeVerre } from "../calculators/verres";
import { replier } from "../texte/plier";

/**
 * The lens type (R871-2 3°: simple, complexe, très complexe) of a correction band as branch agreements print their
 * per-lens optical grids: « Sphère de − 6 à + 6 », « SPH < à − 6 ou > à + 6 », « Cylindre ≤ + 4, sphère de − 6 à 0 »,
 * « sphère > 0 et sphère + cylindre <= + 6 », under a heading that says unifocal or progressive, spherical or with a
 * cylinder. The band's conditions are read, every prescription of a quarter-dioptre grid that meets them is classified
 * with the legal definitions (calculators/verres.ts), and the band has a type when they all agree.
 */
export interface TypeDeBande {
  /** The one type of every prescription in the band, or undefined when they differ (the band straddles two types). */
  readonly type?: TypeVerre;
  /** Every type the band's prescriptions have. */
  readonly types: readonly TypeVerre[];
}

type Sujet = "sph" | "cyl" | "somme";
type Condition = (p: { sph: number; cyl: number; somme: number }) => boolean;

const NOMBRE = "([+-]?\\d+(?:\\.\\d+)?)";

/**
 * `bande`: the printed band; `contexte`: the line's other label words and sub-headings (unifocal or progressive,
 * spherical or sphero-cylindrical). Undefined when the band or the kind of lens cannot be read.
 */
export function typeDeBande(bande: string, contexte: string, regime: "2020" | "2015" = "2020"): TypeDeBande | undefined {
  const ctx = normaliser(`${contexte} ${bande}`);
  const progressif = /multifoc|progressi/.test(ctx) ? true : /unifoc|simple foyer|monofoc/.test(ctx) ? false : undefined;
  if (progressif === undefined) return undefined;
  const conditions = lireConditions(normaliser(bande));
  if (conditions === undefined || conditions.length === 0) return undefined;
  const avecCylindre = /avec cyl\b|spheros?[ -]?cylindri|\bcylindriques?\b/.test(ctx);
  const sansCylindre = !avecCylindre && /sans cyl\b|\bspheriques?\b/.test(ctx) && !/\bcyl\b|\bsomme\b/.test(normaliser(bande));
  const types = new Set<TypeVerre>();
  for (let s = -20; s <= 20; s += 0.25) {
    for (let c = 0; c <= 8; c += 0.25) {
      if (sansCylindre && c > 0) break;
      if (avecCylindre && !sansCylindre && c === 0) continue;
      const p = { sph: s, cyl: c, somme: s + c };
      if (conditions.every((f) => f(p))) types.add(typeVerre(s, c, progressif, regime));
    }
  }
  if (types.size === 0) return undefined;
  const liste = [...types];
  return liste.length === 1 ? { type: liste[0]!, types: liste } : { types: liste };
}

function normaliser(t: string): string {
  return replier(t)
    .replace(/(\d),(\d)/g, "$1.$2")
    .replace(/<=|≤|inferieure? ou egale? a/g, " LE ")
    .replace(/>=|≥|superieure? ou egale? a/g, " GE ")
    .replace(/<|inferieure? a/g, " LT ")
    .replace(/>|superieure? a/g, " GT ")
    .replace(/([+-])\s+(\d)/g, "$1$2")
    .replace(/\(\s*(sph(?:ere)?)\s*\+\s*(cyl(?:indre)?)\s*\)/g, " somme ")
    .replace(/\bsph(?:ere)?\s*\+\s*cyl(?:indre)?\b/g, " somme ")
    .replace(/\bs\b(?=\s*(?:LE|GE|LT|GT))/g, " somme ")
    .replace(/\bsphere\b/g, " sph ")
    .replace(/\bcylindre\b/g, " cyl ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The band's conditions, each on the sphere, the cylinder or their sum; undefined when a piece is not understood. */
function lireConditions(t: string): Condition[] | undefined {
  const r: Condition[] = [];
  let sujet: Sujet | undefined;
  // Split on « et », « , », « ; »: each part is one condition; a part without a subject keeps the previous one.
  for (const partie of t.split(/\bet\b|[,;]/)) {
    const p = partie.trim();
    if (p === "") continue;
    const m = /\b(sph|cyl|somme)\b/.exec(p);
    if (m) sujet = m[1] as Sujet;
    if (sujet === undefined) continue;
    const reste = m ? p.slice(m.index + m[0].length) : p;
    const c = condition(sujet, reste);
    if (c === undefined) {
      if (/\d/.test(reste)) return undefined;
      continue;
    }
    r.push(c);
  }
  return r;
}

function condition(sujet: Sujet, t: string): Condition | undefined {
  const v = (p: { sph: number; cyl: number; somme: number }) => p[sujet];
  let m = new RegExp(`(?:comprise? )?(?:de|entre) (?:a )?${NOMBRE} (?:a|et) (?:a )?${NOMBRE}`).exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])].sort((x, y) => x - y) as [number, number];
    return (p) => v(p) >= a && v(p) <= b;
  }
  m = new RegExp(`LT (?:a )?${NOMBRE} ou GT (?:a )?${NOMBRE}`).exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return (p) => v(p) < a || v(p) > b;
  }
  m = new RegExp(`hors zone (?:de )?${NOMBRE} (?:a|et) ${NOMBRE}`).exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])].sort((x, y) => x - y) as [number, number];
    return (p) => v(p) < a || v(p) > b;
  }
  m = new RegExp(`(LE|GE|LT|GT) (?:a )?${NOMBRE}`).exec(t);
  if (m) {
    const x = Number(m[2]);
    switch (m[1]) {
      case "LE":
        return (p) => v(p) <= x;
      case "GE":
        return (p) => v(p) >= x;
      case "LT":
        return (p) => v(p) < x;
      default:
        return (p) => v(p) > x;
    }
  }
  return undefined;
}
