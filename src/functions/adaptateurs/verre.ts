import { libelleTypeVerre, typeVerre } from "../../core/calculators/verres";
import { lireBooleenOuDefaut, lireNombre } from "../coercion";
import { fonctionExcel } from "../diffusion";

/** REMB.VERRE(sphere; cylindre; [progressif]) → « simple », « complexe » or « très complexe » (2020 regime). */
export const verre = fonctionExcel({ sphere: lireNombre, cylindre: lireNombre, progressif: lireBooleenOuDefaut }, (v) =>
  libelleTypeVerre(typeVerre(v.sphere, v.cylindre, v.progressif ?? false)),
);
