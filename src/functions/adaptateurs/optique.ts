import { argumentInvalide } from "../../core/errors";
import { calculerOptique } from "../../core/calculators/optique";
import { lireMontant, lireMontantOuDefaut, motCle } from "../coercion";
import { lireCategorie, lireGarantieEuros } from "../lecteurs";
import { fonctionDecompte } from "../resultat";
import { decrireValeur, estVide, type ValeurCellule } from "../excel";

/** classe: « B » (default) or « A », also written « classe A ». */
function lireClasseOptique(v: ValeurCellule, nom: string): "A" | "B" | undefined {
  if (estVide(v)) return undefined;
  const s = typeof v === "string" ? motCle(v).replace(/^CLASSE /, "") : "";
  if (s === "A" || s === "B") return s;
  throw argumentInvalide(`${nom} : ${decrireValeur(v)} n'est pas valide — « A » (100 % Santé) ou « B » (prix libres) est attendu.`);
}

/** REMB.OPTIQUE(garantie; monture; verres; categorie; [classe]; [base]; [date_soins]; [resultat]) */
export const optique = fonctionDecompte(
  {
    garantie: lireGarantieEuros,
    monture: lireMontant,
    verres: lireMontant,
    categorie: lireCategorie,
    classe: lireClasseOptique,
    base: lireMontantOuDefaut,
  },
  (v, o) =>
    calculerOptique(
      {
        date: v.date_soins,
        garantie: v.garantie,
        monture: v.monture,
        verres: v.verres,
        categorie: v.categorie,
        classe: v.classe,
        base: v.base,
      },
      o,
    ),
);
