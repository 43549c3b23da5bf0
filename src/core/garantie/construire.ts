import { argumentInvalide } from "../errors";
import { centsDepuisEuros, tauxDepuisNombre } from "../money";
import type { Formule, Garantie, Terme } from "./ast";

/**
 * Small builders, for calculators and tests that start from numbers rather than text. « En sus du RO » is never
 * a default of the language, so a RO_EN_SUS formula counts as explicit: it equals what parseGarantie gives for
 * the same cell (« 50 € en sus du RO »).
 */
export function formule(termes: readonly Terme[], convention: Formule["convention"] = "RO_INCLUS"): Formule {
  return { type: "formule", termes: termes.map((terme) => ({ terme })), convention, conventionExplicite: convention === "RO_EN_SUS" };
}

/**
 * A number typed where a guarantee is expected: a multiple of the BR for SOINS/DENTAIRE/SEJOUR (1.5 = 150 % BR)
 * and euros for OPTIQUE/AUDIO (300 = 300 €) (docs/fonctions.md, Conventions). DETAIL shows which reading was used.
 */
export function garantieDepuisNombre(x: number, unite: "BR" | "EUR"): Garantie {
  if (!Number.isFinite(x) || x < 0) {
    throw argumentInvalide(`Garantie invalide : ${x} — un nombre positif ou une expression (« 150 % BR ») est attendu.`);
  }
  if (x === 0) return { type: "neant" };
  return unite === "BR"
    ? formule([{ type: "pourcentage", taux: tauxDepuisNombre(x, "garantie"), base: "BR" }])
    : formule([{ type: "montant", cents: centsDepuisEuros(x, "garantie") }]);
}
