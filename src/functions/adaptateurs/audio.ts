import { calculerAudio, classeAudioDepuisTexte } from "../../core/calculators/audio";
import { lireAgeOuDefaut, lireMontant } from "../coercion";
import { lireGarantieEuros } from "../lecteurs";
import { fonctionDecompte } from "../resultat";
import { estVide, type ValeurCellule } from "../excel";

/** classe: « II » (default), « I », 1, 2, « classe I »… (recognised by the core). */
function lireClasseAudio(v: ValeurCellule): "I" | "II" | undefined {
  if (estVide(v)) return undefined;
  return classeAudioDepuisTexte(String(v));
}

/** REMB.AUDIO(garantie; prix; [classe]; [age]; [date_soins]; [resultat]): one aid, one ear. */
export const audio = fonctionDecompte(
  {
    garantie: lireGarantieEuros,
    prix: lireMontant,
    classe: lireClasseAudio,
    age: lireAgeOuDefaut,
  },
  (v, o) => calculerAudio({ date: v.date_soins, garantie: v.garantie, prix: v.prix, classe: v.classe, age: v.age }, o),
);
