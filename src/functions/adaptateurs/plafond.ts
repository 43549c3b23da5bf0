import { plafondResponsable, plancherResponsable } from "../../core/responsable/limites/limites-responsables";
import { lireDateSoins } from "../coercion";
import { fonctionExcel } from "../diffusion";
import type { ValeurCellule } from "../excel";
import { demandeLimite, lirePosteLimite } from "./limite-demandee";

/** categorie is read with the poste (limite-demandee.ts): what it means depends on it. */
const brute = (v: ValeurCellule): ValeurCellule => v;

const LECTEURS = { poste: lirePosteLimite, categorie: brute, date_soins: lireDateSoins };

/**
 * REMB.PLAFOND(poste; [categorie]; [date_soins]) — the date selects the contract's responsible regime. The value
 * alone, in euros or as a multiple of the BR (1,3 = 130 % BR): the help page says which poste gives which.
 */
export const plafond = fonctionExcel(LECTEURS, (v) => plafondResponsable(demandeLimite("plafond", v.poste, v.categorie, "categorie"), v.date_soins).valeur);

/** REMB.PLANCHER(poste; [categorie]; [date_soins]) */
export const plancher = fonctionExcel(LECTEURS, (v) => plancherResponsable(demandeLimite("plancher", v.poste, v.categorie, "categorie"), v.date_soins).valeur);
