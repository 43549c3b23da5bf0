import type { Jour } from "../dates";
import { additionner, appliquerTaux, multiplierEntier, proratiser, CENTS_MAX, POW10, TAUX_ZERO, type Cents, type Taux } from "../money";
import { INV_POW10, POW10_ENTIER, tauxPositifArrondi } from "../money/taux-rapide";
import type { Formule, Garantie, Terme, TermePeriode } from "./ast";
import { sorteDuCompte } from "./compte";
import {
  contexteInvalide,
  evaluerGarantieLigne,
  garantieNonMonetaire,
  pmssDeLAnnee,
  plafondLegalAbsent,
  plvAbsent,
  hlfAbsent,
  unitesInvalides,
  unitesPayees,
  type ContexteComplementaire,
} from "./evaluer";
import { UNITES } from "./vocabulaire";

/**
 * A guarantee compiled once into a specialised evaluator: what evaluerGarantieLigne computes, without walking the
 * AST on every claim line. A claims table applies a handful of guarantees (one per poste of the grid level) to
 * millions of lines, so the shape of each guarantee is decided once here: which terms it has, which base each share
 * applies to, whether a count, a limit, a frame share or « en sus du RO » is present; the evaluator of each line is
 * then a few integer operations on cents with the rates as constants.
 *
 * Same checks, same rounding steps, same errors as the interpreter (evaluer.ts), which stays the reference: the
 * property tests (test/core/garantie/compiler.test.ts) compare both to the cent, errors included, on random
 * guarantees and contexts.
 */
export type EvaluateurGarantie = (date: Jour, br: Cents, fr: Cents, roBrut: Cents, autres: ContexteComplementaire | undefined) => Cents;

/** What the compiler made of a guarantee: the linear form of the common cells, or composed closures for the others. */
const FORME_NEANT = 0;
const FORME_LINEAIRE = 1;
const FORME_GENERALE = 2;

/**
 * A compiled guarantee. One class, one `evaluer` method, so that a calculator's call site stays monomorphic and the
 * engine inlines the common case into it: the linear form, G = Σ round(x % × base) + amounts (+ RO brut), which is
 * what almost every cell of a grid prints (« 150 % BR », « 100 % BR + 50 € », « Frais réels », « 100 % TM »,
 * « 25 € en sus du RO »). The other cells (limits, minimums, counts, frame shares, PMSS, PLV, HLF, per-unit amounts,
 * several shares of one base) run a tree of closures built once from the AST; a formula with a field or a part this
 * compiler does not know (formeConnue) runs the interpreter itself.
 */
export class GarantieCompilee {
  /** The AST it was compiled from (for DETAIL, descriptions and the interpreter). */
  readonly garantie: Garantie;
  /** The cell refers to the legal cap (« dans la limite des plafonds du contrat responsable »). */
  readonly mentionnePlafondLegal: boolean;
  /**
   * The AST has the shape of the language (calculators/entrees.ts verifierGarantie): the calculators test this flag
   * on each line and run their own check, with its message, only when it is false.
   */
  readonly bienFormee: boolean;
  private readonly forme: number;
  // The linear form: each share as its rate and the rate's fields (numerator, 10^exp, 1 / 10^exp; a numerator of 0
  // when the cell has no such share: a 0 % share is 0 on every line), the amounts summed, whether RO brut is added
  // once (« en sus du RO », or « x % TM » Sécu incluse).
  private readonly tBr: Taux;
  private readonly nBr: number;
  private readonly dBr: number;
  private readonly iBr: number;
  private readonly tFr: Taux;
  private readonly nFr: number;
  private readonly dFr: number;
  private readonly iFr: number;
  private readonly tTm: Taux;
  private readonly nTm: number;
  private readonly dTm: number;
  private readonly iTm: number;
  private readonly cents: Cents;
  private readonly ajouteRo: boolean;
  private readonly general: EvaluateurGarantie;

