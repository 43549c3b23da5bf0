import type { Jour } from "../../dates";
import { parametres } from "../../params";
import { debut100SanteAudio } from "../limites/regime-responsable";
import { plafondAudio } from "../limites/plafonds";
import type { Poste } from "../../postes";
import { bilan, euros } from "../echantillons";
import { ageDuLibelle, pointsAudio, tauxAu } from "../points";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-2 4° (rules « R871-2 4° classe I » and « R871-2 4° plafond »), contracts from responsable.regime_100s.audio.debut: classe I (100 % Santé) aids are
 * covered up to their PLV (audio.classe_1.plv.*); classe II aids up to audio.classe_2.plafond per aid, « incluant
 * la part des dépenses prise en charge par l'assurance maladie obligatoire et la participation ». A line
 * printed for both classes is held to both, unless the grid has a line of its own for the class at that level.
 */
export const audioClasseI: Regle = {
  id: "R871-2 4° classe I",
  enonce: "Les aides auditives 100 % Santé (classe I) doivent être prises en charge jusqu'au prix limite de vente.",
  applicable: (d: Jour) => d >= debut100SanteAudio(),
  verifier(v: Verification) {
    const ref = refR871_2("4°", v.date);
    const lpp = tauxAu("ro.taux.lpp", v.date);
    if (lpp === null) return;
    for (const i of lignesPourClasse(v, "I")) {
      const points = pointsAudio(v.date, lpp, "plv", ageDuLibelle(v.grille.lignes[i]!.libelle));
      for (const c of v.couverturesDe(i)) {
        const b = bilan(c, points, (m, p) => m >= p.ctx.plv!);
        if (b.indecidables.length > 0) {
          v.signaler(
            this.id,
            "alerte",
            c,
            `Aides auditives classe I : prise en charge jusqu'au prix limite de vente invérifiable (${b.indecidables[0]!.raison}).`,
            ref,
          );
        } else if (b.echecs.length > 0) {
          const cas = b.echecs.map((e) => `${e.point.cas} : ${euros(e.montant)} pour un PLV de ${euros(e.point.ctx.plv!)}`).join(" ; ");
          v.signaler(this.id, "erreur", c, `Aides auditives 100 % Santé (classe I) : la garantie n'atteint pas le prix limite de vente (${cas}).`, ref);
        }
      }
    }
  },
};

export const audioClasseII: Regle = {
  id: "R871-2 4° plafond",
  get enonce() {
    return `La prise en charge d'une aide auditive de classe II est limitée à ${euros(parametres.valeurActuelle("audio.classe_2.plafond").valeur as number)} par aide, Sécurité sociale incluse.`;
  },
  applicable: (d: Jour) => d >= debut100SanteAudio(),
  verifier(v: Verification) {
    const ref = refR871_2("4°", v.date);
    const lpp = tauxAu("ro.taux.lpp", v.date);
    if (lpp === null) return;
    const plafond = plafondAudio(v.date).valeur as number;
    for (const i of lignesPourClasse(v, "II")) {
      const points = pointsAudio(v.date, lpp, "illimite", ageDuLibelle(v.grille.lignes[i]!.libelle));
      for (const c of v.couverturesDe(i)) {
        const b = bilan(c, points, (m) => m <= plafond);
        if (b.indecidables.length > 0) {
          v.signaler(this.id, "alerte", c, `Aides auditives classe II : plafond de ${euros(plafond)} invérifiable (${b.indecidables[0]!.raison}).`, ref);
        } else if (b.echecs.length > 0) {
          const illimite = b.echecs.some((e) => e.montant >= e.point.ctx.fr);
          const cas = illimite ? "frais réels sans montant maximum" : b.echecs.map((e) => `${e.point.cas} : ${euros(e.montant)}`).join(" ; ");
          v.signaler(
            this.id,
            "erreur",
            c,
            `Aides auditives classe II : la garantie dépasse le plafond de ${euros(plafond)} par aide, Sécurité sociale incluse (${cas}).`,
            ref,
          );
        }
      }
    }
  },
};

/** Lines that carry the class's rule: the class's own lines, or a both-classes line when the grid has no line of its own. */
function lignesPourClasse(v: Verification, classe: "I" | "II"): number[] {
  const propres = v.lignes((p) => p.audio?.element === "aide" && p.audio.classe === classe);
  if (propres.length > 0) return propres;
  return v.lignes((p: Poste) => p.audio?.element === "aide" && p.audio.classe === undefined);
}
