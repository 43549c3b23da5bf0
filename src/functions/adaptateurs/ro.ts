import { eurosDepuisCents, type Cents, type Taux } from "../../core/money";
import { aujourdhui } from "../../core/dates";
import { roNet } from "../../core/calculators/ro";
import { montantRetenue, type Retenue } from "../../core/calculators/retenue";
import { lireMontant, lireTaux } from "../coercion";
import { lireRetenue } from "../lecteurs";
import { diffuser, type Parametre } from "../diffusion";
import type { ArgumentExcel, MatriceExcel } from "../excel";

const PARAMETRES: readonly Parametre[] = [
  { nom: "base", lire: lireMontant },
  { nom: "taux_ro", lire: lireTaux },
  { nom: "retenue", lire: lireRetenue },
];

/**
 * REMB.RO(base; taux_ro; [retenue]). The catalogue gives REMB.RO no care date, so a keyword retenue (« PF »…) is
 * valued at today's amount; REMB.SOINS values it on its date_soins.
 */
export function ro(base: ArgumentExcel, taux_ro: ArgumentExcel, retenue?: ArgumentExcel): MatriceExcel {
  return diffuser(PARAMETRES, [base, taux_ro, retenue], (v) => {
    const r = v[2] as Retenue | undefined;
    const montant = r === undefined ? undefined : montantRetenue(r, aujourdhui());
    return eurosDepuisCents(roNet(v[0] as Cents, v[1] as Taux, montant));
  });
}
