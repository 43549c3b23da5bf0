import { RembError, horsChamp, argumentInvalide } from "../errors";
import { civilDepuisJour, jourDepuisCivil, type Jour } from "../dates";
import { appliquerTaux, additionner, multiplierEntier, proratiser, type Cents } from "../money";
import { parametres } from "../params";
import type { Formule, Garantie, Terme, TermePeriode } from "./ast";
import { sorteDuCompte } from "./compte";
import type { ContexteGarantie } from "./contexte";
import { UNITES } from "./vocabulaire";

/**
 * G: the total guaranteed for the line, Sécu incluse (docs/modele-de-calcul.md §5). A cell written « en sus du RO » is the
 * complementary's part alone, so G = RO brut + its value (RO brut, not RO net: PF and franchises stay with
 * the patient, docs/modele-de-calcul.md §3). A limit caps the cell's own value, before the RO is added for « en sus du RO » cells:
 * it follows the cell's convention (docs/modele-de-calcul.md §5 ⚠, made explicit here). A count (« max 4 séances / an ») acts as
 * compte.ts `sorteDuCompte` says. Rounding happens only inside appliquerTaux (each x % × base) and, for a count of
 * days on shares of the line, proratiser (the line's value × days paid / days). The hot path allocates nothing:
 * actuaries evaluate 100 000 rows at a time.
 */
export function evaluerGarantie(g: Garantie, ctx: ContexteGarantie): Cents {
  return evaluerGarantieLigne(g, ctx.date, ctx.br, ctx.fr, ctx.roBrut, ctx);
}

/** The parts of the context that only some lines have (PLV, HLF, legal cap, units). */
export type ContexteComplementaire = Omit<ContexteGarantie, "date" | "br" | "fr" | "roBrut">;

/**
 * evaluerGarantie with the four values every line has as arguments, and the others in `autres` (omitted: none).
 * For the calculators, which call it once per claim line: a line without PLV, HLF, legal cap or units is
 * evaluated without building a context object (an allocation per line when the engine cannot inline the whole
 * evaluation, as V8 cannot for calculerSoins). Same checks, same result, same errors as evaluerGarantie.
 */
export function evaluerGarantieLigne(g: Garantie, date: Jour, br: Cents, fr: Cents, roBrut: Cents, autres?: ContexteComplementaire): Cents {
  switch (g.type) {
    case "neant":
      return 0;
    case "service":
      throw garantieNonMonetaire(g.texte);
    case "renvoi":
      throw garantieNonMonetaire(`Voir ${g.vers}`);
    case "formule":
      if (!estCents(br) || !estCents(fr) || !estCents(roBrut) || roBrut > br) throw contexteInvalide(br, fr, roBrut);
      return evaluerFormule(g, date, br, fr, roBrut, autres);
  }
}

function evaluerFormule(f: Formule, date: Jour, br: Cents, fr: Cents, roBrut: Cents, autres: ContexteComplementaire | undefined): Cents {
  // No units in the context and no count in the cell: one unit, nothing to check (the claims-table fast path).
  const u = autres?.unites;
  let lignes = 1;
  let unites = 1;
  let sorte: ReturnType<typeof sorteDuCompte>;
  if (u !== undefined || f.nombreMax !== undefined) {
    lignes = u ?? 1;
    if (!Number.isSafeInteger(lignes) || lignes < 0) throw unitesInvalides(lignes);
    sorte = sorteDuCompte(f);
    unites = unitesPayees(f, sorte, lignes);
  }
  let valeur = somme(f.termes, f.convention, date, br, fr, roBrut, autres, unites);
  // « Frais réels (max 90 jours / an) » on a 120-day stay: the terms give the whole stay, 90 days of it are paid.
  // The days are assumed to cost the same (the forfait journalier does); the limit, if any, then caps the result.
  if (sorte === "prorata" && unites < lignes) valeur = proratiser(valeur, unites, lignes);
  if (f.minimum) {
    const plancher = somme(f.minimum, f.convention, date, br, fr, roBrut, autres, unites);
    if (plancher > valeur) valeur = plancher;
  }
  if (f.limite) {
    const plafond = somme(f.limite, f.convention, date, br, fr, roBrut, autres, unites);
    if (plafond < valeur) valeur = plafond;
  }
  // « 420 € dont 100 € monture max »: what the frame costs above its share is not paid.
  const fm = autres?.fraisMonture;
  if (f.monture !== undefined && fm !== undefined && fm > f.monture) {
    const plafond = Math.max(0, fr - fm + f.monture);
    if (plafond < valeur) valeur = plafond;
  }
  return f.convention === "RO_EN_SUS" ? additionner(roBrut, valeur) : valeur;
}

