import { TAUX_ZERO, type Cents, type Taux } from "../money";
import { INV_POW10, POW10_ENTIER, tauxPositifArrondi } from "../money/taux-rapide";
import type { Jour } from "../dates";
import type { ContexteComplementaire } from "../garantie";
import { GarantieCompilee } from "../garantie/compiler";
import { AUCUN, clore, rcResponsable } from "./decompte";
import {
  booleenOuDefaut,
  verifierEntree,
  verifierGarantie,
  verifierJour,
  verifierMontant,
  verifierMontantGarantie,
  verifierTaux,
  QUOI_DATE_SOINS,
  QUOI_DATE_CONTRAT,
  QUOI_FR,
  QUOI_BR,
  QUOI_TAUX_RO,
} from "./entrees";
import { plafondNonOptam } from "../responsable/limites/depassement-non-optam";
import { montantRetenue, type Retenue } from "./retenue";
import { estSecteur, secteurInconnu, type Secteur } from "./secteur";
import { prescriptionNonConventionnee } from "./ro";
import { argumentInvalide } from "../errors";

/**
 * calculerSoins for claim tables: the same computation (soins.ts, which stays the reference) with the guarantee
 * compiled once (garantie/compiler.ts) and the line read from, and written to, objects the caller reuses. A table of
 * ten million lines then allocates nothing per line: no Decompte, no arrays, no context object; what DETAIL and the
 * alerts would say is left to calculerSoins, which a caller runs on the lines it wants to explain.
 *
 * Same checks, same named rounding steps (RO brut, the guarantee's own, the non-OPTAM cap), same invariants, same
 * errors: test/core/calculators/soins-compile.test.ts compares both on random lines, to the cent.
 */

/**
 * One soins line, as calculerSoins's EntreeSoins with the guarantee compiled: a mutable record the caller refills
 * (nouvelleLigneSoins), or any object of that shape (an array of pre-read lines).
 */
export interface LigneSoins {
  date: Jour;
  fr: Cents;
  br: Cents;
  tauxRo: Taux;
  garantie: GarantieCompilee;
  /** "OPTAM" (also secteur 1) or "NON-OPTAM"; undefined: OPTAM. */
  secteur?: Secteur | undefined;
  retenue?: Retenue | undefined;
  /** undefined: true. */
  responsable?: boolean | undefined;
  /** The paired OPTAM line's guarantee, for the non-OPTAM cap. */
  garantieOptam?: GarantieCompilee | undefined;
  /** undefined: the care date. */
  dateContrat?: Jour | undefined;
}

/** What calculerSoins's Decompte holds, as numbers in a record the caller reuses. */
export interface ResultatSoins {
  fr: Cents;
  /** The base used: min(BR, FR). */
  br: Cents;
  roBrut: Cents;
  retenue: Cents;
  roNet: Cents;
  /** G after the legal cap. */
  garantie: Cents;
  rc: Cents;
  rac: Cents;
  /** The non-OPTAM cap of the line, −1 when none applies. */
  plafondNonOptam: Cents;
  /** The cap bound G (calculerSoins's plafonds holds "non_optam"). */
  plafonne: boolean;
}

export function nouvelleLigneSoins(garantie: GarantieCompilee): LigneSoins {
  return {
    date: 0,
    fr: 0,
    br: 0,
    tauxRo: { num: 0, exp: 0 },
    garantie,
    secteur: undefined,
    retenue: undefined,
    responsable: undefined,
    garantieOptam: undefined,
    dateContrat: undefined,
  };
}

export function nouveauResultatSoins(): ResultatSoins {
  return { fr: 0, br: 0, roBrut: 0, retenue: 0, roNet: 0, garantie: 0, rc: 0, rac: 0, plafondNonOptam: -1, plafonne: false };
}

// The one context object of the capped lines, refilled: the evaluator reads it before the next line changes it.
const AVEC_PLAFOND: { plafondLegal: Cents } = { plafondLegal: 0 };

// The bounds of verifierJour and verifierMontant as literals: a module constant is a context load on each line.
const JOUR_MIN = -25567; // 1900-01-01
const JOUR_MAX = 2932896; // 9999-12-31
const MAX = 100_000_000_000; // CENTS_MAX

