import type { Jour } from "../../core/dates";
import { plafondResponsable, plancherResponsable, type LimiteResponsable } from "../../core/calculators/limites-responsables";
import { lireDateSoins, lireTexte } from "../coercion";
import { diffuser, type Parametre } from "../diffusion";
import { estVide, type ArgumentExcel, type MatriceExcel, type ValeurCellule } from "../excel";

/** categorie: an optical category (text), an OPTAM level (a number such as 1,5 or « 150 % ») or an audio class. */
function lireCategorieLimite(v: ValeurCellule, nom: string): string | number | undefined {
  if (estVide(v)) return undefined;
  return typeof v === "number" ? v : lireTexte(v, nom);
}

const PARAMETRES: readonly Parametre[] = [
  { nom: "poste", lire: lireTexte },
  { nom: "categorie", lire: lireCategorieLimite },
  { nom: "date_soins", lire: lireDateSoins },
];

type Limite = (poste: string, categorie: string | number | undefined, date: Jour) => LimiteResponsable;

function limite(f: Limite, poste: ArgumentExcel, categorie: ArgumentExcel, date_soins: ArgumentExcel): MatriceExcel {
  // The value alone, in euros or as a multiple of the BR (1,3 = 130 % BR): the help page says which poste gives which.
  return diffuser(PARAMETRES, [poste, categorie, date_soins], (v) => f(v[0] as string, v[1] as string | number | undefined, v[2] as Jour).valeur);
}

/** REMB.PLAFOND(poste; [categorie]; [date_soins]) — the date selects the contract's responsible regime. */
export function plafond(poste: ArgumentExcel, categorie?: ArgumentExcel, date_soins?: ArgumentExcel): MatriceExcel {
  return limite(plafondResponsable, poste, categorie, date_soins);
}

/** REMB.PLANCHER(poste; [categorie]; [date_soins]) */
export function plancher(poste: ArgumentExcel, categorie?: ArgumentExcel, date_soins?: ArgumentExcel): MatriceExcel {
  return limite(plancherResponsable, poste, categorie, date_soins);
}