// Errors are built out of line: the checks run on every claim line and V8 inlines them only while they stay small.
function garantieNonMonetaire(texte: string): RembError {
  return horsChamp(`Garantie non monétaire (« ${texte} ») : aucun montant à calculer.`);
}

function contexteInvalide(br: Cents, fr: Cents, roBrut: Cents): RembError {
  return argumentInvalide(
    `Contexte de garantie invalide (BR ${br}, FR ${fr}, RO brut ${roBrut}) : montants en centimes, positifs, RO brut au plus égal à la BR.`,
  );
}

function estCents(c: number): boolean {
  return Number.isSafeInteger(c) && c >= 0;
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

function unitesInvalides(u: number): RembError {
  return argumentInvalide(`Nombre d'unités invalide : ${u} (entier positif attendu).`);
}

/**
 * The sum of a list of terms. Written for the claims-table hot path: the shares of the BR and of the FR (nearly
 * every cell) and the amounts are computed right here, the rarer terms by valeurTerme, and the per-unit scaling
 * is looked at only when the line has more than one unit.
 */
function somme(
  termes: readonly TermePeriode[],
  convention: Formule["convention"],
  date: Jour,
  br: Cents,
  fr: Cents,
  roBrut: Cents,
  autres: ContexteComplementaire | undefined,
  unites: number,
): Cents {
  let total = 0;
  let avecTm = false;
  for (let i = 0; i < termes.length; i++) {
    const tp = termes[i]!;
    const t = tp.terme;
    let v: Cents;
    if (t.type === "pourcentage" && t.base === "BR") v = appliquerTaux(br, t.taux);
    else if (t.type === "pourcentage" && t.base === "FR") v = appliquerTaux(fr, t.taux);
    else if (t.type === "montant") v = t.cents;
    else v = valeurTerme(t, date, br, fr, roBrut, autres);
    if (unites !== 1 && seMultiplie(tp)) v = multiplierEntier(v, unites);
    if (t.type === "pourcentage" && t.base === "TM") avecTm = true;
    total = additionner(total, v);
  }
  // « 100 % TM » written Sécu incluse means RO brut + TM (= the BR): the RO is counted once per sum.
  if (avecTm && convention === "RO_INCLUS") total = additionner(total, roBrut);
  return total;
}

/**
 * Amounts and shares of the PMSS written per unit (« / nuit », « / séance »…) are per unit of care; a share of the
 * line's BR/FR/PLV… already covers the whole line (see analyser.ts `seMultiplie`).
 */
function seMultiplie(tp: TermePeriode): boolean {
  const t = tp.terme;
  return tp.periode !== undefined && UNITES[tp.periode.unite].parUnite && (t.type === "montant" || (t.type === "pourcentage" && t.base === "PMSS"));
}

/** The value of one term (somme computes the common ones itself: shares of the BR and FR, amounts). */
function valeurTerme(t: Terme, date: Jour, br: Cents, fr: Cents, roBrut: Cents, autres: ContexteComplementaire | undefined): Cents {
  if (t.type === "plafondLegal") {
    if (autres?.plafondLegal === undefined) {
      throw horsChamp("Garantie « dans la limite des plafonds du contrat responsable » : aucun plafond légal ne s'applique à cette ligne.");
    }
    return autres.plafondLegal;
  }
  if (t.type === "montant") return t.cents;
  switch (t.base) {
    case "BR":
      return appliquerTaux(br, t.taux);
    case "FR":
      return appliquerTaux(fr, t.taux);
    case "TM":
      return appliquerTaux(br - roBrut, t.taux);
    case "PMSS":
      return appliquerTaux(pmssDeLAnnee(date), t.taux);
    case "PLV":
      if (autres?.plv === undefined) throw horsChamp("Garantie exprimée en % du PLV : le prix limite de vente de cet article n'est pas connu.");
      return appliquerTaux(autres.plv, t.taux);
    case "HLF":
      if (autres?.hlf === undefined) throw horsChamp("Garantie exprimée en % des HLF : les honoraires limites de facturation de cet acte ne sont pas connus.");
      return appliquerTaux(autres.hlf, t.taux);
  }
}

// The last year looked up: a claims table is mostly one or two years, so this is a hit without allocation.
let anneeDebut: Jour = 1;
let anneeFin: Jour = 0;
let pmssAnnee: Cents = 0;

/**
 * Grids use the PMSS of the calendar year of care (docs/modele-de-calcul.md §5 and docs/parametres.md [INF]), looked up on 1 January of
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
