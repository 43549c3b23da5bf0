export * from "./emettre";
