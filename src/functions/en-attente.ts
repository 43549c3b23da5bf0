import { erreurIndisponible } from "./erreur-excel";
import type { MatriceExcel } from "./excel";

/** TEMPORARY: a function whose core calculator has not landed yet answers #N/A with this message. */
export function enAttente(fonction: string): MatriceExcel {
  return [[erreurIndisponible(`${fonction} : calcul pas encore disponible dans cette version de REMB.`)]];
}
