import { argumentInvalide } from "../errors";
import { Dec } from "../money";
import { replier } from "../texte/plier";

/**
 * Lens types and equipment categories of the contrat responsable (R871-2 3° CSS; docs/modele-de-calcul.md §9).
 *
 * Sign convention: the legal text reasons in **positive cylinder** (docs/modele-de-calcul.md §9). A prescription written in
 * minus cylinder is transposed first: sph' = sph + cyl, cyl' = −cyl (the axis turns by 90°, which the
 * classification does not use). Transposing can change the type: unifocal −6.00 (−0.50) is −6.50 (+0.50),
 * a sphero-cylindrical lens with a sphere below −6 → « complexe », not « simple ».
 */
export type TypeVerre = "simple" | "complexe" | "tres_complexe";

/** Equipment category a–f (R871-2 3° a) to f)): the pair of lens types of one equipment (docs/modele-de-calcul.md §9). */
export type CategorieOptique = "a" | "b" | "c" | "d" | "e" | "f";

/** 2020: contracts from 2020-01-01 (décret 2019-21); 2015: contracts 2015-04-01 → 2019-12-31 (décret 2014-1374). */
export type RegimeVerres = "2020" | "2015";

/**
 * The dioptre bounds of the legal definitions, in positive cylinder.
 *
 * ⚠ The text says the sphere is « comprise entre » two values without saying whether the bounds belong to the
 * interval (docs/modele-de-calcul.md §9, §14 point 16). `bornesFermees: true` reads them as closed intervals [min, max]: it is
 * the only reading under which the table is exhaustive, because the complementary conditions of the text are
 * strict (« sphère inférieure à −6,00 », « hors zone de −6,00 à +6,00 »). With open intervals a sphere of
 * exactly −6.00 with a cylinder would fall in no row; `classerVerre` then puts it in the higher type.
 * The other comparisons are explicit in the text (« inférieur ou égal à +4,00 », S « inférieure ou égale »).
 */
export interface BornesVerres {
  readonly bornesFermees: boolean;
  /** Unifocal spherical lenses and the 2015 « a » lenses: sphere within [−6, +6] → simple. */
  readonly unifocalSphere: number;
  /** Cylinder limit (≤ +4.00) for simple unifocal (and complex progressive) sphero-cylindrical lenses. */
  readonly cylindreMax: number;
  /** Unifocal sphero-cylindrical lenses with a positive sphere: S = sph + cyl ≤ 6 → simple. */
  readonly unifocalSommeMax: number;
  /** Progressive spherical lenses: sphere within [−4, +4] → complex, outside → very complex. */
  readonly progressifSphere: number;
  /** Progressive sphero-cylindrical lenses: sphere within [−8, 0] (2020) or [−8, +8] (2015) → complex. */
  readonly progressifSphereCylindre: number;
  /** Progressive sphero-cylindrical lenses with a positive sphere: S ≤ 8 → complex (2020). */
  readonly progressifSommeMax: number;
}

export const BORNES_VERRES: BornesVerres = Object.freeze({
  bornesFermees: true,
  unifocalSphere: 6,
  cylindreMax: 4,
  unifocalSommeMax: 6,
  progressifSphere: 4,
  progressifSphereCylindre: 8,
  progressifSommeMax: 8,
});

/** Input limits: far beyond any prescription, they catch unit mistakes (a sphere typed in hundredths). */
export const SPHERE_MAX = 30;
export const CYLINDRE_MAX = 15;

/**
 * The legal type of one lens (docs/modele-de-calcul.md §9 for the 2020 regime, §4.3 for the 2015 regime), from its sphere and
 * cylinder in dioptres (any finite value, not only quarter dioptres) and whether it is multifocal/progressive.
 * A negative cylinder is transposed to positive cylinder first (see the module comment).
 *
 * ⚠ 2015 regime: the « très complexe » (f) definition was written « pour adulte »; children's lenses are
 * classified here as for adults because the text gives nothing else (docs/modele-de-calcul.md §14 point 17).
 */
export function typeVerre(sphere: number, cylindre: number, progressif: boolean, regime: RegimeVerres = "2020"): TypeVerre {
  return classerVerre(sphere, cylindre, progressif, regime, BORNES_VERRES);
}

