export * from "./cents";
export * from "./taux";
export { Dec } from "./decimal";
