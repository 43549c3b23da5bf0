export type * from "./constat";
export { verifierGrille } from "./verifier";
export { referentielAu, type RegleDuReferentiel } from "./referentiel";
export { versionR871_2 } from "./references";
