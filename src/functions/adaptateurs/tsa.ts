import { eurosDepuisCents, type Cents } from "../../core/money";
import type { Jour } from "../../core/dates";
import { calculerTsa } from "../../core/calculators/tsa";
import { lireBooleenOuDefaut, lireDateSoins, lireMontant } from "../coercion";
import { diffuser, type Parametre } from "../diffusion";
import type { ArgumentExcel, MatriceExcel } from "../excel";

const PARAMETRES: readonly Parametre[] = [
  { nom: "cotisation", lire: lireMontant },
  { nom: "responsable", lire: lireBooleenOuDefaut },
  { nom: "date_soins", lire: lireDateSoins },
];

/** REMB.TSA(cotisation; [responsable]; [date_soins]): responsable defaults to TRUE (solidaire and responsable). */
export function tsa(cotisation: ArgumentExcel, responsable?: ArgumentExcel, date_soins?: ArgumentExcel): MatriceExcel {
  return diffuser(PARAMETRES, [cotisation, responsable, date_soins], (v) =>
    eurosDepuisCents(calculerTsa(v[0] as Cents, (v[1] as boolean | undefined) ?? true, v[2] as Jour)),
  );
}