export function calculerSoinsCompile(e: LigneSoins, r: ResultatSoins): void {
  verifierEntree(e);
  const date = e.date;
  let fr = e.fr;
  let br = e.br;
  let t = e.tauxRo;
  const g = e.garantie;
  let d = 0;
  const secteur = e.secteur;
  const responsable = e.responsable;
  // The common line passes one combined test, stricter than the checks of calculerSoins; any other line runs those
  // checks one by one, in calculerSoins's order, so a wrong input gets its error and a correct one goes on.
  if (!(
    Number.isInteger(date) &&
    date >= JOUR_MIN &&
    date <= JOUR_MAX &&
    Number.isSafeInteger(fr) &&
    fr > 0 &&
    fr <= MAX &&
    Number.isSafeInteger(br) &&
    br > 0 &&
    br <= MAX &&
    t !== null &&
    typeof t === "object" &&
    Number.isSafeInteger(t.num) &&
    t.num >= 0 &&
    t.num <= (d = POW10_ENTIER[t.exp]!) &&
    g !== null &&
    typeof g === "object" &&
    g.bienFormee === true &&
    e.garantieOptam === undefined &&
    (secteur === undefined || secteur === "OPTAM" || secteur === "NON-OPTAM") &&
    (responsable === undefined || responsable === true || responsable === false) &&
    e.dateContrat === undefined
  )) {
    verifierLigne(e);
    // Prescribed by a doctor outside the convention: from the date the law excludes it, no RO at all (rate 0).
    if (secteur === "PRESCRIT-NON-CONVENTIONNE" && prescriptionNonConventionnee(date).valeur === false) t = TAUX_ZERO;
    d = POW10_ENTIER[t.exp]!;
    // As verifierMontant: −0 becomes 0.
    fr = fr === 0 ? 0 : fr;
    br = br === 0 ? 0 : br;
  }
  const avecResponsable = responsable !== false;

  const base = fr < br ? fr : br;
  const roBrut = tauxPositifArrondi(base, t.num, d, INV_POW10[t.exp]!, t);
  const ru = e.retenue;
  const retenueUnitaire = ru === undefined ? 0 : typeof ru === "number" && Number.isSafeInteger(ru) && ru > 0 && ru <= MAX ? ru : montantRetenue(ru, date);
  const retenue = retenueUnitaire < roBrut ? retenueUnitaire : roBrut;
  const roNet = roBrut - retenue;

  const plafond =
    secteur === "NON-OPTAM" && base > 0 && (avecResponsable || g.mentionnePlafondLegal)
      ? plafondCr08(base, e.garantieOptam, date, roBrut, e.dateContrat ?? date)
      : -1;
  let autres: ContexteComplementaire | undefined;
  if (plafond >= 0) {
    AVEC_PLAFOND.plafondLegal = plafond;
    autres = AVEC_PLAFOND;
  }
  const gEcrite = g.evaluer(date, base, fr, roBrut, autres);
  if (!Number.isSafeInteger(gEcrite)) verifierMontantGarantie(gEcrite);
  const plafonne = avecResponsable && plafond >= 0 && gEcrite > plafond;
  const garantie = plafonne ? plafond : gEcrite;
  const rc = rcResponsable(garantie, fr, roBrut);
  const rac = fr - roNet - rc;
  if (rc < 0 || rc > fr - roBrut || roNet < 0 || roNet > roBrut || rac < 0) invariantViole(fr, base, roBrut, retenue, roNet, garantie, rc);
  r.fr = fr;
  r.br = base;
  r.roBrut = roBrut;
  r.retenue = retenue;
  r.roNet = roNet;
  r.garantie = garantie;
  r.rc = rc;
  r.rac = rac;
  r.plafondNonOptam = plafond;
  r.plafonne = plafonne;
}

/**
 * As soins.ts plafondCr08, out of line (the common OPTAM line never runs it, and the engine compiles the hot path
 * better without it): the OPTAM cell is a level of cover, evaluated on FR = 3 × BR (any FR ≥ 2.2 BR).
 */
function plafondCr08(base: Cents, gOptam: GarantieCompilee | undefined, date: Jour, roBrut: Cents, dateContrat: Jour): Cents {
  const depOptam = gOptam === undefined ? undefined : gOptam.evaluer(date, base, 3 * base, roBrut, undefined) - base;
  return plafondNonOptam(base, depOptam, dateContrat);
}

/** calculerSoins's checks, in its order: throws the first failure. */
/** The checks of calculerSoins (its prologue `ouvrir`, then its amounts), in its order: the same first error. */
function verifierLigne(e: LigneSoins): void {
  verifierJour(e.date, QUOI_DATE_SOINS);
  if (e.dateContrat !== undefined) verifierJour(e.dateContrat, QUOI_DATE_CONTRAT);
  verifierCompilee(e.garantie);
  booleenOuDefaut(e.responsable, true, "responsable");
  verifierMontant(e.fr, QUOI_FR);
  verifierMontant(e.br, QUOI_BR);
  verifierTaux(e.tauxRo, QUOI_TAUX_RO);
  if (e.garantieOptam !== undefined) verifierCompilee(e.garantieOptam, "la garantie OPTAM");
  const secteur = e.secteur ?? "OPTAM";
  if (!estSecteur(secteur)) throw secteurInconnu(String(secteur));
}

/** A compiled guarantee, whose AST passes calculerSoins's own check (the same message when it does not). */
/** A broken invariant is a defect of REMB: clore raises the same error calculerSoins would. */
function invariantViole(fr: Cents, br: Cents, roBrut: Cents, retenue: Cents, roNet: Cents, garantie: Cents, rc: Cents): void {
  clore({ fr, br, roBrut, retenue, roNet, garantie, rc, plafonds: AUCUN, alertes: AUCUN, etapes: AUCUN });
}

function verifierCompilee(g: GarantieCompilee, quoi = "la garantie"): void {
  if (!(g instanceof GarantieCompilee)) throw garantieNonCompilee(quoi);
  verifierGarantie(g.garantie, quoi);
}

function garantieNonCompilee(quoi: string): Error {
  return argumentInvalide(`Garantie manquante ou invalide pour ${quoi} — une garantie compilée (compilerGarantie) est attendue.`);
}
