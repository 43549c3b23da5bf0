import { dateFr, type Jour } from "../../dates";
import { estNeant } from "../couverture";
import { euros } from "../echantillons";
import { centsAu } from "../points";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * rule « FPU ⚠ » ⚠: the forfait patient urgences (L160-13 I, since 2021-09-01) is said by the press and insurers to be
 * covered by responsible contracts, but the R871-2 hook was not found (docs/modele-de-calcul.md §14 point 4): a grid that leaves it
 * out gets an alerte, never an erreur.
 */
export const forfaitUrgences: Regle = {
  id: "FPU ⚠",
  enonce: "Le forfait patient urgences est réputé pris en charge par les contrats responsables (⚠ fondement réglementaire non établi).",
  applicable: (d: Jour) => centsAu("fpu.montant", d) !== null,
  verifier(v: Verification) {
    const montant = centsAu("fpu.montant", v.date)!;
    for (const i of v.lignes((p) => p.code === "hospi.fpu")) {
      for (const c of v.couverturesDe(i)) {
        if (!estNeant(c)) continue;
        v.signaler(
          this.id,
          "alerte",
          c,
          `Le forfait patient urgences (${euros(montant)} au ${dateFr(v.date)}) n'est pas pris en charge ; les contrats responsables le couvrent en pratique ` +
            `(⚠ obligation réglementaire non établie : à confirmer).`,
          "L160-13 I CSS (forfait patient urgences) ; R871-2 1° CSS ⚠",
        );
      }
    }
  },
};
