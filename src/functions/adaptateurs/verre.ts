import { libelleTypeVerre, typeVerre } from "../../core/calculators/verres";
import { lireBooleenOuDefaut, lireNombre } from "../coercion";
import { diffuser, type Parametre } from "../diffusion";
import type { ArgumentExcel, MatriceExcel } from "../excel";

const PARAMETRES: readonly Parametre[] = [
  { nom: "sphere", lire: lireNombre },
  { nom: "cylindre", lire: lireNombre },
  { nom: "progressif", lire: lireBooleenOuDefaut },
];

/** REMB.VERRE(sphere; cylindre; [progressif]) → « simple », « complexe » or « très complexe » (2020 regime). */
export function verre(sphere: ArgumentExcel, cylindre: ArgumentExcel, progressif?: ArgumentExcel): MatriceExcel {
  return diffuser(PARAMETRES, [sphere, cylindre, progressif], (v) =>
    libelleTypeVerre(typeVerre(v[0] as number, v[1] as number, (v[2] as boolean | undefined) ?? false)),
  );
}
