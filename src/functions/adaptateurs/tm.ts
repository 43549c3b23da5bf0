import { eurosDepuisCents } from "../../core/money";
import { ticketModerateur } from "../../core/calculators/ro";
import { lireMontant, lireMontantOuDefaut, lireTaux } from "../coercion";
import { fonctionExcel } from "../diffusion";

/** REMB.TM(base; taux_ro; [frais]) */
export const tm = fonctionExcel({ base: lireMontant, taux_ro: lireTaux, frais: lireMontantOuDefaut }, (v) =>
  eurosDepuisCents(ticketModerateur(v.base, v.taux_ro, v.frais)),
);
