import type { Jour } from "../../core/dates";
import {
  domaineDepuisTexte,
  motifDepuisTexte,
  renouvellementPossible,
  type DomaineRenouvellement,
  type MotifRenouvellement,
} from "../../core/calculators/renouvellement";
import { lireDate, lireEntierOuDefaut, lireTexte } from "../coercion";
import { diffuser, type Parametre } from "../diffusion";
import { estVide, type ArgumentExcel, type MatriceExcel, type ValeurCellule } from "../excel";

const PARAMETRES: readonly Parametre[] = [
  { nom: "domaine", lire: (v, nom) => domaineDepuisTexte(lireTexte(v, nom)) },
  { nom: "date_precedent", lire: lireDate },
  { nom: "date_achat", lire: lireDate },
  { nom: "age", lire: lireEntierOuDefaut },
  { nom: "motif", lire: (v: ValeurCellule, nom: string) => (estVide(v) ? undefined : motifDepuisTexte(lireTexte(v, nom))) },
];

/** REMB.RENOUVELLEMENT(domaine; date_precedent; date_achat; [age]; [motif]) → TRUE / FALSE. */
export function renouvellement(
  domaine: ArgumentExcel,
  date_precedent: ArgumentExcel,
  date_achat: ArgumentExcel,
  age?: ArgumentExcel,
  motif?: ArgumentExcel,
): MatriceExcel {
  return diffuser(PARAMETRES, [domaine, date_precedent, date_achat, age, motif], (v) =>
    renouvellementPossible({
      domaine: v[0] as DomaineRenouvellement,
      precedent: v[1] as Jour,
      achat: v[2] as Jour,
      age: v[3] as number | undefined,
      motif: v[4] as MotifRenouvellement | undefined,
    }).possible,
  );
}
