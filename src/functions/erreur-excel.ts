import { estRembError } from "../core/errors";
import type { ErreurCellule } from "./excel";

/**
 * Excel shows a custom error message on hover, in a small pop-up; the Office documentation gives no length limit,
 * so messages are cut at a conservative length rather than risk Excel dropping them.
 */
export const LONGUEUR_MAX_MESSAGE = 255;

/** The codes Excel understands (CustomFunctions.ErrorCode values). */
const VALEUR = "#VALUE!";
const NA = "#N/A";

type ConstructeurErreur = new (code: string, message?: string) => ErreurCellule;

/**
 * Outside Excel (Node tests, the CLI) there is no CustomFunctions global: a plain object with the same fields
 * stands in. Looked up on each error, never at load time, so the same bundle works in Excel, in the vm harness
 * and under mocha.
 */
class ErreurHorsExcel implements ErreurCellule {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

function constructeur(): { C: ConstructeurErreur; valeur: string; na: string } {
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (cf && typeof cf.Error === "function" && cf.ErrorCode) {
    return {
      C: cf.Error as unknown as ConstructeurErreur,
      valeur: cf.ErrorCode.invalidValue as unknown as string,
      na: cf.ErrorCode.notAvailable as unknown as string,
    };
  }
  return { C: ErreurHorsExcel, valeur: VALEUR, na: NA };
}

function messageCourt(message: string): string {
  const m = message.replace(/\s+/g, " ").trim();
  return m.length <= LONGUEUR_MAX_MESSAGE ? m : m.slice(0, LONGUEUR_MAX_MESSAGE - 1).trimEnd() + "…";
}

/** #VALUE! with a French message: the input is wrong. */
export function erreurValeur(message: string): ErreurCellule {
  const { C, valeur } = constructeur();
  return new C(valeur, messageCourt(message));
}

/** #N/A with a French message: no rule or value exists for that date or case. */
function erreurIndisponible(message: string): ErreurCellule {
  const { C, na } = constructeur();
  return new C(na, messageCourt(message));
}

/**
 * Any exception → the cell's error. A RembError keeps its nature and French message; anything else is a REMB
 * bug (or an invariant the core refused to break) and becomes #VALUE! with a generic French message, never a
 * stack trace in the user's cell.
 */
export function erreurExcel(e: unknown): ErreurCellule {
  if (estRembError(e)) return e.nature === "indisponible" ? erreurIndisponible(e.message) : erreurValeur(e.message);
  if (e instanceof Error && e.message.startsWith("REMB : invariant")) return erreurValeur(e.message);
  return erreurValeur("Erreur interne de REMB : calcul impossible pour ces valeurs. Merci de signaler ce cas.");
}
