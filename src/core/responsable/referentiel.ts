import type { Jour } from "../dates";
import { parametres } from "../params";
import type { IdRegle } from "../postes";
import { REGLES } from "./regles";

/**
 * The rules a check applied, with the period each one binds contracts over: what an auditor's report prints as
 * « référentiel appliqué ». A rule's `applicable(date)` depends only on dated legal parameters (the start of the 2015
 * and 100 % Santé regimes, a forfait's existence…), so it can only change on a day a parameter value starts: the
 * period is read by trying those days around the contract's date, never stated twice.
 */
export interface RegleDuReferentiel {
  readonly regle: IdRegle;
  readonly enonce: string;
  /** First day the rule binds, or null when it binds from the first day REMB models. */
  readonly depuis: Jour | null;
  /** First day it no longer binds (exclusive), or null when still in force. */
  readonly jusquA: Jour | null;
}

let jours: readonly Jour[] | undefined;

/** Every day a parameter value starts, in order (the only days a rule's applicability may change). */
function joursDeChangement(): readonly Jour[] {
  if (jours === undefined) {
    const s = new Set<Jour>();
    for (const nom of parametres.noms()) for (const v of parametres.definition(nom).valeurs) s.add(v.debut);
    jours = [...s].sort((a, b) => a - b);
  }
  return jours;
}

/** The rules applicable to a contract of this date, in the order of the articles, each with its period. */
export function referentielAu(date: Jour): RegleDuReferentiel[] {
  const c = joursDeChangement();
  let i = -1;
  while (i + 1 < c.length && c[i + 1]! <= date) i++;
  const r: RegleDuReferentiel[] = [];
  for (const regle of REGLES) {
    if (!regle.applicable(date)) continue;
    let debut = i;
    while (debut > 0 && regle.applicable(c[debut - 1]!)) debut--;
    let fin = i + 1;
    while (fin < c.length && regle.applicable(c[fin]!)) fin++;
    r.push({
      regle: regle.id,
      enonce: regle.enonce,
      depuis: debut <= 0 ? null : c[debut]!,
      jusquA: fin < c.length ? c[fin]! : null,
    });
  }
  return r;
}
