import { argumentInvalide } from "../../core/errors";
import type { Cents, Taux } from "../../core/money";
import type { Jour } from "../../core/dates";
import type { Garantie } from "../../core/garantie";
import { calculerDentaire, panierDepuisTexte, type PanierDentaire } from "../../core/calculators/dentaire";
import { lireDateSoins, lireMontant, lireTauxOuDefaut, lireTexte } from "../coercion";
import { lireGarantieBR } from "../lecteurs";
import { DETAIL_UNE_LIGNE, lireResultat, montantEuros, tableDetail, type Resultat } from "../resultat";
import { diffuser, type Parametre } from "../diffusion";
import { estVide, type ArgumentExcel, type MatriceExcel, type ValeurCellule } from "../excel";

/** panier: « 100%SANTE », « MAITRISE », « LIBRE » (default) and their synonyms (core). */
function lirePanier(v: ValeurCellule, nom: string): PanierDentaire | undefined {
  return estVide(v) ? undefined : panierDepuisTexte(lireTexte(v, nom));
}

const PARAMETRES: readonly Parametre[] = [
  { nom: "garantie", lire: lireGarantieBR },
  { nom: "frais", lire: lireMontant },
  { nom: "base", lire: lireMontant },
  { nom: "panier", lire: lirePanier },
  { nom: "taux_ro", lire: lireTauxOuDefaut },
  { nom: "date_soins", lire: lireDateSoins },
  { nom: "resultat", lire: lireResultat },
];

/** REMB.DENTAIRE(garantie; frais; base; [panier]; [taux_ro]; [date_soins]; [resultat]) */
export function dentaire(
  garantie: ArgumentExcel,
  frais: ArgumentExcel,
  base: ArgumentExcel,
  panier?: ArgumentExcel,
  taux_ro?: ArgumentExcel,
  date_soins?: ArgumentExcel,
  resultat?: ArgumentExcel,
): MatriceExcel {
  return diffuser(PARAMETRES, [garantie, frais, base, panier, taux_ro, date_soins, resultat], (v, seul) => {
    const r = v[6] as Resultat;
    const detail = r === "DETAIL";
    if (detail && !seul) throw argumentInvalide(DETAIL_UNE_LIGNE);
    const d = calculerDentaire(
      {
        date: v[5] as Jour,
        garantie: v[0] as Garantie,
        fr: v[1] as Cents,
        br: v[2] as Cents,
        panier: v[3] as PanierDentaire | undefined,
        tauxRo: v[4] as Taux | undefined,
      },
      detail ? { detail } : undefined,
    );
    return detail ? tableDetail(d) : montantEuros(d, r);
  });
}
