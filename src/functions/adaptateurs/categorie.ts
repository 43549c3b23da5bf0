import { categorieEquipement, type TypeVerre } from "../../core/calculators/verres";
import { lireTypeVerre } from "../lecteurs";
import { diffuser, type Parametre } from "../diffusion";
import type { ArgumentExcel, MatriceExcel } from "../excel";

const PARAMETRES: readonly Parametre[] = [
  { nom: "verre_droit", lire: lireTypeVerre },
  { nom: "verre_gauche", lire: lireTypeVerre },
];

/** REMB.CATEGORIE(verre_droit; verre_gauche) → "a" … "f". */
export function categorie(verre_droit: ArgumentExcel, verre_gauche: ArgumentExcel): MatriceExcel {
  return diffuser(PARAMETRES, [verre_droit, verre_gauche], (v) => categorieEquipement(v[0] as TypeVerre, v[1] as TypeVerre));
}
