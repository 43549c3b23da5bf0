import { argumentInvalide } from "../../core/errors";
import type { Cents } from "../../core/money";
import type { Jour } from "../../core/dates";
import type { Garantie } from "../../core/garantie";
import { calculerOptique } from "../../core/calculators/optique";
import type { CategorieOptique } from "../../core/calculators/verres";
import { lireDateSoins, lireMontant, lireMontantOuDefaut, motCle } from "../coercion";
import { lireCategorie, lireGarantieEuros } from "../lecteurs";
import { DETAIL_UNE_LIGNE, lireResultat, montantEuros, tableDetail, type Resultat } from "../resultat";
import { diffuser, type Parametre } from "../diffusion";
import { decrireValeur, estVide, type ArgumentExcel, type MatriceExcel, type ValeurCellule } from "../excel";

/** classe: « B » (default) or « A », also written « classe A ». */
function lireClasseOptique(v: ValeurCellule, nom: string): "A" | "B" | undefined {
  if (estVide(v)) return undefined;
  const s = typeof v === "string" ? motCle(v).replace(/^CLASSE /, "") : "";
  if (s === "A" || s === "B") return s;
  throw argumentInvalide(`${nom} : ${decrireValeur(v)} n'est pas valide — « A » (100 % Santé) ou « B » (prix libres) est attendu.`);
}

const PARAMETRES: readonly Parametre[] = [
  { nom: "garantie", lire: lireGarantieEuros },
  { nom: "monture", lire: lireMontant },
  { nom: "verres", lire: lireMontant },
  { nom: "categorie", lire: lireCategorie },
  { nom: "classe", lire: lireClasseOptique },
  { nom: "base", lire: lireMontantOuDefaut },
  { nom: "date_soins", lire: lireDateSoins },
  { nom: "resultat", lire: lireResultat },
];

/** REMB.OPTIQUE(garantie; monture; verres; categorie; [classe]; [base]; [date_soins]; [resultat]) */
export function optique(
  garantie: ArgumentExcel,
  monture: ArgumentExcel,
  verres: ArgumentExcel,
  categorie: ArgumentExcel,
  classe?: ArgumentExcel,
  base?: ArgumentExcel,
  date_soins?: ArgumentExcel,
  resultat?: ArgumentExcel,
): MatriceExcel {
  return diffuser(PARAMETRES, [garantie, monture, verres, categorie, classe, base, date_soins, resultat], (v, seul) => {
    const r = v[7] as Resultat;
    const detail = r === "DETAIL";
    if (detail && !seul) throw argumentInvalide(DETAIL_UNE_LIGNE);
    const d = calculerOptique(
      {
        date: v[6] as Jour,
        garantie: v[0] as Garantie,
        monture: v[1] as Cents,
        verres: v[2] as Cents,
        categorie: v[3] as CategorieOptique,
        classe: v[4] as "A" | "B" | undefined,
        base: v[5] as Cents | undefined,
      },
      detail ? { detail } : undefined,
    );
    return detail ? tableDetail(d) : montantEuros(d, r);
  });
}
