export type * from "./types";
export { SECTIONS, LIBELLES_SECTIONS, IDS_REGLES, CR_DE_REGLE } from "./types";
export type { CodePoste, Poste } from "./catalogue";
export { CATALOGUE, estCodePoste, posteParCode, postesDeLaPaire } from "./catalogue";
export type { Reconnaissance, ContexteReconnaissance } from "./reconnaitre";
export { contreditIntertitre, reconnaitrePoste } from "./reconnaitre";
export { sectionDeTitre, sectionDuMot, sectionEnTete } from "./sections";
export { jetons, plier } from "./normaliser";
export { estAttribut } from "./attributs";