  constructor(g: Garantie) {
    this.garantie = g;
    const objet = g !== null && typeof g === "object";
    this.mentionnePlafondLegal = objet && mentionne(g);
    this.bienFormee =
      objet && (g.type === "neant" || g.type === "service" || g.type === "renvoi" || (g.type === "formule" && Array.isArray(g.termes) && g.termes.length > 0));
    const l = g !== null && typeof g === "object" && g.type === "formule" ? lineaire(g) : undefined;
    this.forme = l !== undefined ? FORME_LINEAIRE : g !== null && typeof g === "object" && g.type === "neant" ? FORME_NEANT : FORME_GENERALE;
    this.tBr = l?.tBr ?? TAUX_ZERO;
    this.nBr = this.tBr.num;
    this.dBr = POW10_ENTIER[this.tBr.exp]!;
    this.iBr = INV_POW10[this.tBr.exp]!;
    this.tFr = l?.tFr ?? TAUX_ZERO;
    this.nFr = this.tFr.num;
    this.dFr = POW10_ENTIER[this.tFr.exp]!;
    this.iFr = INV_POW10[this.tFr.exp]!;
    this.tTm = l?.tTm ?? TAUX_ZERO;
    this.nTm = this.tTm.num;
    this.dTm = POW10_ENTIER[this.tTm.exp]!;
    this.iTm = INV_POW10[this.tTm.exp]!;
    this.cents = l?.cents ?? 0;
    this.ajouteRo = l?.ajouteRo ?? false;
    this.general = l !== undefined ? evaluateurInutile : evaluateur(g);
    Object.freeze(this);
  }

  /** G for one line: the same value (or the same RembError) as evaluerGarantieLigne(garantie, …). */
  evaluer(date: Jour, br: Cents, fr: Cents, roBrut: Cents, autres: ContexteComplementaire | undefined): Cents {
    if (this.forme === FORME_LINEAIRE) {
      if (!contexteValide(br, fr, roBrut)) throw contexteInvalide(br, fr, roBrut);
      if (autres !== undefined) {
        const u = autres.unites;
        if (u !== undefined && (!Number.isSafeInteger(u) || u < 0)) throw unitesInvalides(u);
      }
      // Every value below is ≥ 0 and at most CENTS_MAX (or appliquerTaux threw): the sum leaves the range only at the end.
      let v = this.cents;
      if (this.nBr !== 0) v += tauxPositifArrondi(br, this.nBr, this.dBr, this.iBr, this.tBr);
      if (this.nFr !== 0) v += tauxPositifArrondi(fr, this.nFr, this.dFr, this.iFr, this.tFr);
      if (this.nTm !== 0) v += tauxPositifArrondi(br - roBrut, this.nTm, this.dTm, this.iTm, this.tTm);
      if (this.ajouteRo) v += roBrut;
      return v <= 100_000_000_000 ? v : additionner(v, 0); // CENTS_MAX, as a literal: no context load per line
    }
    if (this.forme === FORME_NEANT) return 0;
    return this.general(date, br, fr, roBrut, autres);
  }
}

function evaluateurInutile(): Cents {
  return 0;
}

interface Lineaire {
  tBr: Taux;
  tFr: Taux;
  tTm: Taux;
  cents: Cents;
  ajouteRo: boolean;
}

/**
 * The linear form of a formula, when it has one: only shares of the BR, the FR or the TM (one of each at most) and
 * amounts, none per unit of care, no limit, minimum, count or frame share; non-negative rates and amounts. Such a cell can only
 * fail by leaving the amount range, with the same error whatever the order of its terms, so summing them in a fixed
 * order gives what the interpreter gives.
 */
function lineaire(f: Formule): Lineaire | undefined {
  if (!formeConnue(f) || f.limite !== undefined || f.minimum !== undefined || f.monture !== undefined || f.nombreMax !== undefined) return undefined;
  if (f.convention !== "RO_INCLUS" && f.convention !== "RO_EN_SUS") return undefined;
  if (!Array.isArray(f.termes) || f.termes.length === 0) return undefined;
  const l: Lineaire = { tBr: TAUX_ZERO, tFr: TAUX_ZERO, tTm: TAUX_ZERO, cents: 0, ajouteRo: f.convention === "RO_EN_SUS" };
  const vus = new Set<string>();
  let avecTm = false;
  for (const tp of f.termes) {
    if (seMultiplie(tp)) return undefined;
    const t = tp.terme;
    if (t.type === "montant") {
      if (!Number.isSafeInteger(t.cents) || t.cents < 0 || t.cents > CENTS_MAX) return undefined;
      l.cents += t.cents;
      if (l.cents > CENTS_MAX) return undefined;
      continue;
    }
    if (t.type !== "pourcentage" || !(t.base === "BR" || t.base === "FR" || t.base === "TM") || vus.has(t.base)) return undefined;
    const d = POW10[t.taux.exp];
    if (d === undefined || !Number.isSafeInteger(t.taux.num) || t.taux.num < 0) return undefined;
    vus.add(t.base);
    if (t.base === "TM") avecTm = true;
    if (t.base === "BR") l.tBr = t.taux;
    else if (t.base === "FR") l.tFr = t.taux;
    else l.tTm = t.taux;
  }
  if (avecTm && f.convention === "RO_INCLUS") l.ajouteRo = true;
  return l;
}

