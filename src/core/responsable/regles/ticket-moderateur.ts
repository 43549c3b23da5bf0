import type { Jour } from "../../dates";
import { TAUX_ZERO } from "../../money";
import type { Poste } from "../../postes";
import { sorteDuCompte } from "../../garantie";
import { debut100SanteAudio, debut100SanteOptiqueDentaire, debutRegime2015 } from "../limites/regime-responsable";
import { estNeant, formules } from "../couverture";
import { BRS_ECHANTILLON, bilan, euros, montantAuPoint, pct, point, pourcentageBr, toujours, type Point } from "../echantillons";
import { tauxIncertain } from "../points";
import { brEquipementB, brMontureB, brVerreB, centsAu, pointsAudio, pointsClasseA, pointsDentaire100Sante, tauxAu, tauxDuPoste } from "../points";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-2 1°: « la prise en charge de l'intégralité de la participation de l'assuré » (the ticket
 * modérateur) on every service the AMO reimburses — G ≥ 100 % BR Sécu incluse — except the items R160-5 lets a
 * contract leave out (6°, 7°, 10°, 14°: medicines at 30 % / 15 %, homéopathie, thermal establishment), which the
 * catalogue marks « facultatif » and this rule does not check. The actes-lourds participation (R160-16) is a
 * reduced TM and is checked against its dated amount.
 */
/** An uncertain AMO rate is off by a few points at most: below this shortfall (share of the BR), no erreur is signed. */
const ECART_TAUX_INCERTAIN = 0.15;

export const ticketModerateur: Regle = {
  id: "R871-2 1°",
  enonce: "Le ticket modérateur de tous les soins remboursés par l'assurance maladie doit être pris en charge en totalité.",
  applicable: (d: Jour) => d >= debutRegime2015(),
  verifier(v: Verification) {
    const ref = refR871_2("1°", v.date);
    const plein = pleinTarif(v.date);
    for (const i of v.lignes((p) => p.tm === "obligatoire" && !plein(p))) {
      const p = v.posteDe(i)!;
      // Lines of one kind share their bills: keyed by what pointsTm reads of the poste.
      const cle = `tm:${p.optique?.classe ?? ""}:${p.optique?.element ?? ""}:${p.audio?.element ?? ""}:${p.panier?.join() ?? ""}:${p.code === "hospi.forfait-actes-lourds" ? p.code : ""}:${p.tauxRo ?? ""}`;
      const points = v.memo(cle, () => pointsTm(p, v.date));
      if (points.length === 0) continue;
      for (const c of v.couverturesDe(i)) {
        const b = bilan(c, points, (m, pt) => m >= pt.ctx.br);
        if (b.indecidables.length > 0) {
          v.signaler(this.id, "alerte", c, `Ticket modérateur : impossible de vérifier sa prise en charge (${b.indecidables[0]!.raison}).`, ref);
          continue;
        }
        if (b.echecs.length > 0) {
          const taux = tauxDuPoste(p, v.date);
          const x = taux === null ? undefined : pourcentageBr(c, v.date, taux);
          const lu = x !== undefined ? `${pct(x)} de la BR` : montantAuPoint(b.echecs[0]!);
          const e = b.echecs[0]!;
          if (toujours(b) || b.echecs.every((x) => x.point.cas !== undefined)) {
            // Every bill fails, or the failing bills are real legal cases (a device's BR by age): not a matter of the act.
            const cas =
              x !== undefined && b.echecs.every((y) => y.point.cas !== undefined) && !toujours(b) ? ` (${b.echecs.map(montantAuPoint).join(" ; ")})` : "";
            const message = `Le ticket modérateur n'est pas pris en charge en totalité : la garantie donne ${lu}${cas}, au moins 100 % de la BR (Sécurité sociale incluse) est obligatoire.`;
            // « Cataracte : – | – | 250 € »: a line that only prints forfaits is a supplement to the act's own line;
            // its « – » says « no supplement », not « the TM is not covered ».
            if (estNeant(c) && ligneDeForfaits(v, i)) {
              v.signaler(
                this.id,
                "alerte",
                c,
                `${message} À vérifier : la ligne n'imprime que des forfaits ; si c'est un supplément, le ticket modérateur est couvert par la ligne générale de l'acte.`,
                ref,
              );
              continue;
            }
            // A cell « en sus du RO » is judged with the AMO rate: a rate the parameters mark ⚠ cannot sign an erreur.
            // (Doubts on a rate are of a few points: a shortfall of 15 points of BR or more fails whatever the rate.)
            const manque = Math.max(...b.echecs.map((e) => (e.point.ctx.br - e.montant) / Math.max(1, e.point.ctx.br)));
            const incertain =
              p.tauxRo !== undefined &&
              manque < ECART_TAUX_INCERTAIN &&
              c.garanties.some((g) => g.type === "formule" && g.convention === "RO_EN_SUS") &&
              tauxIncertain(p.tauxRo, v.date);
            v.signaler(
              this.id,
              incertain ? "alerte" : "erreur",
              c,
              incertain
                ? `${message} À vérifier : le taux de remboursement de la Sécurité sociale retenu pour ce poste est incertain (⚠ ${p.tauxRo}).`
                : message,
              ref,
            );
          } else {
            v.signaler(
              this.id,
              "alerte",
              c,
              `Le ticket modérateur n'est couvert que pour une partie des actes : pour une BR de ${euros(e.point.ctx.br)}, la garantie donne ${euros(e.montant)} ` +
                `(au moins 100 % de la BR, Sécurité sociale incluse, est obligatoire) ; à vérifier selon les actes concernés.`,
              ref,
            );
          }
          continue;
        }
        // A count of paid acts (« max 4 séances / an ») leaves the TM of the further acts uncovered.
        // (A renewal count, « 1 équipement tous les 2 ans », is the renewal rules' business, not an act count.)
        const compte = formules(c).find((f) => {
          const k = sorteDuCompte(f);
          return k === "unites" || k === "prorata";
        });
        if (compte) {
          v.signaler(
            this.id,
            "alerte",
            c,
            `La garantie limite le nombre d'actes pris en charge (${compte.nombreMax!.nombre} par période) : le ticket modérateur doit être couvert pour chaque acte remboursé par l'assurance maladie.`,
            ref,
          );
        }
      }
    }
  },
};

