import { calculerSoins } from "../../core/calculators/soins";
import { lireMontant, lireTaux } from "../coercion";
import { lireGarantieBR, lireRetenue, lireSecteur } from "../lecteurs";
import { fonctionDecompte } from "../resultat";

/** REMB.SOINS(frais; base; taux_ro; garantie; [secteur]; [retenue]; [date_soins]; [resultat]) */
export const soins = fonctionDecompte(
  {
    frais: lireMontant,
    base: lireMontant,
    taux_ro: lireTaux,
    garantie: lireGarantieBR,
    secteur: lireSecteur,
    retenue: lireRetenue,
  },
  (v, o) => calculerSoins({ date: v.date_soins, fr: v.frais, br: v.base, tauxRo: v.taux_ro, garantie: v.garantie, secteur: v.secteur, retenue: v.retenue }, o),
);
