import { calculerDentaire, panierDepuisTexte, type PanierDentaire } from "../../core/calculators/dentaire";
import { lireMontant, lireTauxOuDefaut, lireTexte } from "../coercion";
import { lireGarantieBR } from "../lecteurs";
import { fonctionDecompte } from "../resultat";
import { estVide, type ValeurCellule } from "../excel";

/** panier: « 100%SANTE », « MAITRISE », « LIBRE » (default) and their synonyms (core). */
function lirePanier(v: ValeurCellule, nom: string): PanierDentaire | undefined {
  return estVide(v) ? undefined : panierDepuisTexte(lireTexte(v, nom));
}

/** REMB.DENTAIRE(garantie; frais; base; [panier]; [taux_ro]; [date_soins]; [resultat]) */
export const dentaire = fonctionDecompte(
  {
    garantie: lireGarantieBR,
    frais: lireMontant,
    base: lireMontant,
    panier: lirePanier,
    taux_ro: lireTauxOuDefaut,
  },
  (v, o) => calculerDentaire({ date: v.date_soins, garantie: v.garantie, fr: v.frais, br: v.base, panier: v.panier, tauxRo: v.taux_ro }, o),
);
