import { erreurIndisponible } from "./erreur-excel";
import type { MatriceExcel } from "./excel";

/** TEMPORARY: functions whose core calculator has not landed yet; they answer #N/A with this message. */
export const EN_ATTENTE: ReadonlySet<string> = new Set(["DENTAIRE", "GARANTIE", "NORMALISER", "RENOUVELLEMENT"]);

export function enAttente(fonction: string): MatriceExcel {
  return [[erreurIndisponible(`${fonction} : calcul pas encore disponible dans cette version de REMB.`)]];
}
