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

/**
 * Error codes a custom function may return as they are (Office: #REF! and #NAME? are accepted as inputs only).
 * Only #VALUE! and #N/A carry a message.
 */
const RENVOYABLES = new Set(["#DIV/0!", "#NUM!", "#NULL!", VALEUR, NA]);

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
 * An input cell that holds an error (#N/A from a lookup, #DIV/0!…): the function gives that error back, as Excel's
 * own functions do, and says which argument carried it; an error it may not return (#REF!, #NAME?…) becomes
 * #VALUE! with the same message.
 */
export class CelluleEnErreur extends Error {
  constructor(
    readonly code: string,
    nom: string,
  ) {
    super(`${nom} : la cellule d'entrée est en erreur (${code}) — corrigez-la ou excluez-la de la plage.`);
  }
}

/** A value Excel passed that is an error object (CustomFunctions.Error or alike), not a number, text or boolean. */
export function estErreurCellule(v: unknown): v is ErreurCellule {
  return v !== null && typeof v === "object" && typeof (v as { code?: unknown }).code === "string";
}

/**
 * Any exception → the cell's error. A RembError keeps its nature and French message; anything else is a REMB
 * bug (or an invariant the core refused to break) and becomes #VALUE! with a generic French message, never a
 * stack trace in the user's cell.
 */
export function erreurExcel(e: unknown): ErreurCellule {
  if (e instanceof CelluleEnErreur) {
    const { C } = constructeur();
    if (e.code === VALEUR || e.code === NA || !RENVOYABLES.has(e.code)) return (e.code === NA ? erreurIndisponible : erreurValeur)(e.message);
    return new C(e.code);
  }
  if (estRembError(e)) return e.nature === "indisponible" ? erreurIndisponible(e.message) : erreurValeur(e.message);
  if (e instanceof Error && e.message.startsWith("REMB : invariant")) return erreurValeur(e.message);
  return erreurValeur("Erreur interne de REMB : calcul impossible pour ces valeurs. Merci de signaler ce cas.");
}
