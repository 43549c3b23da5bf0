import { RembError, horsChamp } from "../errors";
import { civilDepuisJour, jourDepuisCivil, type Jour } from "../dates";
import { appliquerTaux, additionner, multiplierEntier, proratiser, type Cents } from "../money";
import { parametres } from "../params";
import type { Formule, Garantie, Terme, TermePeriode } from "./ast";
import { sorteDuCompte } from "./compte";
import type { ContexteGarantie } from "./contexte";
import { UNITES } from "./vocabulaire";

/**
 * G: the total guaranteed for the line, Sécu incluse (domain §2.5). A cell written « en sus du RO » is the
 * complementary's part alone, so G = RO brut + its value (RO brut, not RO net: PF and franchises stay with
 * the patient, §2.3). A limit caps the cell's own value, before the RO is added for « en sus du RO » cells:
 * it follows the cell's convention (§2.5 ⚠, made explicit here). A count (« max 4 séances / an ») acts as
 * compte.ts `sorteDuCompte` says. Rounding happens only inside appliquerTaux (each x % × base) and, for a count of
 * days on shares of the line, proratiser (the line's value × days paid / days). The hot path allocates nothing:
 * actuaries evaluate 100 000 rows at a time.
 */
export function evaluerGarantie(g: Garantie, ctx: ContexteGarantie): Cents {
  switch (g.type) {
    case "neant":
      return 0;
    case "service":
      throw horsChamp(`Garantie non monétaire (« ${g.texte} ») : aucun montant à calculer.`);
    case "formule":
      return evaluerFormule(g, ctx);
  }
}

function evaluerFormule(f: Formule, ctx: ContexteGarantie): Cents {
  verifierContexte(ctx);
  const lignes = unitesDeLaLigne(ctx);
  const sorte = sorteDuCompte(f);
  const unites = unitesPayees(f, sorte, lignes);
  let valeur = somme(f.termes, f, ctx, unites);
  // « Frais réels (max 90 jours / an) » on a 120-day stay: the terms give the whole stay, 90 days of it are paid.
  // The days are assumed to cost the same (the forfait journalier does); the limit, if any, then caps the result.
  if (sorte === "prorata" && unites < lignes) valeur = proratiser(valeur, unites, lignes);
  if (f.limite) {
    const plafond = somme(f.limite, f, ctx, unites);
    if (plafond < valeur) valeur = plafond;
  }
  return f.convention === "RO_EN_SUS" ? additionner(ctx.roBrut, valeur) : valeur;
}

function verifierContexte(ctx: ContexteGarantie): void {
  if (!estCents(ctx.br) || !estCents(ctx.fr) || !estCents(ctx.roBrut) || ctx.roBrut > ctx.br) {
    throw new RembError(
      "ARGUMENT_INVALIDE",
      `Contexte de garantie invalide (BR ${ctx.br}, FR ${ctx.fr}, RO brut ${ctx.roBrut}) : montants en centimes, positifs, RO brut au plus égal à la BR.`,
    );
  }
}

function estCents(c: number): boolean {
  return Number.isSafeInteger(c) && c >= 0;
}

function unitesDeLaLigne(ctx: ContexteGarantie): number {
  const u = ctx.unites ?? 1;
  if (!Number.isSafeInteger(u) || u < 0) throw new RembError("ARGUMENT_INVALIDE", `Nombre d'unités invalide : ${u} (entier positif attendu).`);
  return u;
}

/**
 * Units paid (« / nuit », « / séance »…, or the days of a line counted pro rata): the line's units, at most the
 * count of the cell (« max 4 séances / an »). A renewal count (equipments, ears, or the line's item) leaves them.
 */
export function unitesPayees(f: Formule, sorte: ReturnType<typeof sorteDuCompte>, u: number): number {
  const m = f.nombreMax;
  if (m && (sorte === "unites" || sorte === "prorata") && m.nombre < u) return m.nombre;
  return u;
}

function somme(termes: readonly TermePeriode[], f: Formule, ctx: ContexteGarantie, unites: number): Cents {
  let total = 0;
  let avecTm = false;
  for (let i = 0; i < termes.length; i++) {
    const tp = termes[i]!;
    const t = tp.terme;
    let v = valeurTerme(t, ctx);
    // Amounts and shares of the PMSS are per unit of care; a share of the line's BR/FR/PLV… already covers
    // the whole line (see analyser.ts `seMultiplie`).
    if (tp.periode !== undefined && unites !== 1 && UNITES[tp.periode.unite].parUnite && (t.type === "montant" || (t.type === "pourcentage" && t.base === "PMSS"))) {
      v = multiplierEntier(v, unites);
    }
    if (t.type === "pourcentage" && t.base === "TM") avecTm = true;
    total = additionner(total, v);
  }
  // « 100 % TM » written Sécu incluse means RO brut + TM (= the BR): the RO is counted once per sum.
  if (avecTm && f.convention === "RO_INCLUS") total = additionner(total, ctx.roBrut);
  return total;
}

function valeurTerme(t: Terme, ctx: ContexteGarantie): Cents {
  switch (t.type) {
    case "montant":
      return t.cents;
    case "plafondLegal":
      if (ctx.plafondLegal === undefined) {
        throw horsChamp("Garantie « dans la limite des plafonds du contrat responsable » : aucun plafond légal ne s'applique à cette ligne.");
      }
      return ctx.plafondLegal;
    case "pourcentage":
      switch (t.base) {
        case "BR":
          return appliquerTaux(ctx.br, t.taux);
        case "FR":
          return appliquerTaux(ctx.fr, t.taux);
        case "TM":
          return appliquerTaux(ctx.br - ctx.roBrut, t.taux);
        case "PMSS":
          return appliquerTaux(pmssDeLAnnee(ctx.date), t.taux);
        case "PLV":
          if (ctx.plv === undefined) throw horsChamp("Garantie exprimée en % du PLV : le prix limite de vente de cet article n'est pas connu.");
          return appliquerTaux(ctx.plv, t.taux);
        case "HLF":
          if (ctx.hlf === undefined) throw horsChamp("Garantie exprimée en % des HLF : les honoraires limites de facturation de cet acte ne sont pas connus.");
          return appliquerTaux(ctx.hlf, t.taux);
      }
  }
}

// The last year looked up: a claims table is mostly one or two years, so this is a hit without allocation.
let anneeDebut: Jour = 1;
let anneeFin: Jour = 0;
let pmssAnnee: Cents = 0;

/**
 * Grids use the PMSS of the calendar year of care (domain §2.5 and §8.7 [INF]), looked up on 1 January of
 * that year, so a year the parameters do not cover is an error naming it rather than a neighbour's value.
 */
export function pmssDeLAnnee(date: Jour): Cents {
  if (date >= anneeDebut && date <= anneeFin) return pmssAnnee;
  const annee = civilDepuisJour(date).annee;
  const debut = jourDepuisCivil(annee, 1, 1);
  const valeur = parametres.cents("pmss", debut);
  anneeDebut = debut;
  anneeFin = jourDepuisCivil(annee + 1, 1, 1) - 1;
  pmssAnnee = valeur;
  return valeur;
}
