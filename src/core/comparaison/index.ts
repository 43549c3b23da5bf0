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
