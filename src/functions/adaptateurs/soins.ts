import { argumentInvalide } from "../../core/errors";
import type { Cents, Taux } from "../../core/money";
import type { Jour } from "../../core/dates";
import type { Garantie } from "../../core/garantie";
import { calculerSoins } from "../../core/calculators/soins";
import type { Retenue } from "../../core/calculators/retenue";
import type { Secteur } from "../../core/calculators/secteur";
import { lireDateSoins, lireMontant, lireTaux } from "../coercion";
import { lireGarantieBR, lireRetenue, lireSecteur } from "../lecteurs";
import { DETAIL_UNE_LIGNE, lireResultat, montantEuros, tableDetail, type Resultat } from "../resultat";
import { diffuser, type Parametre } from "../diffusion";
import type { ArgumentExcel, MatriceExcel } from "../excel";

const PARAMETRES: readonly Parametre[] = [
  { nom: "frais", lire: lireMontant },
  { nom: "base", lire: lireMontant },
  { nom: "taux_ro", lire: lireTaux },
  { nom: "garantie", lire: lireGarantieBR },
  { nom: "secteur", lire: lireSecteur },
  { nom: "retenue", lire: lireRetenue },
  { nom: "date_soins", lire: lireDateSoins },
  { nom: "resultat", lire: lireResultat },
];

/** REMB.SOINS(frais; base; taux_ro; garantie; [secteur]; [retenue]; [date_soins]; [resultat]) */
export function soins(
  frais: ArgumentExcel,
  base: ArgumentExcel,
  taux_ro: ArgumentExcel,
  garantie: ArgumentExcel,
  secteur?: ArgumentExcel,
  retenue?: ArgumentExcel,
  date_soins?: ArgumentExcel,
  resultat?: ArgumentExcel,
): MatriceExcel {
  return diffuser(PARAMETRES, [frais, base, taux_ro, garantie, secteur, retenue, date_soins, resultat], (v, seul) => {
    const r = v[7] as Resultat;
    const detail = r === "DETAIL";
    if (detail && !seul) throw argumentInvalide(DETAIL_UNE_LIGNE);
    const d = calculerSoins(
      {
        date: v[6] as Jour,
        fr: v[0] as Cents,
        br: v[1] as Cents,
        tauxRo: v[2] as Taux,
        garantie: v[3] as Garantie,
        secteur: v[4] as Secteur | undefined,
        retenue: v[5] as Retenue | undefined,
      },
      detail ? { detail } : undefined,
    );
    return detail ? tableDetail(d) : montantEuros(d, r);
  });
}
