import type { Garantie, TermePeriode } from "../../garantie";

/**
 * Whether a guarantee refers to « les plafonds du contrat responsable »: then the line's legal cap must be
 * computed even for a contract declared non-responsible, because the cell itself asks for it.
 */
export function mentionnePlafondLegal(g: Garantie): boolean {
  if (g.type !== "formule") return false;
  return contient(g.termes) || (g.limite !== undefined && contient(g.limite));
}

function contient(termes: readonly TermePeriode[]): boolean {
  for (let i = 0; i < termes.length; i++) if (termes[i]!.terme.type === "plafondLegal") return true;
  return false;
}
