import type { Jour } from "../../dates";
import { debut100SanteOptiqueDentaire } from "../limites/regime-responsable";
import { bilan, euros } from "../echantillons";
import { pointsDentaire100Sante, tauxAu } from "../points";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-2 5°, contracts from 2020-01-01: the 100 % Santé dental prosthetics are covered above the BR up to
 * the honoraires limites de facturation (HLF), so the RAC is 0. Checked on every 100 % Santé act whose BR and HLF
 * are dated parameters on the date; a line covering every basket carries the rule only when the grid has no
 * 100 % Santé line of its own.
 */
export const dentaire100Sante: Regle = {
  id: "R871-2 5°",
  enonce: "Les prothèses dentaires 100 % Santé doivent être prises en charge jusqu'aux honoraires limites de facturation.",
  applicable: (d: Jour) => d >= debut100SanteOptiqueDentaire(),
  verifier(v: Verification) {
    const ref = refR871_2("5°", v.date);
    const taux = tauxAu("ro.taux.dentaire", v.date);
    if (taux === null) return;
    const points = pointsDentaire100Sante(v.date, taux, "hlf");
    if (points.length === 0) return;
    let lignes = v.lignes((p) => p.panier?.length === 1 && p.panier[0] === "100%SANTE");
    if (lignes.length === 0) lignes = v.lignes((p) => p.code === "dentaire.protheses");
    for (const i of lignes) {
      for (const c of v.couverturesDe(i)) {
        const b = bilan(c, points, (m, p) => m >= p.ctx.hlf!);
        if (b.indecidables.length > 0) {
          v.signaler(this.id, "alerte", c, `Dentaire 100 % Santé : prise en charge jusqu'aux HLF invérifiable (${b.indecidables[0]!.raison}).`, ref);
        } else if (b.echecs.length > 0) {
          const exemples = b.echecs
            .slice(0, 3)
            .map((e) => `${e.point.cas} : ${euros(e.montant)}`)
            .join(" ; ");
          v.signaler(
            this.id,
            "erreur",
            c,
            `Prothèses dentaires 100 % Santé : la garantie n'atteint pas les honoraires limites de facturation pour ${b.echecs.length} acte(s) sur ${b.total} (${exemples}…) ; ` +
              `écrire « Frais réels dans la limite des HLF ».`,
            ref,
          );
        }
      }
    }
  },
};