/** `typeVerre` with explicit bounds: lets tests check both readings of « comprise entre ». */
export function classerVerre(sphere: number, cylindre: number, progressif: boolean, regime: RegimeVerres, bornes: BornesVerres): TypeVerre {
  verifierDioptrie(sphere, "la sphère", SPHERE_MAX);
  verifierDioptrie(cylindre, "le cylindre", CYLINDRE_MAX);
  if (progressif !== true && progressif !== false) {
    throw argumentInvalide(
      `Valeur invalide pour « progressif » : « ${String(progressif)} » — VRAI (verre multifocal ou progressif) ou FAUX (unifocal) est attendu.`,
    );
  }
  if (regime !== "2020" && regime !== "2015") {
    throw argumentInvalide(`Régime inconnu : « ${String(regime)} » — « 2020 » ou « 2015 » est attendu.`);
  }
  // Positive-cylinder form. S = sph' + cyl' is then the original sphere when the cylinder was negative.
  let sph = sphere;
  let cyl = cylindre;
  let somme: number;
  if (cylindre < 0) {
    sph = sommeExacte(sphere, cylindre);
    cyl = -cylindre;
    somme = sphere;
  } else {
    somme = sommeExacte(sphere, cylindre);
  }
  if (cyl === 0) cyl = 0; // −0 is spherical too
  return regime === "2020" ? classer2020(sph, cyl, somme, progressif, bornes) : classer2015(sph, cyl, progressif, bornes);
}

function classer2020(sph: number, cyl: number, somme: number, progressif: boolean, b: BornesVerres): TypeVerre {
  const spherique = cyl === 0;
  if (!progressif) {
    if (spherique) return dans(sph, -b.unifocalSphere, b.unifocalSphere, b) ? "simple" : "complexe";
    if (sph > 0) return somme <= b.unifocalSommeMax ? "simple" : "complexe";
    if (dans(sph, -b.unifocalSphere, 0, b)) return cyl <= b.cylindreMax ? "simple" : "complexe";
    return "complexe"; // sphere below −6.00 with a cylinder
  }
  if (spherique) return dans(sph, -b.progressifSphere, b.progressifSphere, b) ? "complexe" : "tres_complexe";
  if (sph > 0) return somme <= b.progressifSommeMax ? "complexe" : "tres_complexe";
  if (dans(sph, -b.progressifSphereCylindre, 0, b)) return cyl <= b.cylindreMax ? "complexe" : "tres_complexe";
  return "tres_complexe"; // sphere below −8.00 with a cylinder
}

function classer2015(sph: number, cyl: number, progressif: boolean, b: BornesVerres): TypeVerre {
  if (!progressif) {
    return dans(sph, -b.unifocalSphere, b.unifocalSphere, b) && cyl <= b.cylindreMax ? "simple" : "complexe";
  }
  if (cyl === 0) return dans(sph, -b.progressifSphere, b.progressifSphere, b) ? "complexe" : "tres_complexe";
  return dans(sph, -b.progressifSphereCylindre, b.progressifSphereCylindre, b) ? "complexe" : "tres_complexe";
}

function dans(x: number, min: number, max: number, b: BornesVerres): boolean {
  return b.bornesFermees ? x >= min && x <= max : x > min && x < max;
}

// Multiples of 1/1024 (quarter, eighth dioptres…) add exactly in doubles; other values are added as the
// decimals the user typed, so that 6.1 + (−0.1) is exactly 6 and lands on the right side of a bound.
const GRAIN = 1024;
function sommeExacte(a: number, b: number): number {
  if (Number.isInteger(a * GRAIN) && Number.isInteger(b * GRAIN)) return a + b;
  return new Dec(a).plus(b).toNumber();
}

function verifierDioptrie(x: number, quoi: string, max: number): void {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw argumentInvalide(`Valeur invalide pour ${quoi} : « ${String(x)} » — un nombre de dioptries est attendu.`);
  }
  if (Math.abs(x) > max) {
    throw argumentInvalide(`Valeur invalide pour ${quoi} : ${String(x).replace(".", ",")} dioptries — entre −${max} et +${max} dioptries est attendu.`);
  }
}

const RANG: Readonly<Record<TypeVerre, number>> = { simple: 0, complexe: 1, tres_complexe: 2 };
const TABLE_CATEGORIES: readonly (readonly CategorieOptique[])[] = [
  ["a", "b", "d"],
  ["b", "c", "e"],
  ["d", "e", "f"],
];

/** Equipment category from the two lens types (docs/modele-de-calcul.md §9; same-category pairs per R871-2 3°, rule « R871-2 3° même catégorie »). */
export function categorieEquipement(v1: TypeVerre, v2: TypeVerre): CategorieOptique {
  return TABLE_CATEGORIES[rang(v1)]![rang(v2)]!;
}

function rang(t: TypeVerre): number {
  if (!Object.prototype.hasOwnProperty.call(RANG, t)) {
    throw argumentInvalide(`Type de verre inconnu : « ${String(t)} » — « simple », « complexe » ou « très complexe » est attendu.`);
  }
  return RANG[t];
}

