import { FR_ILLIMITE, point, BRS_ECHANTILLON } from "../echantillons";
import { tauxDuPoste } from "../points";
import { refL863_8 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * L863-8 CSS (docs/modele-de-calcul.md §13): a réseau de soins may modulate benefits, but not for doctors' acts (« les conventions
 * ne peuvent comporter de stipulations tarifaires relatives aux actes et prestations … médecins »; the AMC may not
 * reimburse a doctor's act better in network). On every doctor line, the réseau and hors-réseau columns of one
 * level must give the same amount for every bill; the finding sits on the réseau cell. In force since the loi
 * n° 2014-57 of 27 January 2014, before any contract this engine models.
 */
export const reseauMedecins: Regle = {
  id: "L863-8",
  enonce: "Un réseau de soins ne peut pas moduler le remboursement des actes des médecins.",
  applicable: () => true,
  verifier(v: Verification) {
    const niveaux = v.grille.niveaux;
    const paires: [number, number][] = [];
    niveaux.forEach((n, i) => {
      if (n.variante !== "reseau") return;
      const famille = n.famille ?? n.nom;
      const j = niveaux.findIndex((m) => m.variante === "hors-reseau" && (m.famille ?? m.nom) === famille);
      if (j >= 0) paires.push([i, j]);
    });
    if (paires.length === 0) return;
    for (const i of v.lignes((p) => p.acteMedecin)) {
      const taux = tauxDuPoste(v.posteDe(i)!, v.date);
      if (taux === null) continue;
      for (const [r, h] of paires) {
        const reseau = v.couvertures.de(i, r);
        const hors = v.couvertures.de(i, h);
        if (!reseau.lisible || !hors.lisible) continue;
        const difference = BRS_ECHANTILLON.some((br) =>
          [br, FR_ILLIMITE].some((fr) => {
            const ctx = point(v.date, br, taux, fr).ctx;
            const a = reseau.montant(ctx);
            const b = hors.montant(ctx);
            return a.ok !== b.ok || (a.ok && b.ok && a.montant !== b.montant);
          }),
        );
        if (difference) {
          v.signaler(
            this.id,
            "erreur",
            reseau,
            `Acte de médecin : la garantie en réseau (« ${reseau.cellule.texte} ») diffère de la garantie hors réseau (« ${hors.cellule.texte} ») ; ` +
              `un réseau de soins ne peut pas moduler le remboursement des actes des médecins.`,
            refL863_8(v.date),
          );
        }
      }
    }
  },
};
