export type * from "./ast";
export { NEANT } from "./ast";
export type { ContexteGarantie } from "./contexte";
export { evaluerGarantie, evaluerGarantieLigne, pmssDeLAnnee, type ContexteComplementaire } from "./evaluer";
export { formule, garantieDepuisNombre } from "./construire";
export { parseGarantie } from "./analyser";
export { unparseGarantie, normaliserGarantie } from "./imprimer";
export { decrireGarantie } from "./decrire";
export { UNITES } from "./vocabulaire";
