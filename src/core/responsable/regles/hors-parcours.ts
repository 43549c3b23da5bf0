import type { Jour } from "../../dates";
import { Dec, appliquerTaux, tauxDepuisTexte, tauxEnTexte } from "../../money";
import { debutRegime2015 } from "../limites/regime-responsable";
import type { Couverture } from "../couverture";
import { BRS_ECHANTILLON, FR_ILLIMITE, euros, point } from "../echantillons";
import { tauxAu } from "../points";
import { refR871_1 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-1 1° and 2° (rules « R871-1 1° » and « R871-1 2° »), since 2015-04-01: out of the parcours de soins, the contract covers neither the
 * majoration of the participation (the AMO rate drops by 40 points) nor the dépassements autorisés. The normal TM
 * may be covered. A Sécu-incluse cell is read against the normal rate (rule « R871-1 1° »: the calculator computes the RC
 * against a virtual RO at the normal rate), so at most 100 % BR; a cell « en sus du RO » pays on top of the reduced
 * RO, so at most the normal TM (the majoration would otherwise be covered).
 */
export const majorationHorsParcours: Regle = {
  id: "R871-1 1°",
  enonce: "Hors parcours de soins, la majoration du ticket modérateur ne peut pas être prise en charge.",
  applicable: (d: Jour) => d >= debutRegime2015(),
  verifier(v: Verification) {
    const normal = tauxAu("ro.taux.consultation_medecin", v.date);
    const majoration = tauxAu("ro.hors_parcours.majoration", v.date);
    if (normal === null || majoration === null) return;
    // R160-6: the majoration lowers the AMO rate by its points (70 % − 40 = 30 %).
    const reduit = tauxDepuisTexte(new Dec(tauxEnTexte(normal)).minus(tauxEnTexte(majoration)).toFixed());
    for (const i of v.lignes((p) => p.code === "soins.hors-parcours")) {
      for (const c of v.couverturesDe(i)) {
        if (!enSusDuRo(c)) continue;
        for (const br of BRS_ECHANTILLON) {
          // RO at the reduced rate (70 % − 40 points = 30 %): the part paid on top of it must not exceed the normal TM.
          const ctxNormal = point(v.date, br, normal, br).ctx;
          const tmNormal = br - ctxNormal.roBrut;
          const roReduit = appliquerTaux(br, reduit);
          const e = c.montant({ ...ctxNormal, roBrut: roReduit });
          if (e.ok && e.montant - roReduit > tmNormal) {
            v.signaler(
              this.id,
              "erreur",
              c,
              `Hors parcours de soins, la garantie (« ${c.cellule.texte} ») dépasse le ticket modérateur normal (${euros(tmNormal)} pour une BR de ${euros(br)}) : elle couvre la majoration.`,
              refR871_1("1°", v.date),
            );
            break;
          }
        }
      }
    }
  },
};

export const depassementsHorsParcours: Regle = {
  id: "R871-1 2°",
  enonce: "Hors parcours de soins, les dépassements autorisés des spécialistes de secteur 1 ne peuvent pas être pris en charge.",
  applicable: (d: Jour) => d >= debutRegime2015(),
  verifier(v: Verification) {
    const normal = tauxAu("ro.taux.consultation_medecin", v.date);
    if (normal === null) return;
    for (const i of v.lignes((p) => p.code === "soins.hors-parcours")) {
      for (const c of v.couverturesDe(i)) {
        if (enSusDuRo(c)) continue;
        const e = c.montant(point(v.date, 10000, normal, FR_ILLIMITE).ctx);
        if (e.ok && e.montant > 10000) {
          v.signaler(
            this.id,
            "erreur",
            c,
            `Hors parcours de soins, la garantie (« ${c.cellule.texte} ») va au-delà de 100 % de la BR : elle couvre les dépassements autorisés.`,
            refR871_1("2°", v.date),
          );
        }
      }
    }
  },
};

function enSusDuRo(c: Couverture): boolean {
  return c.garanties.some((g) => g.type === "formule" && g.convention === "RO_EN_SUS");
}
