export type * from "./modele";
export { grilleDepuisTableau } from "./tableau";
export { grilleDepuisCsv, detecterSeparateur, lireCsv, type Separateur } from "./csv";
export { grilleDepuisJson, grilleVersJson, type GrilleJson, type NiveauJson, type LigneJson } from "./json";
export { decoderOctets, type Encodage } from "./decodage";
export { remplirFusions, type Fusion } from "./fusions";
export { neutraliserPourTableur } from "./valeur-cellule";
export { adresseA1, lettresColonne, origineDepuis, type Origine } from "./adresse";
