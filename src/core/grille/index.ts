export type * from "./modele";
export { grilleDepuisTableau } from "./tableau";
export { neutraliserPourTableur } from "./valeur-cellule";
export { adresseA1, lettresColonne, origineDepuis, type Origine } from "./adresse";
