import type { Jour } from "../../dates";
import { dateFr } from "../../dates";
import { parametres } from "../../params";
import { debutRegime2015 } from "../limites/regime-responsable";
import { plafondMonture } from "../limites/plafonds";
import { formules } from "../couverture";
import { FR_ILLIMITE, euros, point } from "../echantillons";
import { brMontureB, tauxAu } from "../points";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-2 3° (rule « R871-2 3° monture »): « dans tous les cas, la prise en charge d'une monture est limitée » to optique.monture.plafond
 * (dated by contract: 2015 and 2020 regimes), within the equipment amount; 2020 regime RO included, 2015 regime RO
 * on top.
 */
export const montureB: Regle = {
  id: "R871-2 3° monture",
  get enonce() {
    const v = parametres.valeurActuelle("optique.monture.plafond");
    return `La prise en charge d'une monture de classe B est limitée (${euros(v.valeur as number)} Sécurité sociale incluse pour les contrats depuis le ${dateFr(v.debut)}).`;
  },
  applicable: (d: Jour) => d >= debutRegime2015(),
  verifier(v: Verification) {
    const ref = refR871_2("3°", v.date);
    const lpp = tauxAu("ro.taux.lpp", v.date);
    const br = brMontureB(v.date);
    if (lpp === null || br === null) return;
    const limite = plafondMonture(v.date);
    const ctx = point(v.date, br, lpp, FR_ILLIMITE).ctx;
    const max = limite.inclutRo ? limite.montant : limite.montant + ctx.roBrut;
    for (const i of v.lignes((p) => p.optique?.classe === "B" && p.optique.element === "monture")) {
      for (const c of v.couverturesDe(i)) {
        const e = c.montant(ctx);
        if (!e.ok) {
          v.signaler(this.id, "alerte", c, `Monture : la garantie ne donne pas de montant (${e.raison}) ; la limite de ${euros(max)} est invérifiable.`, ref);
        } else if (e.montant > max) {
          v.signaler(
            this.id,
            "erreur",
            c,
            `Monture de classe B : la garantie atteint ${e.montant >= FR_ILLIMITE ? "les frais réels sans limite" : euros(e.montant)}, ` +
              `au-delà de la limite de ${euros(limite.montant)}${limite.inclutRo ? " Sécurité sociale incluse" : " hors remboursement de la Sécurité sociale (régime 2015)"}.`,
            ref,
          );
        }
      }
    }
    // « 420 € dont 150 € monture max » on an equipment line: the frame's share the cell allows is above the limit.
    for (const i of v.lignes((p) => p.optique?.classe === "B" && p.optique.element !== "monture")) {
      for (const c of v.couverturesDe(i)) {
        for (const f of formules(c)) {
          if (f.monture === undefined) continue;
          const part = f.convention === "RO_EN_SUS" ? f.monture + ctx.roBrut : f.monture;
          if (part > max) {
            v.signaler(
              this.id,
              "erreur",
              c,
              `Monture de classe B : la garantie en paie jusqu'à ${euros(part)} au sein de l'équipement, au-delà de la limite de ${euros(limite.montant)}` +
                `${limite.inclutRo ? " Sécurité sociale incluse" : " hors remboursement de la Sécurité sociale (régime 2015)"}.`,
              ref,
            );
          }
        }
      }
    }
  },
};
