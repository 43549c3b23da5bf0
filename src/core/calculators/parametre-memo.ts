import type { Cents, Taux } from "../money";
import type { Jour } from "../dates";
import { parametres } from "../params";

/**
 * One dated parameter read on the hot path (millions of claim lines): the last value looked up is kept with the
 * interval of days over which it stays in force, so consecutive lines of a claims table cost two integer
 * comparisons instead of a registry lookup. The registry still answers every miss, so its errors (before the
 * first value, ended parameter, wrong unit) are unchanged. Announced values are never used here.
 */
export class ParametreMemo<V extends Cents | Taux> {
  private debut = 1;
  private fin = 0;
  private valeur: V | undefined;
  private changements: readonly Jour[] | undefined;

  constructor(
    readonly nom: string,
    private readonly lire: (nom: string, jour: Jour) => V,
  ) {}

  valeurAu(jour: Jour): V {
    if (jour >= this.debut && jour < this.fin) return this.valeur!;
    const v = this.lire(this.nom, jour);
    // Days on which the value may change: every start date (an announced one included: a superset is harmless).
    const changements = (this.changements ??= parametres.definition(this.nom).valeurs.map((x) => x.debut));
    let debut = -Infinity;
    let fin = Infinity;
    for (const d of changements) {
      if (d <= jour && d > debut) debut = d;
      if (d > jour && d < fin) fin = d;
    }
    this.debut = debut;
    this.fin = fin;
    this.valeur = v;
    return v;
  }
}

export function memoCents(nom: string): ParametreMemo<Cents> {
  return new ParametreMemo<Cents>(nom, (n, j) => parametres.cents(n, j));
}

export function memoTaux(nom: string): ParametreMemo<Taux> {
  return new ParametreMemo<Taux>(nom, (n, j) => parametres.taux(n, j));
}
