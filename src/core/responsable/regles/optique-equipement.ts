import type { Cents, Taux } from "../../money";
import { plier, type CategorieOptique, type TypeVerre } from "../../postes";
import { formules, type Couverture } from "../couverture";
import { FR_ILLIMITE, point } from "../echantillons";
import { brEquipementB, brMontureB, brVerreB, centsAu, tauxAu } from "../points";
import { typeDeBande } from "../../grille/bande-correction";
import type { TypeVerre as TypeVerreCalcul } from "../../calculators/verres";
import { plafondMonture } from "../limites/plafonds";
import { regimeOptique } from "../limites/regime-responsable";
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
  /** Why the total is not sure (a per-lens amount the grid may mean per pair): findings are then alertes… */
  readonly doute?: string;
  /** …unless the other reading (the amount for both lenses: the lower total) breaks the rule too. */
  readonly montantAutreLecture?: Cents;
}

/** One classe B equipment to check: the cell findings go to, the categories it stands for, its total. */
export interface EquipementAVerifier {
  readonly c: Couverture;
  readonly categories: readonly CategorieOptique[];
  readonly eq: CouvertureEquipement | { readonly raison: string };
  /** Only for this limit (a grid by correction gives a lowest total for the floors, a highest for the caps). */
  readonly borne?: "plancher" | "plafond";
}

/** The two lens types of each category (R871-2 3° a–f, docs/modele-de-calcul.md §9). */
const VERRES_DE: Readonly<Record<CategorieOptique, readonly [TypeVerre, TypeVerre]>> = {
  a: ["simple", "simple"],
  b: ["simple", "complexe"],
  c: ["complexe", "complexe"],
  d: ["simple", "tres-complexe"],
  e: ["complexe", "tres-complexe"],
  f: ["tres-complexe", "tres-complexe"],
};

const NOM_VERRE: Readonly<Record<TypeVerre, string>> = { simple: "simple", complexe: "complexe", "tres-complexe": "très complexe" };

/**
 * Every classe B equipment of the grid, level by level: the lines printed per equipment or for both lenses, and the
 * equipments composed from lines printed per lens (« Verre simple », « Verre complexe »…): for each category whose
 * two lens types the grid prints, two lenses plus the frame line, reported on the line of the more complex lens.
 */
export function equipementsClasseB(v: Verification): readonly EquipementAVerifier[] {
  return v.memo("equipements-classe-b", () => {
    const r: EquipementAVerifier[] = [];
    for (const i of lignesClasseB(v)) {
      const categories = categoriesDe(v, i);
      for (const c of v.couverturesDe(i)) {
        const eq = couvertureEquipement(v, c);
        if (eq !== null) r.push({ c, categories, eq });
      }
    }
    const parType = new Map<TypeVerre, number>();
    for (const i of v.lignes((p) => p.optique?.element === "verre" && p.optique.classe === "B" && p.optique.typeVerre !== undefined)) {
      const t = v.posteDe(i)!.optique!.typeVerre!;
      if (!parType.has(t)) parType.set(t, i);
    }
    r.push(...equipementsParCorrection(v));
    if (parType.size === 0) return r;
    const lpp = tauxAu("ro.taux.lpp", v.date);
    const brVerre = brVerreB(v.date);
    const brEq = brEquipementB(v.date);
    if (lpp === null || brVerre === null || brEq === null) return r;
    const ctxEq = point(v.date, brEq, lpp, FR_ILLIMITE).ctx;
    for (let n = 0; n < v.grille.niveaux.length; n++) {
      for (const cat of CATEGORIES) {
        const [t1, t2] = VERRES_DE[cat];
        const i1 = parType.get(t1);
        const i2 = parType.get(t2);
        if (i1 === undefined || i2 === undefined) continue;
        const c1 = v.couvertures.de(i1, n);
        const c2 = v.couvertures.de(i2, n);
        // Findings go to the more complex lens's cell; an option cell repeating its base is checked on the base.
        if (!c1.lisible || !c2.lisible || c2.herite) continue;
        const m1 = c1.montant(point(v.date, brVerre, lpp, FR_ILLIMITE).ctx);
        const m2 = c2.montant(point(v.date, brVerre, lpp, FR_ILLIMITE).ctx);
        if (!m1.ok || !m2.ok) {
          r.push({ c: c2, categories: [cat], eq: { raison: (!m1.ok ? m1 : (m2 as { raison: string })).raison } });
          continue;
        }
        const monture = montureDuNiveau(v, c2, lpp);
        const verres = t1 === t2 ? `2 verres ${NOM_VERRE[t1]}s` : `1 verre ${NOM_VERRE[t1]} + 1 verre ${NOM_VERRE[t2]}`;
        const douteVerre = [c1, c2].map((c) => douteParVerre(v, c)).find((d) => d !== undefined);
        const douteBr = [c1, c2].map((c) => douteBrAncienne(v, c)).find((d) => d !== undefined);
        // Read « for both lenses », the total is the mean of the two lines plus the frame: a second reading only when
        // the per-lens doubt is the one doubt (with the BR doubt, no total is sure).
        const autre = douteBr === undefined ? { montantAutreLecture: Math.round((m1.montant + m2.montant) / 2) + (monture ?? 0) } : {};
        const doute = douteBr ?? douteVerre;
        r.push({
          c: c2,
          categories: [cat],
          eq: {
            montant: m1.montant + m2.montant + (monture ?? 0),
            br: ctxEq.br,
            roBrut: ctxEq.roBrut,
            composition: monture === null ? `${verres}, pas de ligne monture` : `${verres} + monture`,
            ...(doute !== undefined ? { doute, ...autre } : {}),
          },
        });
      }
    }
    return r;
  });
}

