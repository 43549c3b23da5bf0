import { estRembError, horsChamp } from "../../core/errors";
import { eurosDepuisCents } from "../../core/money";
import { evaluerGarantie, normaliserGarantie, parseGarantie, type Garantie } from "../../core/garantie";
import { lireDateSoins, lireMontant, lireMontantOuDefaut, lireTexte } from "../coercion";
import { fonctionExcel } from "../diffusion";
import { estVide, type ValeurCellule } from "../excel";

function lireExpression(v: ValeurCellule, nom: string): Garantie {
  return parseGarantie(estVide(v) ? "" : lireTexte(v, nom));
}

/**
 * REMB.GARANTIE(expression; base; [frais]; [date_soins]): G, the total guaranteed Sécu incluse. REMB.GARANTIE has
 * no AMO rate, so the RO brut is unknown: G is computed with the lowest and the highest possible RO brut (0 and
 * the BR) and given only when both agree; otherwise the expression depends on the RO (« en sus du RO », « 50 %
 * TM »…) and the answer is #N/A pointing to REMB.SOINS, never a guess.
 */
export const garantie = fonctionExcel({ expression: lireExpression, base: lireMontant, frais: lireMontantOuDefaut, date_soins: lireDateSoins }, (v) => {
  const br = v.base;
  // Without frais, « frais réels » terms read the base: a bill equal to the BR.
  const fr = v.frais ?? br;
  const sansRo = evaluerGarantie(v.expression, { date: v.date_soins, br, fr, roBrut: 0 });
  const roMax = evaluerGarantie(v.expression, { date: v.date_soins, br, fr, roBrut: br });
  if (sansRo !== roMax) {
    throw horsChamp(
      "Cette garantie dépend du remboursement de la Sécurité sociale (« en sus du RO », pourcentage du TM…) : " +
        "utilisez REMB.SOINS avec le taux, resultat « DETAIL » pour voir le montant garanti.",
    );
  }
  return eurosDepuisCents(sansRo);
});

/**
 * REMB.NORMALISER(expression): the canonical text, or the parser's French message as text (a grid column can then
 * be read at a glance: the messages are the cells to fix).
 */
export const normaliser = fonctionExcel({ expression: (v: ValeurCellule, nom: string) => (estVide(v) ? "" : lireTexte(v, nom)) }, (v) => {
  try {
    return normaliserGarantie(v.expression);
  } catch (e) {
    if (estRembError(e) && e.code === "SYNTAXE_GARANTIE") return e.message;
    throw e;
  }
});
