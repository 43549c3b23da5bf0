import type { Jour } from "../../dates";
import { appliquerTaux } from "../../money";
import { parametres } from "../../params";
import { bilan, euros, pct, pourcentageBr } from "../echantillons";
import { centsAu, pointsActes, tauxAu, tauxDuPoste } from "../points";
import { refD911_1 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";
import { equipementsClasseB } from "./optique-equipement";

/**
 * D911-1 CSS, mandatory collective (company) contracts only, from the first date of the ani.* parameters
 * (⚠ date truncated in the copy read): optique classe B forfaits of at least ani.optique.plancher.* within the
 * R871-2 caps, and dental prosthetics and ODF outside 100 % Santé at ani.dentaire.prothese_odf.minimum × BR at
 * least (⚠ read as Sécu incluse: alerte, not erreur).
 * Runs only when the grid is flagged « collectif ».
 */
export const ani: Regle = {
  id: "D911-1",
  get enonce() {
    const minimum = Number(parametres.valeurActuelle("ani.dentaire.prothese_odf.minimum").brute) * 100;
    return `Les contrats collectifs obligatoires couvrent au minimum certains forfaits optiques et ${pct(minimum)} de la BR en prothèses dentaires et orthodontie.`;
  },
  applicable: (d: Jour) => tauxAu("ani.dentaire.prothese_odf.minimum", d) !== null,
  verifier(v: Verification) {
    if (v.grille.collectif !== true) return;
    for (const { c, categories, eq, borne } of equipementsClasseB(v)) {
      if ("raison" in eq || borne === "plafond") continue;
      const sous = categories.map((cat) => ({ cat, min: centsAu(`ani.optique.plancher.${cat}`, v.date) })).filter((x) => x.min !== null && eq.montant < x.min);
      if (sous.length > 0) {
        const compo = eq.composition ? ` (${eq.composition})` : "";
        const message = `Contrat collectif obligatoire : l'équipement optique (${euros(eq.montant)}${compo}) est sous le minimum (${sous.map((x) => `${x.cat} : ${euros(x.min!)}`).join(", ")}).`;
        // A floor missed by the per-lens reading (the higher total) is missed by the per-pair reading too; a total
        // that hangs on an old lens tariff is not sure.
        const sur = eq.doute === undefined || eq.montantAutreLecture !== undefined;
        v.signaler(this.id, sur ? "erreur" : "alerte", c, sur ? message : `${message} À vérifier : ${eq.doute}`, refD911_1(v.date));
      }
    }
    const minimum = parametres.valeurDatee("ani.dentaire.prothese_odf.minimum", v.date);
    const taux = minimum.valeur as Parameters<typeof appliquerTaux>[1];
    for (const i of v.lignes((p) => p.regles.includes("D911-1") && p.section === "dentaire")) {
      const t = tauxDuPoste(v.posteDe(i)!, v.date);
      if (t === null) continue;
      for (const c of v.couverturesDe(i)) {
        const b = bilan(
          c,
          pointsActes(v.date, t, (br) => appliquerTaux(br, taux)),
          (m, p) => m >= appliquerTaux(p.ctx.br, taux),
        );
        if (b.echecs.length === 0) continue;
        const x = pourcentageBr(c, v.date, t);
        v.signaler(
          this.id,
          "alerte",
          c,
          `Contrat collectif obligatoire : prothèses et orthodontie hors 100 % Santé couvertes à ${x !== undefined ? `${pct(x)} de la BR` : `« ${c.cellule.texte} »`}, ` +
            `sous le minimum de ${pct(Number(minimum.brute) * 100)} de la BR (⚠ lu Sécurité sociale incluse).`,
          refD911_1(v.date),
        );
      }
    }
  },
};
