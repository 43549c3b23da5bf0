import { RembError, argumentInvalide } from "../errors";
import { Analyseur } from "./analyser";
import type { Garantie } from "./ast";
import { erreurSyntaxe } from "./erreurSyntaxe";
import { formeImprimee } from "./formes-imprimees";

/** Longest text accepted: a cell holding a paragraph is not a guarantee, and parse time stays bounded. */
const TEXTE_MAX = 500;

/** A grid has a few hundred distinct cells; a claims table a handful. Beyond this, the oldest entries go. */
const MEMO_MAX = 4096;
const memo = new Map<string, Garantie | RembError>();

/**
 * Parses a guarantee cell into its AST. Memoised by the exact text: a hit returns the same frozen object (or
 * re-throws the same RembError) without allocating, which keeps 100 000-row evaluations fast.
 */
export function parseGarantie(texte: string): Garantie {
  const hit = memo.get(texte);
  if (hit !== undefined) {
    if (hit instanceof RembError) throw hit;
    return hit;
  }
  if (typeof texte !== "string") {
    throw argumentInvalide(`Garantie invalide : une expression texte est attendue (« 150 % BR »), ${typeof texte} reçu.`);
  }
  // Not cached: the check is immediate, and 4 096 Excel cells of 32 767 characters would hold 130 Mo.
  if (texte.length > TEXTE_MAX) {
    throw erreurSyntaxe(
      texte,
      TEXTE_MAX,
      `au plus ${TEXTE_MAX} caractères`,
      `${texte.length} caractères`,
      `expression trop longue (${texte.length} caractères, ${TEXTE_MAX} au plus) : une cellule de garantie tient en une ligne`,
    );
  }
  let resultat: Garantie | RembError;
  try {
    resultat = figer(new Analyseur(texte).analyser());
  } catch (e) {
    if (!(e instanceof RembError)) throw e;
    resultat = e;
    // A long-hand wording real grids print (formes-imprimees.ts): read it in canonical words, else keep this error.
    const forme = formeImprimee(texte);
    if (forme !== undefined) {
      try {
        resultat = figer(typeof forme === "string" ? new Analyseur(forme).analyser() : forme);
      } catch (e2) {
        if (!(e2 instanceof RembError)) throw e2;
      }
    }
  }
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(texte, resultat);
  if (resultat instanceof RembError) throw resultat;
  return resultat;
}

/** Cached ASTs are shared by every caller: freezing them makes an accidental mutation fail loudly. */
function figer<T>(x: T): T {
  if (x !== null && typeof x === "object" && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) figer(v);
    Object.freeze(x);
  }
  return x;
}
