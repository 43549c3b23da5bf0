import type { Jour } from "../../dates";
import type { IdRegle } from "../../postes";
import { estNeant } from "../couverture";
import { refL871_1 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * L871-1 CSS (rules « L871-1 PF » and « L871-1 franchise »): a responsible contract does not cover the participation forfaitaire (L160-13 II) nor
 * the franchises médicales (L160-13 III). A grid line for them must read « Néant » / « Non pris en charge »: any
 * cover breaks the rule. (The calculators keep them in the RAC by computing the RC on the RO brut, docs/modele-de-calcul.md §3.)
 */
function regle(id: IdRegle, code: string, quoi: string, article: string): Regle {
  return {
    id,
    enonce: `Un contrat responsable ne prend pas en charge ${quoi}.`,
    applicable: (_d: Jour) => true,
    verifier(v: Verification) {
      for (const i of v.lignes((p) => p.code === code)) {
        for (const c of v.couverturesDe(i)) {
          if (estNeant(c)) continue;
          v.signaler(
            id,
            "erreur",
            c,
            `La grille prend en charge ${quoi} (« ${c.cellule.texte} ») : un contrat responsable ne peut pas la rembourser (${article}).`,
            refL871_1(v.date),
          );
        }
      }
    },
  };
}

export const participationForfaitaire = regle("L871-1 PF", "soins.participation-forfaitaire", "la participation forfaitaire", "L160-13 II CSS");
export const franchises = regle("L871-1 franchise", "soins.franchises", "les franchises médicales", "L160-13 III CSS");
