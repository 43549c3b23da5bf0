import { readFileSync } from "node:fs";
import vm from "node:vm";

/**
 * A stand-in for Excel's custom functions runtime: the globals the built dist/functions.js expects
 * (CustomFunctions.associate, Error, ErrorCode), nothing else. Loading the bundle in a fresh vm context, as Excel
 * loads it in its runtime, shows that it registers every id of functions.json on its own, with no Node or DOM
 * global to lean on.
 */

export const CODES_ERREUR = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class ErreurExcel {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface BundleCharge {
  readonly fonctions: ReadonlyMap<string, (...args: unknown[]) => unknown>;
  /** Ids associated more than once (a bug: Excel would keep one of them). */
  readonly doublons: readonly string[];
  /** What the bundle wrote to the console while loading (should be nothing). */
  readonly console: readonly string[];
}

export function chargerBundle(chemin: string): BundleCharge {
  const fonctions = new Map<string, (...args: unknown[]) => unknown>();
  const doublons: string[] = [];
  const sortie: string[] = [];
  const journal = (...x: unknown[]) => sortie.push(x.map(String).join(" "));
  const contexte = vm.createContext({
    CustomFunctions: {
      associate(id: string, f: (...args: unknown[]) => unknown) {
        if (typeof id !== "string" || typeof f !== "function") throw new TypeError("associate(id, fonction) attendu");
        if (fonctions.has(id)) doublons.push(id);
        fonctions.set(id, f);
      },
      Error: ErreurExcel,
      ErrorCode: CODES_ERREUR,
    },
    console: { log: journal, info: journal, warn: journal, error: journal, debug: journal },
  });
  vm.runInContext(readFileSync(chemin, "utf8"), contexte, { filename: chemin });
  return { fonctions, doublons, console: sortie };
}

/** What Excel passes after the declared arguments (CustomFunctions.Invocation). */
export function invocation(id: string): object {
  return { functionName: id, address: "Feuil1!A1", isInValuePreview: false };
}