const compilees = new WeakMap<Garantie, GarantieCompilee>();

/** Compiles `g` (memoised by AST identity: the parser memoises ASTs by text, so one text compiles once). */
export function compilerGarantie(g: Garantie): GarantieCompilee {
  const objet = g !== null && typeof g === "object";
  const deja = objet ? compilees.get(g) : undefined;
  if (deja !== undefined) return deja;
  const c = new GarantieCompilee(g);
  if (objet) compilees.set(g, c);
  return c;
}

/** Whether `x` is a compiled guarantee (the calculators check their inputs). */
export function estGarantieCompilee(x: unknown): x is GarantieCompilee {
  return x instanceof GarantieCompilee;
}

function mentionne(g: Garantie): boolean {
  if (g.type !== "formule") return false;
  // Read defensively: compiling never throws, whatever the AST (its evaluation says what is wrong with it).
  const a = (t: readonly TermePeriode[] | undefined) => Array.isArray(t) && t.some((tp: TermePeriode | null) => tp?.terme?.type === "plafondLegal");
  return a(g.termes) || a(g.limite);
}

function evaluateur(g: Garantie): EvaluateurGarantie {
  switch (g !== null && typeof g === "object" ? g.type : undefined) {
    case "neant":
      return () => 0;
    case "service": {
      const texte = (g as { texte: string }).texte;
      return () => {
        throw garantieNonMonetaire(texte);
      };
    }
    case "renvoi": {
      const texte = `Voir ${(g as { vers: string }).vers}`;
      return () => {
        throw garantieNonMonetaire(texte);
      };
    }
    case "formule":
      // A formula of a shape this compiler does not know is interpreted, never computed another way.
      return formeConnue(g as Formule) ? evaluateurFormule(g as Formule) : interprete(g);
    default:
      // Not an AST of the language: the interpreter says what it says about it.
      return interprete(g);
  }
}

function interprete(g: Garantie): EvaluateurGarantie {
  return (date, br, fr, roBrut, autres) => evaluerGarantieLigne(g, date, br, fr, roBrut, autres);
}

// ---- shapes -------------------------------------------------------------------------------------------------------

// Every field of a formula and of its terms that the evaluator reads. A formula with another field (a form added to
// the language and not yet to this compiler), or whose parts are not of these shapes, is left to the interpreter.
const CHAMPS_FORMULE = new Set(["type", "termes", "limite", "minimum", "nombreMax", "monture", "convention", "conventionExplicite"]);
const CHAMPS_TERME_PERIODE = new Set(["terme", "periode"]);
const CHAMPS_PERIODE = new Set(["nombre", "unite", "beneficiaire", "duree"]);
const BASES = new Set(["BR", "FR", "TM", "PMSS", "PLV", "HLF"]);

function champsConnus(o: object, champs: ReadonlySet<string>): boolean {
  for (const k of Object.keys(o)) if (!champs.has(k)) return false;
  return true;
}

function uniteConnue(u: unknown): boolean {
  return typeof u === "string" && Object.prototype.hasOwnProperty.call(UNITES, u);
}

function periodeConnue(p: unknown): boolean {
  return p !== null && typeof p === "object" && champsConnus(p, CHAMPS_PERIODE) && uniteConnue((p as { unite: unknown }).unite);
}

function termeConnu(tp: unknown): boolean {
  if (tp === null || typeof tp !== "object" || !champsConnus(tp, CHAMPS_TERME_PERIODE)) return false;
  const { terme: t, periode } = tp as TermePeriode;
  if (periode !== undefined && !periodeConnue(periode)) return false;
  if (t === null || typeof t !== "object") return false;
  if (t.type === "montant" || t.type === "plafondLegal") return true;
  return t.type === "pourcentage" && BASES.has(t.base) && t.taux !== null && typeof t.taux === "object";
}

