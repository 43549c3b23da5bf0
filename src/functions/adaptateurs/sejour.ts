import { argumentInvalide } from "../../core/errors";
import type { Cents, Taux } from "../../core/money";
import type { Jour } from "../../core/dates";
import type { Garantie } from "../../core/garantie";
import { calculerSejour } from "../../core/calculators/sejour";
import { lireBooleenOuDefaut, lireDateSoins, lireMontant, lireTauxOuDefaut } from "../coercion";
import { lireGarantieBR } from "../lecteurs";
import { DETAIL_UNE_LIGNE, lireResultat, montantEuros, tableDetail, type Resultat } from "../resultat";
import { diffuser, type Parametre } from "../diffusion";
import type { ArgumentExcel, MatriceExcel } from "../excel";

const PARAMETRES: readonly Parametre[] = [
  { nom: "frais", lire: lireMontant },
  { nom: "base", lire: lireMontant },
  { nom: "garantie", lire: lireGarantieBR },
  { nom: "acte_lourd", lire: lireBooleenOuDefaut },
  { nom: "taux_ro", lire: lireTauxOuDefaut },
  { nom: "date_soins", lire: lireDateSoins },
  { nom: "resultat", lire: lireResultat },
];

/** REMB.SEJOUR(frais; base; garantie; [acte_lourd]; [taux_ro]; [date_soins]; [resultat]) */
export function sejour(
  frais: ArgumentExcel,
  base: ArgumentExcel,
  garantie: ArgumentExcel,
  acte_lourd?: ArgumentExcel,
  taux_ro?: ArgumentExcel,
  date_soins?: ArgumentExcel,
  resultat?: ArgumentExcel,
): MatriceExcel {
  return diffuser(PARAMETRES, [frais, base, garantie, acte_lourd, taux_ro, date_soins, resultat], (v, seul) => {
    const r = v[6] as Resultat;
    const detail = r === "DETAIL";
    if (detail && !seul) throw argumentInvalide(DETAIL_UNE_LIGNE);
    const d = calculerSejour(
      {
        date: v[5] as Jour,
        fr: v[0] as Cents,
        br: v[1] as Cents,
        garantie: v[2] as Garantie,
        acteLourd: v[3] as boolean | undefined,
        tauxRo: v[4] as Taux | undefined,
      },
      detail ? { detail } : undefined,
    );
    return detail ? tableDetail(d) : montantEuros(d, r);
  });
}
