import { eurosDepuisCents, type Cents, type Taux } from "../../core/money";
import { ticketModerateur } from "../../core/calculators/ro";
import { lireMontant, lireMontantOuDefaut, lireTaux } from "../coercion";
import { diffuser, type Parametre } from "../diffusion";
import type { ArgumentExcel, MatriceExcel } from "../excel";

const PARAMETRES: readonly Parametre[] = [
  { nom: "base", lire: lireMontant },
  { nom: "taux_ro", lire: lireTaux },
  { nom: "frais", lire: lireMontantOuDefaut },
];

/** REMB.TM(base; taux_ro; [frais]) */
export function tm(base: ArgumentExcel, taux_ro: ArgumentExcel, frais?: ArgumentExcel): MatriceExcel {
  return diffuser(PARAMETRES, [base, taux_ro, frais], (v) =>
    eurosDepuisCents(ticketModerateur(v[0] as Cents, v[1] as Taux, v[2] as Cents | undefined)),
  );
}
