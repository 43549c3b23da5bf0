import { formatEuros, tauxEnPourcentTexte, type Cents, type Taux } from "../money";
import { decrireGarantie, type ContexteGarantie, type Garantie } from "../garantie";
import type { Etape } from "./decompte";

/**
 * Builders of DETAIL lines. Called only when the caller asked for the detail (options.detail): the path without
 * detail builds no string at all.
 */

const NBSP = "\u00a0";

// DETAIL labels that several calculators print: one copy of each text in the bundle, and the same words everywhere.
export const ETAPE_BASE_RETENUE = "Base retenue (frais réels inférieurs à la BR)";
export const ETAPE_RO_NET = "RO net versé par l'assurance maladie";
export const ETAPE_TM = "Ticket modérateur (BR − RO brut)";
export const ETAPE_RC = "RC = min(G ; FR) − RO brut";
export const ETAPE_RAC = "Reste à charge (FR − RO net − RC)";
export const ETAPE_GARANTIE_PLAFONNEE = "Garantie plafonnée (contrat responsable)";
export const ETAPE_NON_RESPONSABLE = "Contrat non responsable : plafond non appliqué";

/** « 70 % », « 1,5 % ». */
export function pourcent(t: Taux): string {
  return `${tauxEnPourcentTexte(t)}${NBSP}%`;
}

/** « 1 234,56 € ». */
export function euros(c: Cents): string {
  return formatEuros(c);
}

export function etape(libelle: string, montant: Cents | null, reference?: string): Etape {
  return reference ? { libelle, montant, reference } : { libelle, montant };
}

/**
 * How the guarantee was read, in French (the parser's own reading: convention, units paid, PMSS year, « en sus
 * du RO » split); with the line's context, also the amount it gives. Called after the calculator has evaluated
 * the same guarantee on the same context, so it does not throw.
 */
export function interpretationGarantie(g: Garantie, ctx?: ContexteGarantie): string {
  return decrireGarantie(g, ctx);
}