/** The lens type of a line priced by correction band, read from the band at the contract's regime (memoised). */
export function typeDeLaBande(v: Verification, iLigne: number): TypeVerreCalcul | undefined {
  return v.memo(`bande:${iLigne}`, () => {
    const l = v.grille.lignes[iLigne]!;
    const libelle = l.variante !== undefined && l.libelle.endsWith(` — ${l.variante}`) ? l.libelle.slice(0, -` — ${l.variante}`.length) : l.libelle;
    const bande = l.bande ?? libelle;
    const regime = regimeOptique(v.date) === "2015" ? "2015" : "2020";
    return typeDeBande(bande, `${libelle} ${l.intertitre ?? ""}`, regime)?.type;
  });
}

/**
 * Per-lens grids by correction band (« Sphère de − 6 à + 6 : 55 € », « Cylindre > + 4, sphère < − 6 : 120 € »), each
 * variant (Adulte, Enfant) apart: every band's lens type is read (bande-correction.ts); a category's equipment is at
 * least its two cheapest lenses of its types plus the frame (floors: without a frame line, the most a frame may get)
 * and at most its two dearest plus the frame (caps). Findings go to the band line of the more complex lens.
 */
function equipementsParCorrection(v: Verification): EquipementAVerifier[] {
  const lignes = v.lignes((p) => p.optique?.element === "verre" && p.optique.typeVerre === undefined);
  if (lignes.length === 0) return [];
  const lpp = tauxAu("ro.taux.lpp", v.date);
  const brVerre = brVerreB(v.date);
  const brEq = brEquipementB(v.date);
  if (lpp === null || brVerre === null || brEq === null) return [];
  const ctxVerre = point(v.date, brVerre, lpp, FR_ILLIMITE).ctx;
  const ctxEq = point(v.date, brEq, lpp, FR_ILLIMITE).ctx;
  const limiteMonture = plafondMonture(v.date);
  const r: EquipementAVerifier[] = [];
  const variantes = new Set(lignes.map((i) => v.grille.lignes[i]!.variante));
  for (const variante of variantes) {
    const duGroupe = lignes.filter((i) => v.grille.lignes[i]!.variante === variante);
    for (let n = 0; n < v.grille.niveaux.length; n++) {
      const parType = new Map<TypeVerreCalcul, { min: { c: Couverture; m: Cents }; max: { c: Couverture; m: Cents } }>();
      for (const i of duGroupe) {
        const t = typeDeLaBande(v, i);
        const c = v.couvertures.de(i, n);
        if (t === undefined || !c.lisible || c.herite || c.cellule.sansObjet || c.cellule.texte.trim() === "") continue;
        const e = c.montant(ctxVerre);
        if (!e.ok) continue;
        const x = parType.get(t);
        if (!x) parType.set(t, { min: { c, m: e.montant }, max: { c, m: e.montant } });
        else {
          if (e.montant < x.min.m) x.min = { c, m: e.montant };
          if (e.montant > x.max.m) x.max = { c, m: e.montant };
        }
      }
      if (parType.size === 0) continue;
      const monture = montureDeLaVariante(v, n, variante, lpp);
      for (const cat of CATEGORIES) {
        const [a, b] = VERRES_DE_CALCUL[cat];
        const ta = parType.get(a);
        const tb = parType.get(b);
        if (!ta || !tb) continue;
        const verres = a === b ? `2 verres ${NOM_VERRE_CALCUL[a]}s` : `1 verre ${NOM_VERRE_CALCUL[a]} + 1 verre ${NOM_VERRE_CALCUL[b]}`;
        const pour = variante === undefined ? "" : `, ${variante}`;
        // Floors: the cheapest lenses of the two types (two of the same band for a pair of one type).
        const montureMin = monture ?? (limiteMonture.inclutRo ? limiteMonture.montant : limiteMonture.montant + ctxEq.roBrut);
        r.push({
          c: (a === b ? ta.min : tb.min).c,
          categories: [cat],
          borne: "plancher",
          eq: {
            montant: ta.min.m + tb.min.m + montureMin,
            br: ctxEq.br,
            roBrut: ctxEq.roBrut,
            composition: `${verres} les moins remboursés de la grille par correction${pour} + ${monture === null ? "monture au plus (pas de ligne monture)" : "monture"}`,
          },
        });
        r.push({
          c: (a === b ? ta.max : tb.max).c,
          categories: [cat],
          borne: "plafond",
          eq: {
            montant: ta.max.m + tb.max.m + (monture ?? 0),
            br: ctxEq.br,
            roBrut: ctxEq.roBrut,
            composition: `${verres} les mieux remboursés de la grille par correction${pour}${monture === null ? ", pas de ligne monture" : " + monture"}`,
          },
        });
      }
    }
  }
  return r;
}

