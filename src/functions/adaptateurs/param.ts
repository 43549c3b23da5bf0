import { eurosDepuisCents, tauxEnNombre, type Taux } from "../../core/money";
import { serieDepuisJour, type Jour } from "../../core/dates";
import { parametres } from "../../core/params";
import { lireDateSoins, lireTexte } from "../coercion";
import { fonctionExcel } from "../diffusion";
import type { SortieCellule } from "../excel";

/**
 * REMB.PARAM(nom; [date_soins]): the value in force on that date, as Excel shows it: euros for amounts, a decimal
 * for rates (0,1327 — format the cell as %), whole numbers for counts and durations, TRUE/FALSE, and a date serial
 * for dates. Names are the dotted names of docs/parametres.md, case-insensitive.
 */
export const param = fonctionExcel({ nom: lireTexte, date_soins: lireDateSoins }, (v) => valeurExcel(v.nom.toLowerCase(), v.date_soins));

function valeurExcel(nom: string, jour: Jour): SortieCellule {
  const p = parametres.definition(nom);
  const valeur = parametres.valeurDatee(nom, jour).valeur;
  switch (p.unite) {
    case "EUR":
    case "EUR/day":
      return eurosDepuisCents(valeur as number);
    case "/1":
    case "×BR":
    case "D":
      return tauxEnNombre(valeur as Taux);
    case "date":
      return serieDepuisJour(valeur as Jour);
    case "boolean":
      return valeur as boolean;
    default:
      return valeur as number;
  }
}