/**
 * 100 % Santé items whose own rule (cover up to the PLV / HLF, which are above the BR) applies on the date: that rule
 * says more than this one, and one finding per cell is enough.
 */
function pleinTarif(date: Jour): (p: Poste) => boolean {
  const optiqueDentaire = date >= debut100SanteOptiqueDentaire();
  const audio = date >= debut100SanteAudio();
  return (p) =>
    (optiqueDentaire && p.optique?.classe === "A") ||
    (audio && p.audio?.classe === "I") ||
    (optiqueDentaire && p.panier?.length === 1 && p.panier[0] === "100%SANTE");
}

/** The bills on which the TM is checked: FR = BR (the TM is BR − RO brut), with the line's legal BR when it has one. */
function pointsTm(p: Poste, date: Jour): Point[] {
  const frEgalBr = (pts: Point[]): Point[] => pts.map((x) => ({ ...x, ctx: { ...x.ctx, fr: x.ctx.br } }));
  const lpp = tauxAu("ro.taux.lpp", date);
  if (p.optique?.classe === "A" && lpp) return frEgalBr(pointsClasseA(date, lpp));
  if (p.optique?.classe === "B" && lpp) {
    const br = p.optique.element === "monture" ? brMontureB(date) : p.optique.element === "verre" ? brVerreB(date) : brEquipementB(date);
    return br === null ? [] : [point(date, br, lpp, br)];
  }
  if (p.audio?.element === "aide" && lpp) return frEgalBr(pointsAudio(date, lpp, "plv"));
  if (p.panier?.length === 1 && p.panier[0] === "100%SANTE") {
    const t = tauxDuPoste(p, date);
    return t === null ? [] : pointsDentaire100Sante(date, t, "br");
  }
  if (p.code === "hospi.forfait-actes-lourds") {
    // The flat participation replaces the TM: the AMO pays nothing of it.
    const montant = centsAu("hospi.participation_actes_lourds", date);
    return montant === null ? [] : [point(date, montant, TAUX_ZERO, montant, {}, `participation de ${euros(montant)}`)];
  }
  const t = tauxDuPoste(p, date);
  if (t === null) return [];
  // A PLV or HLF is never below the BR: reading « dans la limite des PLV » at PLV = BR is the least the cell pays.
  return BRS_ECHANTILLON.map((br) => point(date, br, t, br, { plv: br, hlf: br }));
}

/** Every cell of the line is « Néant » or a forfait in euros, and at least one is a forfait. */
function ligneDeForfaits(v: Verification, iLigne: number): boolean {
  let forfait = false;
  for (let n = 0; n < v.grille.niveaux.length; n++) {
    const g = v.grille.lignes[iLigne]!.cellules[n]!.garantie;
    if (g === undefined || g.type === "neant") continue;
    if (g.type !== "formule" || !g.termes.every((t) => t.terme.type === "montant")) return false;
    forfait = true;
  }
  return forfait;
}