/** The two lens types of a category, simplest first. */
export function typesDeCategorie(c: CategorieOptique): readonly [TypeVerre, TypeVerre] {
  switch (c) {
    case "a":
      return ["simple", "simple"];
    case "b":
      return ["simple", "complexe"];
    case "c":
      return ["complexe", "complexe"];
    case "d":
      return ["simple", "tres_complexe"];
    case "e":
      return ["complexe", "tres_complexe"];
    case "f":
      return ["tres_complexe", "tres_complexe"];
    default:
      throw argumentInvalide(`Catégorie d'équipement inconnue : « ${String(c)} » — une lettre de « a » à « f » est attendue.`);
  }
}

const LIBELLES: Readonly<Record<TypeVerre, string>> = { simple: "simple", complexe: "complexe", tres_complexe: "très complexe" };

/** The French label of a lens type: « simple », « complexe », « très complexe ». */
export function libelleTypeVerre(t: TypeVerre): string {
  const l = Object.prototype.hasOwnProperty.call(LIBELLES, t) ? LIBELLES[t] : undefined;
  if (l === undefined) throw argumentInvalide(`Type de verre inconnu : « ${String(t)} ».`);
  return l;
}

/** French description of a category: « c (2 verres complexes) », « b (1 verre simple + 1 verre complexe) ». */
export function libelleCategorie(c: CategorieOptique): string {
  const [t1, t2] = typesDeCategorie(c);
  if (t1 === t2) return `${c} (2 verres ${LIBELLES[t1].replace(/(simple|complexe)$/, "$1s")})`;
  return `${c} (1 verre ${LIBELLES[t1]} + 1 verre ${LIBELLES[t2]})`;
}

// Text recognition. Lens types are matched on normalised text (no accents, lower case): « très complexe »
// before « complexe ». Words that only decorate the name are dropped.
const MOTS_VIDES = new Set(["verre", "verres", "2", "deux", "1", "un", "une", "et", "equipement", "equipements", "categorie", "cat", "de", "avec"]);

// Folded (texte/plier.ts), then the separators a pair is written with become spaces; any other sign is refused.
function normaliser(s: string): string {
  return replier(s)
    .replace(/[-_/+,;&()':.]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Lens types named in a text, in order: "simple complexe" → [simple, complexe]; undefined if anything else is there. */
function typesNommes(n: string): TypeVerre[] | undefined {
  const mots = n.split(" ").filter((m) => m !== "");
  const types: TypeVerre[] = [];
  for (let i = 0; i < mots.length; i++) {
    const m = mots[i]!;
    if ((m === "tres" || m === "hyper") && /^complexes?$/.test(mots[i + 1] ?? "")) {
      types.push("tres_complexe");
      i++;
    } else if (/^complexes?$/.test(m)) types.push("complexe");
    else if (/^simples?$/.test(m)) types.push("simple");
    else if (!MOTS_VIDES.has(m)) return undefined;
  }
  return types;
}

const FORMES_CATEGORIE =
  "« a » à « f », « simple », « complexe », « très complexe », « simple-complexe », « simple / très complexe », « complexe / très complexe »";

/**
 * A category typed by a user: a letter "a".."f" (any case, optionally « catégorie c ») or the lens types of the
 * pair: « simple » / « 2 verres simples » (a), « simple-complexe » (b), « complexe » (c), « simple / très
 * complexe » (d), « complexe - très complexe » (e), « très complexe » / « tres complexe » (f).
 */
export function categorieDepuisTexte(s: string): CategorieOptique {
  if (typeof s !== "string") {
    throw argumentInvalide(`Catégorie d'équipement invalide : « ${String(s)} » — ${FORMES_CATEGORIE} est attendu.`);
  }
  const n = normaliser(s);
  const lettre = /^(?:categorie |cat |equipement )?([a-f])$/.exec(n);
  if (lettre) return lettre[1] as CategorieOptique;
  const types = typesNommes(n);
  if (types && types.length === 1) return categorieEquipement(types[0]!, types[0]!);
  if (types && types.length === 2) return categorieEquipement(types[0]!, types[1]!);
  throw argumentInvalide(`Catégorie d'équipement inconnue : « ${s} » — ${FORMES_CATEGORIE} est attendu.`);
}

/** A lens type typed by a user: « simple », « complexe », « très complexe » / « tres complexe » (any case). */
export function typeVerreDepuisTexte(s: string): TypeVerre {
  const types = typeof s === "string" ? typesNommes(normaliser(s)) : undefined;
  if (types && types.length === 1) return types[0]!;
  throw argumentInvalide(`Type de verre inconnu : « ${String(s)} » — « simple », « complexe » ou « très complexe » est attendu.`);
}
