import { estRembError, horsChamp } from "../../core/errors";
import { eurosDepuisCents, type Cents } from "../../core/money";
import type { Jour } from "../../core/dates";
import { evaluerGarantie, normaliserGarantie, parseGarantie, type Garantie } from "../../core/garantie";
import { lireDateSoins, lireMontant, lireMontantOuDefaut, lireTexte } from "../coercion";
import { diffuser, type Parametre } from "../diffusion";
import { estVide, type ArgumentExcel, type MatriceExcel, type ValeurCellule } from "../excel";

function lireExpression(v: ValeurCellule, nom: string): Garantie {
  return parseGarantie(estVide(v) ? "" : lireTexte(v, nom));
}

const PARAMETRES_GARANTIE: readonly Parametre[] = [
  { nom: "expression", lire: lireExpression },
  { nom: "base", lire: lireMontant },
  { nom: "frais", lire: lireMontantOuDefaut },
  { nom: "date_soins", lire: lireDateSoins },
];

/**
 * REMB.GARANTIE(expression; base; [frais]; [date_soins]): G, the total guaranteed Sécu incluse. REMB.GARANTIE has
 * no AMO rate, so the RO brut is unknown: G is computed with the lowest and the highest possible RO brut (0 and
 * the BR) and given only when both agree; otherwise the expression depends on the RO (« en sus du RO », « 50 %
 * TM »…) and the answer is #N/A pointing to REMB.SOINS, never a guess.
 */
export function garantie(expression: ArgumentExcel, base: ArgumentExcel, frais?: ArgumentExcel, date_soins?: ArgumentExcel): MatriceExcel {
  return diffuser(PARAMETRES_GARANTIE, [expression, base, frais, date_soins], (v) => {
    const g = v[0] as Garantie;
    const br = v[1] as Cents;
    // Without frais, « frais réels » terms read the base: a bill equal to the BR.
    const fr = (v[2] as Cents | undefined) ?? br;
    const date = v[3] as Jour;
    const sansRo = evaluerGarantie(g, { date, br, fr, roBrut: 0 });
    const roMax = evaluerGarantie(g, { date, br, fr, roBrut: br });
    if (sansRo !== roMax) {
      throw horsChamp(
        "Cette garantie dépend du remboursement de la Sécurité sociale (« en sus du RO », pourcentage du TM…) : " +
          "utilisez REMB.SOINS avec le taux, resultat « DETAIL » pour voir le montant garanti.",
      );
    }
    return eurosDepuisCents(sansRo);
  });
}

const PARAMETRES_NORMALISER: readonly Parametre[] = [{ nom: "expression", lire: (v, nom) => (estVide(v) ? "" : lireTexte(v, nom)) }];

/**
 * REMB.NORMALISER(expression): the canonical text, or the parser's French message as text (a grid column can then
 * be read at a glance: the messages are the cells to fix).
 */
export function normaliser(expression: ArgumentExcel): MatriceExcel {
  return diffuser(PARAMETRES_NORMALISER, [expression], (v) => {
    try {
      return normaliserGarantie(v[0] as string);
    } catch (e) {
      if (estRembError(e) && e.code === "SYNTAXE_GARANTIE") return e.message;
      throw e;
    }
  });
}
