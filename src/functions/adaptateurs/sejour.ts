import { calculerSejour } from "../../core/calculators/sejour";
import { lireBooleenOuDefaut, lireMontant, lireTauxOuDefaut } from "../coercion";
import { lireGarantieBR } from "../lecteurs";
import { fonctionDecompte } from "../resultat";

/** REMB.SEJOUR(frais; base; garantie; [acte_lourd]; [taux_ro]; [date_soins]; [resultat]) */
export const sejour = fonctionDecompte(
  {
    frais: lireMontant,
    base: lireMontant,
    garantie: lireGarantieBR,
    acte_lourd: lireBooleenOuDefaut,
    taux_ro: lireTauxOuDefaut,
  },
  (v, o) => calculerSejour({ date: v.date_soins, fr: v.frais, br: v.base, garantie: v.garantie, acteLourd: v.acte_lourd, tauxRo: v.taux_ro }, o),
);
