import type { Jour } from "../../dates";
import { debut100SanteOptiqueDentaire } from "../limites/regime-responsable";
import { bilan, euros, toujours } from "../echantillons";
import { pointsClasseA, tauxAu } from "../points";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-2 3°, first dash (rule « R871-2 3° classe A »): for classe A (100 % Santé) lenses and frames, the contract covers « les frais
 * exposés … au-delà des tarifs de responsabilité, dans la limite des prix limites de vente », so the RAC is 0 at the
 * PLV. Contracts from 2020-01-01. A cover that reaches the PLV only below some price (a forfait) cannot be judged
 * without the LPP table of PLV (not read, docs/modele-de-calcul.md §14 point 6): alerte.
 */
export const optiqueClasseA: Regle = {
  id: "R871-2 3° classe A",
  enonce: "L'équipement optique 100 % Santé (classe A) doit être pris en charge jusqu'au prix limite de vente.",
  applicable: (d: Jour) => d >= debut100SanteOptiqueDentaire(),
  verifier(v: Verification) {
    const ref = refR871_2("3°", v.date);
    const lpp = tauxAu("ro.taux.lpp", v.date);
    if (lpp === null) return;
    const points = pointsClasseA(v.date, lpp);
    if (points.length === 0) return;
    for (const i of v.lignes((p) => p.optique?.classe === "A")) {
      for (const c of v.couverturesDe(i)) {
        const b = bilan(c, points, (m, p) => m >= p.ctx.plv!);
        if (b.indecidables.length > 0) {
          v.signaler(
            this.id,
            "alerte",
            c,
            `Optique 100 % Santé : impossible de vérifier la prise en charge jusqu'au prix limite de vente (${b.indecidables[0]!.raison}).`,
            ref,
          );
        } else if (toujours(b)) {
          v.signaler(
            this.id,
            "erreur",
            c,
            `Optique 100 % Santé : la garantie ne couvre pas l'équipement jusqu'au prix limite de vente (écrire « Frais réels dans la limite des PLV »).`,
            ref,
          );
        } else if (b.echecs.length > 0) {
          const e = b.echecs[0]!;
          v.signaler(
            this.id,
            "alerte",
            c,
            `Optique 100 % Santé : la garantie ne couvre le prix limite de vente que jusqu'à un certain prix (${euros(e.montant)} pour un article à ${euros(e.point.ctx.plv!)}) ; ` +
              `la prise en charge doit aller jusqu'au PLV de chaque article.`,
            ref,
          );
        }
      }
    }
  },
};
