import type { Jour } from "../dates";
import type { Garantie } from "../garantie";
import type { Etape } from "./decompte";
import { booleenOuDefaut, verifierEntree, verifierGarantie, verifierJour, QUOI_DATE_CONTRAT, QUOI_DATE_SOINS, type OptionsCalcul } from "./entrees";

/** What every calculator's entry has: the care date, the contract's date, its guarantee, the responsible flag. */
export interface EntreeCommune {
  readonly date: Jour;
  /** Subscription or renewal date of the contract (default: the care date): selects the responsible regime. */
  readonly dateContrat?: Jour;
  readonly garantie: Garantie;
  /** Default true: the legal caps and obligations bind; false: the guarantee is computed as written. */
  readonly responsable?: boolean;
}

export interface Ouverture {
  readonly date: Jour;
  readonly dateContrat: Jour;
  readonly responsable: boolean;
  /** DETAIL's steps when asked (o.detail), else null: no label is built. */
  readonly etapes: Etape[] | null;
}

/**
 * The calculators' shared prologue: the entry object, the two dates, the guarantee and the flag are checked the same
 * way everywhere (a direct caller may pass anything), then each calculator checks its own amounts. It ends with
 * `clore` (decompte.ts).
 */
export function ouvrir(e: EntreeCommune, o: OptionsCalcul | undefined): Ouverture {
  verifierEntree(e);
  const date = e.date;
  verifierJour(date, QUOI_DATE_SOINS);
  if (e.dateContrat !== undefined) verifierJour(e.dateContrat, QUOI_DATE_CONTRAT);
  verifierGarantie(e.garantie);
  return {
    date,
    dateContrat: e.dateContrat ?? date,
    responsable: booleenOuDefaut(e.responsable, true, "responsable"),
    etapes: o?.detail === true ? [] : null,
  };
}