function listeConnue(l: unknown, facultative: boolean): boolean {
  return (facultative && l === undefined) || (Array.isArray(l) && l.every(termeConnu));
}

function formeConnue(f: Formule): boolean {
  const m = f.nombreMax;
  return (
    champsConnus(f, CHAMPS_FORMULE) &&
    listeConnue(f.termes, false) &&
    listeConnue(f.limite, true) &&
    listeConnue(f.minimum, true) &&
    (m === undefined ||
      (m !== null && typeof m === "object" && typeof m.nombre === "number" && (m.unite === undefined || uniteConnue(m.unite)) && periodeConnue(m.periode))) &&
    (f.monture === undefined || typeof f.monture === "number")
  );
}

// ---- terms -------------------------------------------------------------------------------------------------------

/** One term's value for the line, before the per-unit scaling. */
type ValeurTerme = (date: Jour, br: Cents, fr: Cents, roBrut: Cents, autres: ContexteComplementaire | undefined) => Cents;

/**
 * amount × rate, half away from zero, with the rate's fields as constants: appliquerTaux specialised. The rare
 * paths (a product beyond 2^53, a result beyond CENTS_MAX) go to appliquerTaux itself, which answers or throws.
 */
function produit(t: Taux): (c: Cents) => Cents {
  const n = t.num;
  const d = POW10[t.exp];
  if (d === undefined || !Number.isSafeInteger(n)) return (c) => appliquerTaux(c, t);
  if (d === 1) {
    return (c) => {
      const p = c * n;
      return Number.isSafeInteger(p) && p <= CENTS_MAX && p >= -CENTS_MAX ? p + 0 : appliquerTaux(c, t);
    };
  }
  return (c) => {
    const p = c * n;
    let q = Math.trunc(p / d);
    const r = p - q * d;
    if (r + r >= d) q++;
    else if (r + r <= -d) q--;
    return Number.isSafeInteger(p) && q <= CENTS_MAX && q >= -CENTS_MAX ? q + 0 : appliquerTaux(c, t);
  };
}

function valeurTerme(t: Terme): ValeurTerme {
  if (t.type === "montant") {
    const c = t.cents;
    return () => c;
  }
  if (t.type === "plafondLegal") {
    return (_d, _b, _f, _r, autres) => {
      const p = autres?.plafondLegal;
      if (p === undefined) throw plafondLegalAbsent();
      return p;
    };
  }
  const x = produit(t.taux);
  switch (t.base) {
    case "BR":
      return (_d, br) => x(br);
    case "FR":
      return (_d, _b, fr) => x(fr);
    case "TM":
      return (_d, br, _f, roBrut) => x(br - roBrut);
    case "PMSS":
      return (date) => x(pmssDeLAnnee(date));
    case "PLV":
      return (_d, _b, _f, _r, autres) => {
        const plv = autres?.plv;
        if (plv === undefined) throw plvAbsent();
        return x(plv);
      };
    case "HLF":
      return (_d, _b, _f, _r, autres) => {
        const hlf = autres?.hlf;
        if (hlf === undefined) throw hlfAbsent();
        return x(hlf);
      };
  }
}

/** Amounts and shares of the PMSS written per unit of care are multiplied by the units paid (evaluer.ts seMultiplie). */
function seMultiplie(tp: TermePeriode): boolean {
  const t = tp.terme;
  return tp.periode !== undefined && UNITES[tp.periode.unite].parUnite && (t.type === "montant" || (t.type === "pourcentage" && t.base === "PMSS"));
}

/** The sum of a list of terms for `unites` units paid (evaluer.ts somme). */
type Somme = (date: Jour, br: Cents, fr: Cents, roBrut: Cents, autres: ContexteComplementaire | undefined, unites: number) => Cents;

