import type { Jour } from "../../dates";
import { TAUX_ZERO } from "../../money";
import { parametres } from "../../params";
import type { IdRegle } from "../../postes";
import { formules } from "../couverture";
import { bilan, point, toujours } from "../echantillons";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-2 7° and 8° (rules « R871-2 7° » and « R871-2 8° »): prothèses capillaires of the 100 % Santé class and VPH of the « prise en charge
 * renforcée » class are covered up to their PLV. In force from the version read (2025-11-28; ⚠ possibly
 * 2024-11-18, docs/modele-de-calcul.md §14 point 10): the start is a dated parameter. Their BR and PLV tables were not read, so a
 * cover written in % of the BR cannot be judged (alerte); « Néant », or a cover that never reaches the price, is an
 * erreur.
 */
function regle(id: IdRegle, alinea: string, code: string, parametre: string, quoi: string): Regle {
  return {
    id,
    enonce: `${majuscule(quoi)} : prise en charge obligatoire jusqu'au prix limite de vente.`,
    applicable: (d: Jour) => {
      try {
        return parametres.booleen(parametre, d);
      } catch {
        return false;
      }
    },
    verifier(v: Verification) {
      const ref = refR871_2(alinea, v.date);
      const points = [5000, 20000, 100000, 500000].map((plv) => point(v.date, 0, TAUX_ZERO, plv, { plv }));
      for (const i of v.lignes((p) => p.code === code)) {
        for (const c of v.couverturesDe(i)) {
          const b = bilan(c, points, (m, p) => m >= p.ctx.plv!);
          if (b.echecs.length === 0 && b.indecidables.length === 0) continue;
          const selonBr = formules(c).some((f) => f.termes.some((t) => t.terme.type === "pourcentage" && (t.terme.base === "BR" || t.terme.base === "TM")));
          if (toujours(b) && !selonBr) {
            v.signaler(
              id,
              "erreur",
              c,
              `${majuscule(quoi)} : la prise en charge doit aller jusqu'au prix limite de vente ; la garantie ne l'atteint pas.`,
              ref,
            );
          } else {
            v.signaler(
              id,
              "alerte",
              c,
              `${majuscule(quoi)} : la prise en charge doit aller jusqu'au prix limite de vente, invérifiable sur cette garantie (écrire « Frais réels dans la limite des PLV »).`,
              ref,
            );
          }
        }
      }
    },
  };
}

export const prothesesCapillaires = regle(
  "R871-2 7°",
  "7°",
  "autres.protheses-capillaires.100-sante",
  "responsable.capillaire_100s.couvert",
  "prothèses capillaires 100 % Santé",
);
export const vphRenforcee = regle(
  "R871-2 8°",
  "8°",
  "autres.vph.renforcee",
  "responsable.vph_renforcee.couvert",
  "véhicules pour personnes handicapées (classe à prise en charge renforcée)",
);

function majuscule(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
