import { eurosDepuisCents, tauxEnNombre } from "../money";
import type { ScenarioResolu } from "./scenarios";

/**
 * The scenarios as a table of plain values (REMB.SCENARIOS, the comparison sheets): one header row, then one row per
 * scenario. Amounts in euros and rates as fractions (0,7), as Excel holds them; an empty text where the REMB
 * function reads the value itself (the BR of an optical equipment or a hearing aid, the rate of a stay).
 */
export const ENTETE_SCENARIOS = [
  "Code",
  "Scénario",
  "Section",
  "Fonction",
  "Prix",
  "Prix réseau",
  "BR",
  "Taux RO",
  "Secteur",
  "Retenue",
  "Acte lourd",
  "Classe ou panier",
  "Catégorie",
  "Âge",
  "Postes de la grille",
  "Paramètres lus",
  "Source",
] as const;

export type ValeurTable = string | number | boolean;

/** Column index by header, for the sheets that refer to a column. */
export const COLONNE_SCENARIO: Readonly<Record<(typeof ENTETE_SCENARIOS)[number], number>> = Object.fromEntries(
  ENTETE_SCENARIOS.map((e, i) => [e, i]),
) as Record<(typeof ENTETE_SCENARIOS)[number], number>;

export function ligneScenario(s: ScenarioResolu): ValeurTable[] {
  const source = s.incertitudes.length === 0 ? s.source : `${s.source} ⚠ ${s.incertitudes.join(" ; ")}`;
  return [
    s.code,
    s.libelle,
    s.libelleSection,
    `REMB.${s.calculateur.toUpperCase()}`,
    eurosDepuisCents(s.prix),
    s.prixReseau === undefined ? "" : eurosDepuisCents(s.prixReseau),
    s.br === undefined ? "" : eurosDepuisCents(s.br),
    s.taux === undefined ? "" : tauxEnNombre(s.taux),
    s.secteur ?? "",
    s.pf ? "PF" : "",
    s.acteLourd,
    s.panier ?? s.classe ?? "",
    s.categorie ?? "",
    s.age ?? "",
    s.postes.join(", "),
    s.parametres.join(", "),
    source,
  ];
}

export function tableScenarios(scenarios: readonly ScenarioResolu[]): ValeurTable[][] {
  return [[...ENTETE_SCENARIOS], ...scenarios.map(ligneScenario)];
}
