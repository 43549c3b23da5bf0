import { readFileSync } from "node:fs";
import path from "node:path";
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
  /** URLs of the chunks the bundle loaded since, in order (REMB.VERIFIER's code is one, fetched on first call). */
  readonly chunks: readonly string[];
}

export function chargerBundle(chemin: string): BundleCharge {
  const fonctions = new Map<string, (...args: unknown[]) => unknown>();
  const doublons: string[] = [];
  const sortie: string[] = [];
  const chunks: string[] = [];
  const journal = (...x: unknown[]) => sortie.push(x.map(String).join(" "));
  const dossier = path.dirname(chemin);
  const globaux: Record<string, unknown> = {
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
    setTimeout,
    clearTimeout,
    // The shared runtime is a web page: webpack fetches a lazy chunk by adding a <script> whose URL is under the
    // deployment URL (output.publicPath). This page stand-in serves it from dist/ the same way, asynchronously.
    document: {
      getElementsByTagName: () => [],
      createElement: () => ({ setAttribute() {}, getAttribute: () => null, parentNode: null }),
      head: {
        appendChild(script: { src: string; onload?: (e: object) => void; onerror?: (e: object) => void }) {
          setImmediate(() => {
            chunks.push(script.src);
            const fichier = path.join(dossier, new URL(script.src).pathname.split("/").pop()!);
            try {
              vm.runInContext(readFileSync(fichier, "utf8"), contexte, { filename: fichier });
            } catch {
              script.onerror?.({ type: "error", target: script });
              return;
            }
            script.onload?.({ type: "load", target: script });
          });
        },
      },
    },
  };
  const contexte = vm.createContext(globaux);
  // webpack's chunks register themselves on `self`, the page's global object.
  globaux.self = vm.runInContext("this", contexte);
  vm.runInContext(readFileSync(chemin, "utf8"), contexte, { filename: chemin });
  return { fonctions, doublons, console: sortie, chunks };
}

/** What Excel passes after the declared arguments (CustomFunctions.Invocation). */
export function invocation(id: string, parameterAddresses?: readonly string[]): object {
  return { functionName: id, address: "Feuil1!A1", isInValuePreview: false, ...(parameterAddresses ? { parameterAddresses } : {}) };
}
