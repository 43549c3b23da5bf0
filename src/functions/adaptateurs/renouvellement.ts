import { domaineDepuisTexte, motifDepuisTexte, renouvellementPossible } from "../../core/calculators/renouvellement";
import { lireDate, lireAgeOuDefaut, lireTexte } from "../coercion";
import { fonctionExcel } from "../diffusion";
import { estVide, type ValeurCellule } from "../excel";

/** REMB.RENOUVELLEMENT(domaine; date_precedent; date_achat; [age]; [motif]) → TRUE / FALSE. */
export const renouvellement = fonctionExcel(
  {
    domaine: (v: ValeurCellule, nom: string) => domaineDepuisTexte(lireTexte(v, nom)),
    date_precedent: lireDate,
    date_achat: lireDate,
    age: lireAgeOuDefaut,
    motif: (v: ValeurCellule, nom: string) => (estVide(v) ? undefined : motifDepuisTexte(lireTexte(v, nom))),
  },
  (v) => renouvellementPossible({ domaine: v.domaine, precedent: v.date_precedent, achat: v.date_achat, age: v.age, motif: v.motif }).possible,
);
