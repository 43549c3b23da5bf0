import { scenariosAuJour } from "../../core/comparaison/scenarios";
import { tableScenarios } from "../../core/comparaison/table";
import { lireDateSoins } from "../coercion";
import { erreurExcel } from "../erreur-excel";
import type { ArgumentExcel, MatriceExcel, ValeurCellule } from "../excel";

/**
 * REMB.SCENARIOS([date_soins]): the standard care scenarios of broker comparisons as one spilled table, read at the
 * date (prices that are legal amounts, BR and RO rates from the dated parameters). Loaded on first use (webpack chunk
 * « scenarios »): the scenario data is not needed by the calculators.
 */
export function scenarios(date_soins?: ArgumentExcel): MatriceExcel {
  try {
    const v = Array.isArray(date_soins) ? (date_soins[0]?.[0] as ValeurCellule) : (date_soins as ValeurCellule);
    return tableScenarios(scenariosAuJour(lireDateSoins(v)));
  } catch (e) {
    return [[erreurExcel(e)]];
  }
}
