import { argumentInvalide } from "../../core/errors";
import type { Cents } from "../../core/money";
import type { Jour } from "../../core/dates";
import type { Garantie } from "../../core/garantie";
import { calculerAudio, classeAudioDepuisTexte } from "../../core/calculators/audio";
import { lireDateSoins, lireEntierOuDefaut, lireMontant } from "../coercion";
import { lireGarantieEuros } from "../lecteurs";
import { DETAIL_UNE_LIGNE, lireResultat, montantEuros, tableDetail, type Resultat } from "../resultat";
import { diffuser, type Parametre } from "../diffusion";
import { estVide, type ArgumentExcel, type MatriceExcel, type ValeurCellule } from "../excel";

/** classe: « II » (default), « I », 1, 2, « classe I »… (recognised by the core). */
function lireClasseAudio(v: ValeurCellule): "I" | "II" | undefined {
  if (estVide(v)) return undefined;
  return classeAudioDepuisTexte(typeof v === "number" ? String(v) : typeof v === "string" ? v : String(v));
}

const PARAMETRES: readonly Parametre[] = [
  { nom: "garantie", lire: lireGarantieEuros },
  { nom: "prix", lire: lireMontant },
  { nom: "classe", lire: lireClasseAudio },
  { nom: "age", lire: lireEntierOuDefaut },
  { nom: "date_soins", lire: lireDateSoins },
  { nom: "resultat", lire: lireResultat },
];

/** REMB.AUDIO(garantie; prix; [classe]; [age]; [date_soins]; [resultat]): one aid, one ear. */
export function audio(
  garantie: ArgumentExcel,
  prix: ArgumentExcel,
  classe?: ArgumentExcel,
  age?: ArgumentExcel,
  date_soins?: ArgumentExcel,
  resultat?: ArgumentExcel,
): MatriceExcel {
  return diffuser(PARAMETRES, [garantie, prix, classe, age, date_soins, resultat], (v, seul) => {
    const r = v[5] as Resultat;
    const detail = r === "DETAIL";
    if (detail && !seul) throw argumentInvalide(DETAIL_UNE_LIGNE);
    const d = calculerAudio(
      {
        date: v[4] as Jour,
        garantie: v[0] as Garantie,
        prix: v[1] as Cents,
        classe: v[2] as "I" | "II" | undefined,
        age: v[3] as number | undefined,
      },
      detail ? { detail } : undefined,
    );
    return detail ? tableDetail(d) : montantEuros(d, r);
  });
}
