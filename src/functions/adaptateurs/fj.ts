import { eurosDepuisCents } from "../../core/money";
import { forfaitJournalier } from "../../core/calculators/forfait-journalier";
import { lireBooleenOuDefaut, lireDateSoins, lireJours } from "../coercion";
import { fonctionExcel } from "../diffusion";

/** REMB.FJ(jours; [psy]; [date_soins]): the FJ due for a stay starting on date_soins. */
export const fj = fonctionExcel({ jours: lireJours, psy: lireBooleenOuDefaut, date_soins: lireDateSoins }, (v) =>
  eurosDepuisCents(forfaitJournalier(v.jours, v.psy ?? false, v.date_soins)),
);
