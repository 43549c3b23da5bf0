import { eurosDepuisCents } from "../../core/money";
import { aujourdhui } from "../../core/dates";
import { roNet } from "../../core/calculators/ro";
import { montantRetenue } from "../../core/calculators/retenue";
import { lireMontant, lireTaux } from "../coercion";
import { lireRetenue } from "../lecteurs";
import { fonctionExcel } from "../diffusion";

/**
 * REMB.RO(base; taux_ro; [retenue]). The catalogue gives REMB.RO no care date, so a keyword retenue (« PF »…) is
 * valued at today's amount; REMB.SOINS values it on its date_soins.
 */
export const ro = fonctionExcel({ base: lireMontant, taux_ro: lireTaux, retenue: lireRetenue }, (v) => {
  const montant = v.retenue === undefined ? undefined : montantRetenue(v.retenue, aujourdhui());
  return eurosDepuisCents(roNet(v.base, v.taux_ro, montant));
});
