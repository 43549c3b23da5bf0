export type * from "./constat";
export { verifierGrille } from "./verifier";
