import type { Cents } from "../money";
import type { Jour } from "../dates";

/** What a guarantee needs to become a euro amount for one care line. */
export interface ContexteGarantie {
  /** Care date: selects the PMSS (year of care). */
  readonly date: Jour;
  readonly br: Cents;
  readonly fr: Cents;
  /** RO before PF/franchise (the responsible RC is computed against it, docs/modele-de-calcul.md §3). */
  readonly roBrut: Cents;
  /** Prix limite de vente of a 100 % Santé item, when the calculator knows it. */
  readonly plv?: Cents;
  /** Honoraires limites de facturation of a 100 % Santé dental act. */
  readonly hlf?: Cents;
  /** The legal cap of the line (optique category cap, audio classe II, non-OPTAM maximum). */
  readonly plafondLegal?: Cents;
  /** The frame's share of `fr` on an optical equipment (for « … dont 100 € monture max »). */
  readonly fraisMonture?: Cents;
  /** Days, nights or sessions in the line for per-unit guarantees (default 1). */
  readonly unites?: number;
}
