import type { Jour } from "../../dates";
import type { CategorieOptique, IdRegle } from "../../postes";
import { debutRegime2015 } from "../limites/regime-responsable";
import { plafondOptique, plancherOptique, type MontantLimite } from "../limites/plafonds";
import type { Couverture } from "../couverture";
import { euros } from "../echantillons";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";
import { equipementsClasseB, typeDeLaBande, type CouvertureEquipement } from "./optique-equipement";

/**
 * R871-2 3° a)–f) (rules « R871-2 3° plancher » and « R871-2 3° plafond »): per classe B equipment, the contract's cover lies between the category's floor
 * and cap — « incluant la part des dépenses prise en charge par l'assurance maladie obligatoire et la participation
 * des assurés » (2020 regime, contracts from 2020-01-01) or the TM only with the RO on top (2015 regime). The floor
 * binds only a contract that covers more than the TM. Amounts are dated parameters selected by the contract date.
 */
export const plafondOptiqueB: Regle = {
  id: "R871-2 3° plafond",
  enonce: "La prise en charge d'un équipement optique de classe B est plafonnée par catégorie de verres (a à f), Sécurité sociale incluse.",
  applicable: (d: Jour) => d >= debutRegime2015(),
  verifier(v: Verification) {
    verifierBornes(v, "plafond");
  },
};

export const plancherOptiqueB: Regle = {
  id: "R871-2 3° plancher",
  enonce: "Un contrat qui couvre l'optique de classe B au-delà du ticket modérateur doit atteindre le plancher de chaque catégorie de verres (a à f).",
  applicable: (d: Jour) => d >= debutRegime2015(),
  verifier(v: Verification) {
    verifierBornes(v, "plancher");
  },
};

function verifierBornes(v: Verification, borne: "plafond" | "plancher"): void {
  const id = borne === "plafond" ? plafondOptiqueB.id : plancherOptiqueB.id;
  const ref = refR871_2("3°", v.date);
  if (borne === "plafond") signalerGrillesParCorrection(v, id, ref);
  for (const { c, categories, eq, borne: pour } of equipementsClasseB(v)) {
    if (pour !== undefined && pour !== borne) continue;
    if ("raison" in eq) {
      if (borne === "plafond")
        v.signaler(id, "alerte", c, `Optique classe B : la garantie ne donne pas de montant (${eq.raison}) ; plafonds et planchers invérifiables.`, ref);
      continue;
    }
    const hors: { cat: CategorieOptique; limite: number }[] = [];
    for (const cat of categories) {
      const l = borne === "plafond" ? plafondOptique(cat, v.date) : plancherOptique(cat, v.date);
      const limite = montantEffectif(l, eq);
      if (borne === "plafond" ? eq.montant > limite : eq.montant > eq.br && eq.montant < limite) hors.push({ cat, limite });
    }
    if (hors.length > 0) signaler(v, id, borne, c, eq, hors, categories.length, ref);
  }
}

/** The limit in the 2020 form (RO included): the 2015 amounts exclude the RO, which comes on top. */
function montantEffectif(l: MontantLimite, eq: CouvertureEquipement): number {
  return l.inclutRo ? l.montant : l.montant + eq.roBrut;
}

function signaler(
  v: Verification,
  id: IdRegle,
  borne: "plafond" | "plancher",
  c: Couverture,
  eq: CouvertureEquipement,
  hors: readonly { cat: CategorieOptique; limite: number }[],
  nbCategories: number,
  ref: string,
): void {
  const regime = plafondOptique("a", v.date).inclutRo
    ? "Sécurité sociale incluse"
    : "ticket modérateur inclus, hors remboursement de la Sécurité sociale (régime 2015)";
  const cats = hors.map((h) => `${h.cat} : ${euros(h.limite)}`).join(", ");
  const compo = eq.composition ? ` (${eq.composition})` : "";
  const tousLesCas =
    nbCategories > 1 ? ` — ligne commune à toutes les catégories, hors ${borne} pour ${hors.length === nbCategories ? "toutes" : hors.length}` : "";
  const fr = c.garanties.some((g) => g.type === "formule" && g.termes.some((t) => t.terme.type === "pourcentage" && t.terme.base === "FR") && !g.limite);
  const message =
    borne === "plafond"
      ? fr
        ? `Optique classe B aux frais réels sans montant maximum : la prise en charge d'un équipement est plafonnée (${cats}, ${regime}).`
        : `Optique classe B : la garantie atteint ${euros(eq.montant)} par équipement${compo}, au-delà du plafond (${cats}, ${regime})${tousLesCas}.`
      : `Optique classe B : la garantie (${euros(eq.montant)} par équipement${compo}) dépasse le ticket modérateur mais n'atteint pas le plancher (${cats}, ${regime})${tousLesCas}.`;
  // A per-lens amount that may be meant for both lenses: an erreur only when the other reading breaks the limit too
  // (the per-pair total is the lower one: above a cap, or per-lens total below a floor, both readings fail).
  const lesDeux = eq.montantAutreLecture !== undefined && (borne === "plafond" ? hors.every((h) => eq.montantAutreLecture! > h.limite) : true);
  const sur = eq.doute === undefined || lesDeux;
  v.signaler(id, sur ? "erreur" : "alerte", c, sur ? message : `${message} À vérifier : ${eq.doute}`, ref);
}

/**
 * Lines priced per lens by correction band (« Sphère de − 6 à + 6 : 55 € »): REMB does not yet tell the lens type of a
 * band, so it cannot compose the equipments; one alerte per level says the floors and caps were not checked there.
 */
function signalerGrillesParCorrection(v: Verification, id: IdRegle, ref: string): void {
  const lignes = v.lignes((p) => p.optique?.element === "verre" && p.optique.typeVerre === undefined).filter((i) => typeDeLaBande(v, i) === undefined);
  if (lignes.length === 0) return;
  const faits = new Set<number>();
  for (const i of lignes) {
    for (const c of v.couverturesDe(i)) {
      if (faits.has(c.iNiveau) || c.cellule.texte.trim() === "") continue;
      faits.add(c.iNiveau);
      v.signaler(
        id,
        "alerte",
        c,
        `Optique classe B : montants par verre selon la correction dont REMB n'a pas pu lire la tranche (${lignes.length} ligne(s), à partir de la ligne ${c.ligne.ligne}) : planchers, plafonds et minimums par catégorie à vérifier à la main pour ces verres.`,
        ref,
      );
    }
  }
}