function somme(termes: readonly TermePeriode[], convention: Formule["convention"]): Somme {
  const valeurs = termes.map((tp) => valeurTerme(tp.terme));
  const multiplie = termes.map(seMultiplie);
  // « 100 % TM » written Sécu incluse means RO brut + TM: the RO is counted once per sum.
  const ajouteRo = convention === "RO_INCLUS" && termes.some((tp) => tp.terme.type === "pourcentage" && tp.terme.base === "TM");
  const n = valeurs.length;
  if (n === 1 && !ajouteRo) {
    const v0 = valeurs[0]!;
    if (!multiplie[0]) return (date, br, fr, roBrut, autres) => additionner(0, v0(date, br, fr, roBrut, autres));
    return (date, br, fr, roBrut, autres, unites) => {
      const v = v0(date, br, fr, roBrut, autres);
      return additionner(0, unites !== 1 ? multiplierEntier(v, unites) : v);
    };
  }
  if (n === 2 && !ajouteRo && !multiplie[0] && !multiplie[1]) {
    const v0 = valeurs[0]!;
    const v1 = valeurs[1]!;
    return (date, br, fr, roBrut, autres) => additionner(additionner(0, v0(date, br, fr, roBrut, autres)), v1(date, br, fr, roBrut, autres));
  }
  return (date, br, fr, roBrut, autres, unites) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const v = valeurs[i]!(date, br, fr, roBrut, autres);
      total = additionner(total, unites !== 1 && multiplie[i] ? multiplierEntier(v, unites) : v);
    }
    return ajouteRo ? additionner(total, roBrut) : total;
  };
}

// ---- formulas ----------------------------------------------------------------------------------------------------

function contexteValide(br: Cents, fr: Cents, roBrut: Cents): boolean {
  return Number.isSafeInteger(br) && br >= 0 && Number.isSafeInteger(fr) && fr >= 0 && Number.isSafeInteger(roBrut) && roBrut >= 0 && roBrut <= br;
}

function evaluateurFormule(f: Formule): EvaluateurGarantie {
  const termes = somme(f.termes, f.convention);
  const enSus = f.convention === "RO_EN_SUS";
  const simple = f.limite === undefined && f.minimum === undefined && f.monture === undefined && f.nombreMax === undefined;
  const unitesSansEffet = !f.termes.some(seMultiplie);

  // The claims-table shape: terms only, none per unit. The line's units, when given, are checked and change nothing.
  if (simple && unitesSansEffet) {
    return (date, br, fr, roBrut, autres) => {
      if (!contexteValide(br, fr, roBrut)) throw contexteInvalide(br, fr, roBrut);
      if (autres !== undefined) {
        const u = autres.unites;
        if (u !== undefined && (!Number.isSafeInteger(u) || u < 0)) throw unitesInvalides(u);
      }
      const v = termes(date, br, fr, roBrut, autres, 1);
      return enSus ? additionner(roBrut, v) : v;
    };
  }

  const minimum = f.minimum === undefined ? undefined : somme(f.minimum, f.convention);
  const limite = f.limite === undefined ? undefined : somme(f.limite, f.convention);
  const sorte = sorteDuCompte(f);
  const compte = f.nombreMax !== undefined;
  const prorata = sorte === "prorata";
  const monture = f.monture;
  return (date, br, fr, roBrut, autres) => {
    if (!contexteValide(br, fr, roBrut)) throw contexteInvalide(br, fr, roBrut);
    const u = autres?.unites;
    let lignes = 1;
    let unites = 1;
    if (u !== undefined || compte) {
      lignes = u ?? 1;
      if (!Number.isSafeInteger(lignes) || lignes < 0) throw unitesInvalides(lignes);
      unites = unitesPayees(f, sorte, lignes);
    }
    let valeur = termes(date, br, fr, roBrut, autres, unites);
    if (prorata && unites < lignes) valeur = proratiser(valeur, unites, lignes);
    // « avec un minimum de … »: the floor, then the limit caps it (evaluer.ts's order, errors included).
    if (minimum !== undefined) {
      const plancher = minimum(date, br, fr, roBrut, autres, unites);
      if (plancher > valeur) valeur = plancher;
    }
    if (limite !== undefined) {
      const plafond = limite(date, br, fr, roBrut, autres, unites);
      if (plafond < valeur) valeur = plafond;
    }
    if (monture !== undefined) {
      const fm = autres?.fraisMonture;
      if (fm !== undefined && fm > monture) {
        const plafond = Math.max(0, fr - fm + monture);
        if (plafond < valeur) valeur = plafond;
      }
    }
    return enSus ? additionner(roBrut, valeur) : valeur;
  };
}
