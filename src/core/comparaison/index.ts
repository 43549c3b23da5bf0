export {
  SCENARIOS,
  scenariosAuJour,
  datePrixScenarios,
  type ScenarioJson,
  type ScenarioResolu,
  type FichierScenarios,
  type OptionsScenarios,
  type CalculateurScenario,
} from "./scenarios";
export { PROFILS, profilParCode, type Profil } from "./profils";
export { calculerScenario } from "./calculer-scenario";
export {
  comparer,
  CONTRATS_MAX,
  type Comparaison,
  type ContratCompare,
  type ContratResolu,
  type CelluleComparaison,
  type MetriquesContrat,
  type OptionsComparaison,
} from "./comparer";
export { tableScenarios, ligneScenario, ENTETE_SCENARIOS, COLONNE_SCENARIO, type ValeurTable } from "./table";
export { appelScenario, texteFormule, type AppelRemb, type ArgumentAppel, type ColonneScenario, type ReferencesFormule, type Resultat } from "./formule";
export {
  planComparaison,
  FORMATS_NOMBRE,
  NOMS_FEUILLES,
  COLONNES_CONTRAT,
  PREMIERE_COLONNE_CONTRAT,
  PREMIERE_LIGNE_SCENARIO,
  type PlanComparaison,
  type FeuillePlan,
  type CellulePlan,
  type FormatCellule,
  type NomsFeuilles,
  type OptionsPlan,
} from "./plan";
export type { GraphiquePlan } from "./plan";
