export type * from "./ast";
export { NEANT } from "./ast";
export type { ContexteGarantie } from "./contexte";
export { evaluerGarantie } from "./evaluer";
export { formule, garantieDepuisNombre } from "./construire";
