import { RembError, argumentInvalide } from "../core/errors";
import { garantieDepuisNombre, parseGarantie, type Garantie } from "../core/garantie";
import { retenueDepuisTexte, type Retenue } from "../core/calculators/retenue";
import { secteurDepuisTexte, type Secteur } from "../core/calculators/secteur";
import { categorieDepuisTexte, typeVerreDepuisTexte, type CategorieOptique, type TypeVerre } from "../core/calculators/verres";
import { decrireValeur, estVide, type ValeurCellule } from "./excel";
import { lireMontant } from "./coercion";

/**
 * Readers for the domain arguments. The recognition itself (keywords, synonyms, the guarantee language) is the
 * core's: these only route Excel values to it and name the argument in the error.
 */

type Unite = "BR" | "EUR";

/**
 * A number read as a multiple of the BR above this is a slip, not a guarantee: « 150 » typed for 150 % BR would
 * pay 15 000 % BR. Ten times the BR (1 000 % BR) is above what published grids print.
 */
export const MULTIPLE_BR_MAX = 10;

function multipleInvraisemblable(nom: string, x: number): RembError {
  const n = String(x).replace(".", ",");
  const pct = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(x * 100);
  return argumentInvalide(
    `${nom} : ${n} serait ${pct} % de la BR — écrivez « ${n} % BR » (ou ${String(x / 100).replace(".", ",")}), ou « ${n} € » pour un forfait.`,
  );
}
const parNombre: Record<Unite, Map<number, Garantie>> = { BR: new Map(), EUR: new Map() };

/**
 * A guarantee cell: text in the guarantee language, or a number (a multiple of the BR for SOINS, DENTAIRE and
 * SEJOUR, euros for OPTIQUE and AUDIO; docs/fonctions.md). Numbers are memoised like texts: a claims table
 * repeats a handful of levels.
 */
function lireGarantie(unite: Unite): (v: ValeurCellule, nom: string) => Garantie {
  const memo = parNombre[unite];
  return (v, nom) => {
    if (typeof v === "number") {
      const g = memo.get(v);
      if (g !== undefined) return g;
      if (unite === "BR" && v > MULTIPLE_BR_MAX) throw multipleInvraisemblable(nom, v);
      const n = garantieDepuisNombre(v, unite);
      if (memo.size > 10_000) memo.clear();
      memo.set(v, n);
      return n;
    }
    // Texts go to the core's parser, memoised there by the exact text (an empty cell is « Néant »).
    if (typeof v === "string" || v === null || v === undefined) return parseGarantie(v ?? "");
    throw argumentInvalide(`${nom} : ${decrireValeur(v)} n'est pas une garantie — une expression (« 150 % BR ») ou un nombre est attendu.`);
  };
}

export const lireGarantieBR = lireGarantie("BR");
export const lireGarantieEuros = lireGarantie("EUR");

/** secteur: « OPTAM » (default), « NON-OPTAM » and their synonyms (core). */
export function lireSecteur(v: ValeurCellule, nom: string): Secteur | undefined {
  if (estVide(v)) return undefined;
  if (typeof v !== "string") throw texteAttendu(nom, v, "« OPTAM » ou « NON-OPTAM »");
  return secteurDepuisTexte(v);
}

/** retenue: an amount in euros or a keyword (« PF », « FRANCHISE »…), recognised by the core. */
export function lireRetenue(v: ValeurCellule, nom: string): Retenue | undefined {
  if (estVide(v)) return undefined;
  if (typeof v === "number") return lireMontant(v, nom);
  if (typeof v !== "string") throw texteAttendu(nom, v, "« PF », « FRANCHISE » ou un montant en euros");
  return retenueDepuisTexte(v);
}

/** categorie: « a » … « f » or the lens types of the pair (core). */
export function lireCategorie(v: ValeurCellule, nom: string): CategorieOptique {
  if (typeof v !== "string" || estVide(v)) throw texteAttendu(nom, v, "une catégorie « a » à « f » ou « simple », « complexe »…");
  return categorieDepuisTexte(v);
}

/** A lens type: « simple », « complexe », « très complexe » (what REMB.VERRE returns). */
export function lireTypeVerre(v: ValeurCellule, nom: string): TypeVerre {
  if (typeof v !== "string" || estVide(v)) throw texteAttendu(nom, v, "« simple », « complexe » ou « très complexe »");
  return typeVerreDepuisTexte(v);
}

function texteAttendu(nom: string, v: ValeurCellule, attendu: string): RembError {
  const vu = estVide(v) ? "valeur manquante" : decrireValeur(v);
  return argumentInvalide(`${nom} : ${vu} — ${attendu} attendu.`);
}
