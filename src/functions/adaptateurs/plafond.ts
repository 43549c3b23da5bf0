import { plafondResponsable, plancherResponsable } from "../../core/responsable/limites/limites-responsables";
import { lireDateSoins, lireTexte } from "../coercion";
import { fonctionExcel } from "../diffusion";
import { estVide, type ValeurCellule } from "../excel";

/** categorie: an optical category (text), an OPTAM level (a number such as 1,5 or « 150 % ») or an audio class. */
function lireCategorieLimite(v: ValeurCellule, nom: string): string | number | undefined {
  if (estVide(v)) return undefined;
  return typeof v === "number" ? v : lireTexte(v, nom);
}

const LECTEURS = { poste: lireTexte, categorie: lireCategorieLimite, date_soins: lireDateSoins };

/**
 * REMB.PLAFOND(poste; [categorie]; [date_soins]) — the date selects the contract's responsible regime. The value
 * alone, in euros or as a multiple of the BR (1,3 = 130 % BR): the help page says which poste gives which.
 */
export const plafond = fonctionExcel(LECTEURS, (v) => plafondResponsable(v.poste, v.categorie, v.date_soins).valeur);

/** REMB.PLANCHER(poste; [categorie]; [date_soins]) */
export const plancher = fonctionExcel(LECTEURS, (v) => plancherResponsable(v.poste, v.categorie, v.date_soins).valeur);
