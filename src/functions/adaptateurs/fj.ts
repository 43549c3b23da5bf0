import { eurosDepuisCents } from "../../core/money";
import type { Jour } from "../../core/dates";
import { forfaitJournalier } from "../../core/calculators/forfait-journalier";
import { lireBooleenOuDefaut, lireDateSoins, lireEntier } from "../coercion";
import { diffuser, type Parametre } from "../diffusion";
import type { ArgumentExcel, MatriceExcel } from "../excel";

const PARAMETRES: readonly Parametre[] = [
  { nom: "jours", lire: lireEntier },
  { nom: "psy", lire: lireBooleenOuDefaut },
  { nom: "date_soins", lire: lireDateSoins },
];

/** REMB.FJ(jours; [psy]; [date_soins]): the FJ due for a stay starting on date_soins. */
export function fj(jours: ArgumentExcel, psy?: ArgumentExcel, date_soins?: ArgumentExcel): MatriceExcel {
  return diffuser(PARAMETRES, [jours, psy, date_soins], (v) =>
    eurosDepuisCents(forfaitJournalier(v[0] as number, (v[1] as boolean | undefined) ?? false, v[2] as Jour)),
  );
}