/** The classe B frame line of the same variant (« Monture — Enfant »), else of the grid, at one level (FR unlimited). */
function montureDeLaVariante(v: Verification, n: number, variante: string | undefined, lpp: Taux): Cents | null {
  const montures = v.lignes((p) => p.optique?.classe === "B" && p.optique.element === "monture");
  const i = montures.find((k) => v.grille.lignes[k]!.variante === variante) ?? montures[0];
  const br = brMontureB(v.date);
  if (i === undefined || br === null) return null;
  const m = v.couvertures.de(i, n);
  if (!m.lisible || m.cellule.sansObjet || m.cellule.texte.trim() === "") return null;
  const e = m.montant(point(v.date, br, lpp, FR_ILLIMITE).ctx);
  return e.ok ? e.montant : null;
}

const VERRES_DE_CALCUL: Readonly<Record<CategorieOptique, readonly [TypeVerreCalcul, TypeVerreCalcul]>> = {
  a: ["simple", "simple"],
  b: ["simple", "complexe"],
  c: ["complexe", "complexe"],
  d: ["simple", "tres_complexe"],
  e: ["complexe", "tres_complexe"],
  f: ["tres_complexe", "tres_complexe"],
};

const NOM_VERRE_CALCUL: Readonly<Record<TypeVerreCalcul, string>> = { simple: "simple", complexe: "complexe", tres_complexe: "très complexe" };

/**
 * A line printed « Verres simples » (plural) with an amount that says neither « par verre » nor « / verre »: per lens,
 * or for the pair? The composed total is then not sure.
 */
function douteParVerre(v: Verification, c: Couverture): string | undefined {
  const l = c.ligne;
  if (/\bverre\b(?!s)/i.test(l.libelle) || /\bpar verre\b/i.test(`${l.libelle} ${l.intertitre ?? ""}`)) return undefined;
  if (formules(c).some((f) => f.termes.some((t) => t.periode?.unite === "verre"))) return undefined;
  const notes = (v.grille.notes ?? []).filter((n) => (l.renvois ?? []).includes(n.marque) || (c.cellule.renvois ?? []).includes(n.marque));
  if (notes.some((n) => /\bpar verre\b/i.test(n.texte))) return undefined;
  return `« ${l.libelle} » ne dit pas si « ${c.cellule.texte} » est un montant par verre ou pour les deux verres (lu par verre).`;
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
  const douteBr = douteBrAncienne(v, c);
  if (p.optique?.element === "equipement" && !parVerre) {
    const e = c.montant(ctx);
    return e.ok ? { montant: e.montant, br: ctx.br, roBrut: ctx.roBrut, ...(douteBr ? { doute: douteBr } : {}) } : { raison: e.raison };
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
  const d = douteBr ? { doute: douteBr } : {};
  if (monture === null) return { montant: verres, br: ctx.br, roBrut: ctx.roBrut, composition: `${composition} seuls (pas de ligne monture)`, ...d };
  return { montant: verres + monture, br: ctx.br, roBrut: ctx.roBrut, composition: `${composition} + monture`, ...d };
}

/**
 * Before 2020 the LPP tariffs of lenses ranged from a few cents to tens of euros by lens and age: a cover written as
 * a share of the BR has no single equipment amount, so a floor or cap missed at the sample tariff is not signed.
 */
function douteBrAncienne(v: Verification, c: Couverture): string | undefined {
  if (centsAu("optique.classe_b.br.verre", v.date) !== null) return undefined;
  const surBr = formules(c).some((f) => f.termes.some((t) => t.terme.type === "pourcentage" && (t.terme.base === "BR" || t.terme.base === "TM")));
  return surBr
    ? `« ${c.cellule.texte} » dépend de la base de remboursement du verre, qui variait avant 2020 selon le verre et l'âge (calcul fait au tarif le plus bas).`
    : undefined;
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
  if (c !== undefined) return [c];
  // A multifocal or progressive lens is never « simple » (R871-2 3°): a line for them stands for c, e and f only.
  if (/\b(multifocau|progressif)/.test(plier(v.grille.lignes[iLigne]!.libelle))) return ["c", "e", "f"];
  return CATEGORIES;
}

export function lignesClasseB(v: Verification): number[] {
  return v.lignes((p) => p.optique?.classe === "B" && (p.optique.element === "equipement" || p.optique.element === "verres"));
}
