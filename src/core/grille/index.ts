export type * from "./modele";
