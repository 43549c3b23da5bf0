import { eurosDepuisCents } from "../../core/money";
import { calculerTsa } from "../../core/calculators/tsa";
import { lireBooleenOuDefaut, lireDateSoins, lireMontant } from "../coercion";
import { fonctionExcel } from "../diffusion";

/** REMB.TSA(cotisation; [responsable]; [date_soins]): responsable defaults to TRUE (solidaire and responsable). */
export const tsa = fonctionExcel({ cotisation: lireMontant, responsable: lireBooleenOuDefaut, date_soins: lireDateSoins }, (v) =>
  eurosDepuisCents(calculerTsa(v.cotisation, v.responsable ?? true, v.date_soins)),
);
