export * from "./jour";
