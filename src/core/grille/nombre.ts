import { RembError } from "../errors";
import { formule, NEANT, type Garantie } from "../garantie";
import { centsDepuisEuros, taux, tauxDepuisNombre, tauxEnPourcentTexte, type Taux } from "../money";
import type { Poste } from "../postes";
import type { LectureNombre } from "./modele";
import { nombreFr } from "./valeur-cellule";

/**
 * A number in a guarantee cell (docs/format-grille.md « Nombres »). Excel holds « 150 % » as 1.5 (format %),
 * « 100 € » as 100 (currency format); CSV and JSON have no format at all. The reading, in this order:
 *
 * 1. format with % → percentage of the BR (1.5 → 150 % BR); format with € / EUR → euros;
 *    a date format → not a guarantee;
 * 2. 0 → néant;
 * 3. the unit declared by the caller (`nombres`) or by the column header (« en % BR », « en € »);
 * 4. otherwise, by the poste:
 *    - lines priced in euros (no BR: chambre particulière, ostéopathie…; optique; audio; forfait journalier):
 *      euros; ambiguous when ≤ 10 (a percentage that lost its format: 1.5 = 150 %?);
 *    - lines with a BR: ≤ 10 → a multiple of the BR, as Excel stores a percentage (1.5 → 150 % BR), not
 *      ambiguous (nobody guarantees 1,50 € on an act); > 10 → a percentage of the BR (150 → 150 % BR),
 *      ambiguous (it may be a forfait in euros);
 *    - unknown poste: as a line with a BR, always ambiguous.
 * An ambiguous reading is kept and reported (alert NOMBRE_AMBIGU), never silently.
 */
export type UniteNombres = "pourcentage" | "multiple" | "euros";

export interface NombreLu {
  readonly garantie: Garantie;
  readonly lecture: LectureNombre;
  /** The text shown for the cell (French number, with its % or € when the format said so). */
  readonly texte: string;
  /** The reading in the guarantee language (« 150 % BR », « 100 € »). */
  readonly lu: string;
}

const SEUIL_MULTIPLE = 10;

