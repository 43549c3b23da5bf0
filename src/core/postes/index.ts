export type * from "./types";
export { SECTIONS, LIBELLES_SECTIONS, IDS_REGLES } from "./types";
export type { CodePoste, Poste } from "./catalogue";
export { CATALOGUE, estCodePoste, posteParCode } from "./catalogue";
export type { Reconnaissance, ContexteReconnaissance } from "./reconnaitre";
export { contreditIntertitre, reconnaitrePoste } from "./reconnaitre";
export { sectionDeTitre, sectionDuMot, sectionEnTete } from "./sections";
export { jetons } from "./normaliser";
// Kept for the rules that compare folded texts (one folding module: src/core/texte/plier.ts).
export { plier } from "../texte/plier";
export { estAttribut } from "./attributs";
