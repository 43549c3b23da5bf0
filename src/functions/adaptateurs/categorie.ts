import { categorieEquipement } from "../../core/calculators/verres";
import { lireTypeVerre } from "../lecteurs";
import { fonctionExcel } from "../diffusion";

/** REMB.CATEGORIE(verre_droit; verre_gauche) → "a" … "f". */
export const categorie = fonctionExcel({ verre_droit: lireTypeVerre, verre_gauche: lireTypeVerre }, (v) => categorieEquipement(v.verre_droit, v.verre_gauche));
