export * from "./bareme";