export function lireNombre(x: number, format: string | undefined, poste: Poste | null, unite: UniteNombres | undefined): NombreLu {
  if (!Number.isFinite(x)) throw valeur(`Nombre invalide : ${x}.`);
  if (format && estFormatDate(format)) {
    throw valeur(`Date trouvée là où une garantie est attendue (format « ${format} ») : une garantie s'écrit « 150 % BR », « 50 € »…`);
  }
  if (x < 0) throw valeur(`Garantie négative : ${nombreFr(x)} — un pourcentage de la BR ou un montant positif est attendu.`);
  const f = format?.replace(/"[^"]*"/g, "").replace(/\\./g, "") ?? "";
  if (/%/.test(f)) return pourcentage(multipleEnPourcent(x), x, "format-pourcentage", false, `${tauxEnPourcentTexte(tauxDepuisNombre(x, "garantie"))} %`);
  if (/€|\bEUR\b|\[\$€/i.test(format ?? "")) return euros(x, "format-monetaire", false, `${nombreFr(x)} €`);
  if (x === 0) return { garantie: NEANT, lecture: { valeur: 0, comme: "neant", regle: "zero", ambigu: false }, texte: "0", lu: "Néant" };
  if (unite === "pourcentage") return pourcentage(tauxDepuisNombre(x, "garantie"), x, "unite-declaree", false);
  if (unite === "multiple") return pourcentage(multipleEnPourcent(x), x, "unite-declaree", false);
  if (unite === "euros") return euros(x, "unite-declaree", false);
  if (poste !== null && enEuros(poste)) return euros(x, "euros-poste", x <= SEUIL_MULTIPLE);
  if (x <= SEUIL_MULTIPLE) return pourcentage(multipleEnPourcent(x), x, "petit-multiple-br", poste === null);
  return pourcentage(tauxDepuisNombre(x, "garantie"), x, "grand-pourcentage-br", true);
}

/** The French explanation of an ambiguous reading, for the import alert. */
export function messageAmbigu(lu: NombreLu): string {
  const v = nombreFr(lu.lecture.valeur);
  if (lu.lecture.comme === "euros") {
    return `Nombre sans format « ${v} » lu comme ${v} € ; si c'est un pourcentage, écrivez « ${tauxEnPourcentTexte(multipleEnPourcent(lu.lecture.valeur))} % BR ».`;
  }
  return `Nombre sans format « ${v} » lu comme ${lu.lu} ; si c'est un forfait, écrivez « ${v} € ».`;
}

/** Postes whose guarantees are written in euros by real grids (no BR, or a device priced freely). */
function enEuros(p: Poste): boolean {
  return !p.remboursableRo || p.calculateur === "optique" || p.calculateur === "audio" || p.calculateur === "fj";
}

/** 1.5 → 150 (exact): x as a multiple of the BR, as a percentage rate num/10^exp with the exponent lowered by 2. */
function multipleEnPourcent(x: number): Taux {
  const t = tauxDepuisNombre(x, "garantie");
  // t = x; x × 100 as a rate is t with two fewer decimals.
  return t.exp >= 2 ? taux(t.num, t.exp - 2) : taux(t.num * 10 ** (2 - t.exp), 0);
}

/** « 150 » % → the rate 1.5 of the BR. */
function pourcentage(pourcent: Taux, x: number, regle: LectureNombre["regle"], ambigu: boolean, texte?: string): NombreLu {
  const t = taux(pourcent.num, pourcent.exp + 2);
  return {
    garantie: formule([{ type: "pourcentage", taux: t, base: "BR" }]),
    lecture: { valeur: x, comme: "pourcentage-br", regle, ambigu },
    texte: texte ?? nombreFr(x),
    lu: `${tauxEnPourcentTexte(t)} % BR`,
  };
}

function euros(x: number, regle: LectureNombre["regle"], ambigu: boolean, texte?: string): NombreLu {
  return {
    garantie: formule([{ type: "montant", cents: centsDepuisEuros(x, "garantie") }]),
    lecture: { valeur: x, comme: "euros", regle, ambigu },
    texte: texte ?? nombreFr(x),
    lu: `${nombreFr(x)} €`,
  };
}

/** Excel date formats: d, m, y codes outside quotes and brackets, no % nor currency. */
export function estFormatDate(format: string): boolean {
  const f = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .toLowerCase();
  if (f === "general" || f === "standard" || /[%€0#]/.test(f)) return false;
  return /(d|j){1,4}|y{2,4}|a{2,4}|m{3,4}/.test(f) && /[dmyja]/.test(f);
}

function valeur(message: string): RembError {
  return new RembError("ARGUMENT_INVALIDE", message);
}

/** A text cell that is only a number (« 150 », « 1,5 », « 1 234,50 »): the CSV way of writing a number. */
const NOMBRE_PROBABLE = /^-?[0-9][0-9\u00a0\u202f ,.]*$/;

export function nombreDepuisTexte(t: string): number | undefined {
  // Cheap rejection first: most cells are guarantees in words (« 100 % BR »).
  if (!NOMBRE_PROBABLE.test(t)) return undefined;
  const s = t.replace(/[\u00a0\u202f ]/g, "");
  if (!/^-?(?:[0-9]+(?:[.,][0-9]+)?|[0-9]{1,3}(?:[.][0-9]{3})+(?:,[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?)$/.test(s)) return undefined;
  // One separator: decimal. Both: the last one is the decimal separator.
  let norm = s;
  const virgule = s.lastIndexOf(",");
  const point = s.lastIndexOf(".");
  if (virgule >= 0 && point >= 0) norm = virgule > point ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  else if (virgule >= 0) norm = s.replace(",", ".");
  const n = Number(norm);
  return Number.isFinite(n) ? n : undefined;
}
