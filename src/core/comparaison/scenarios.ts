import { argumentInvalide } from "../errors";
import { centsDepuisEuros, appliquerTaux, tauxDepuisTexte, type Cents, type Taux, taux as tauxExact } from "../money";
import { jourDepuisIso, type Jour } from "../dates";
import { parametres } from "../params";
import type { CodePoste, Section } from "../postes";
import type { CategorieOptique } from "../calculators/verres";
import type { PanierDentaire } from "../calculators/dentaire";
import donnees from "./scenarios.json";

/**
 * The standard care scenarios of broker comparisons (the common list of reimbursement examples insurers publish),
 * as data: scenarios.json. A scenario says which grid line it reads (postes, first found wins), which calculator
 * computes it and with what; the prices it holds are observed market prices of its date (`prixAu`), editable. The
 * BR and the RO rate are never copied into it: they name a dated parameter, read at the comparison date, so the
 * same scenario re-bases itself when the law changes (a price that is a legal amount — the FJ, an HLF, a PLV — names
 * its parameter too).
 */

export type CalculateurScenario = "soins" | "sejour" | "dentaire" | "optique" | "audio";

/** An amount: euros as written in the data (« 66.59 »), or a dated parameter. */
export type MontantScenario = string | { readonly parametre: string };

export interface ScenarioJson {
  readonly code: string;
  readonly libelle: string;
  readonly section: Section;
  /** Grid postes this scenario reads, by preference: the first the grid has is used. */
  readonly postes: readonly string[];
  readonly calculateur: CalculateurScenario;
  readonly prix: MontantScenario;
  /** « aucune »: not reimbursed (BR 0); « prix »: the BR is the price (hospital stays); or a dated parameter. */
  readonly br?: "aucune" | "prix" | { readonly parametre: string };
  /** Dated parameter of the RO rate; « sans-ticket-moderateur »: fees of a stay with an acte lourd (R160-16 I). */
  readonly taux?: "sans-ticket-moderateur" | { readonly parametre: string };
  readonly secteur?: "OPTAM" | "NON-OPTAM";
  /** « PF »: the participation forfaitaire is kept, for an adult (age ≥ pf.age_exoneration). */
  readonly retenue?: "PF";
  /** The patient's age when the scenario is about a child (otherwise: the comparison's age, default adult). */
  readonly age?: number;
  readonly acteLourd?: boolean;
  readonly panier?: PanierDentaire;
  /** Honoraires limites de facturation of a dental act (a dated parameter). */
  readonly hlf?: { readonly parametre: string };
  readonly classe?: "A" | "B" | "I" | "II";
  readonly categorie?: CategorieOptique;
  /** Observed average price gap in a réseau de soins (a market figure, with its source). */
  readonly reseau?: { readonly remise: string; readonly source: string };
  /** The price is an observed market price, not a legal amount. */
  readonly prixObserve?: boolean;
  readonly source: string;
}

export interface FichierScenarios {
  readonly version: number;
  /** Date the observed prices hold (ISO). */
  readonly prixAu: string;
  readonly source: string;
  /** French titles of the sections used (kept here so that REMB.SCENARIOS does not load the postes catalogue). */
  readonly sections: Readonly<Partial<Record<Section, string>>>;
  readonly scenarios: readonly ScenarioJson[];
}

export const SCENARIOS: FichierScenarios = donnees as unknown as FichierScenarios;

/** A scenario with every amount read at one date: what the calculators and the sheet use. */
export interface ScenarioResolu {
  readonly code: string;
  readonly libelle: string;
  readonly section: Section;
  readonly libelleSection: string;
  readonly postes: readonly CodePoste[];
  readonly calculateur: CalculateurScenario;
  readonly date: Jour;
  readonly prix: Cents;
  /** Réseau price: price × (1 − remise), rounded to the cent; undefined without réseau data. */
  readonly prixReseau?: Cents;
  /** BR of the act; undefined for optique and audio, whose calculator reads it from the class and age. */
  readonly br?: Cents;
  /** RO rate; undefined when the calculator reads it (optique, audio, séjour, dentaire by default). */
  readonly taux?: Taux;
  readonly secteur?: "OPTAM" | "NON-OPTAM";
  /** The PF is kept (adult doctor act). */
  readonly pf: boolean;
  readonly age?: number;
  readonly acteLourd: boolean;
  readonly panier?: PanierDentaire;
  readonly hlf?: Cents;
  readonly classe?: "A" | "B" | "I" | "II";
  readonly categorie?: CategorieOptique;
  readonly prixObserve: boolean;
  /** Where the price comes from, and the réseau figure's source when there is one. */
  readonly source: string;
  /** Names of the parameters read (price, BR, rate), for the sheet's notes. */
  readonly parametres: readonly string[];
  /** Uncertain parameter values used (⚠ notes of the data). */
  readonly incertitudes: readonly string[];
}

export interface OptionsScenarios {
  /** Client's age for the scenarios that do not fix one (default: adult, no exemption). */
  readonly age?: number;
  /** Prices changed by the user, by scenario code (cents). */
  readonly prix?: Readonly<Record<string, Cents>>;
  /** Only these codes, in this order (default: all, in the data's order). */
  readonly codes?: readonly string[];
}

/** Every scenario read at `date`. Throws a RembError naming the scenario and the parameter when a value is missing. */
export function scenariosAuJour(date: Jour, o: OptionsScenarios = {}, fichier: FichierScenarios = SCENARIOS): ScenarioResolu[] {
  const parCode = new Map(fichier.scenarios.map((s) => [s.code.toUpperCase(), s]));
  let choisis: readonly ScenarioJson[] = fichier.scenarios;
  if (o.codes !== undefined) {
    choisis = o.codes.map((c) => {
      const s = parCode.get(c.trim().toUpperCase());
      if (s === undefined) throw argumentInvalide(`Scénario inconnu : « ${c} » — codes connus : ${[...parCode.keys()].join(", ")}.`);
      return s;
    });
  }
  for (const code of Object.keys(o.prix ?? {})) {
    if (!parCode.has(code.toUpperCase())) throw argumentInvalide(`Prix donné pour un scénario inconnu : « ${code} ».`);
  }
  return choisis.map((s) => resoudre(s, date, o, fichier.sections[s.section] ?? s.section));
}

function resoudre(s: ScenarioJson, date: Jour, o: OptionsScenarios, libelleSection: string): ScenarioResolu {
  const lus: string[] = [];
  const incertitudes: string[] = [];
  const lire = (m: MontantScenario, quoi: string): Cents => {
    if (typeof m === "string") return centsDepuisEuros(m, `${quoi} du scénario ${s.code}`);
    lus.push(m.parametre);
    const v = parametres.valeurDatee(m.parametre, date);
    if (v.incertain) incertitudes.push(`${m.parametre} : ${v.note ?? "valeur incertaine"}`);
    return parametres.cents(m.parametre, date);
  };
  const prixDonne = o.prix?.[s.code] ?? o.prix?.[s.code.toUpperCase()];
  const prix = prixDonne ?? lire(s.prix, "le prix");
  let br: Cents | undefined;
  if (s.br === "aucune") br = 0;
  else if (s.br === "prix") br = prix;
  else if (s.br !== undefined) br = lire(s.br, "la base");
  let taux: Taux | undefined;
  if (s.taux === "sans-ticket-moderateur") taux = tauxExact(1);
  else if (s.taux !== undefined) {
    lus.push(s.taux.parametre);
    taux = parametres.taux(s.taux.parametre, date);
  } else if (s.br === "aucune") taux = tauxExact(0);
  // The client's age applies to the adult scenarios of doctors (the PF); a hearing-aid scenario stays the adult one it names.
  const age = s.age ?? (s.retenue === "PF" ? o.age : undefined);
  const pf = s.retenue === "PF" && (age === undefined || age >= parametres.entier("pf.age_exoneration", date));
  const remise = s.reseau === undefined ? undefined : tauxDepuisTexte(s.reseau.remise, `la remise réseau du scénario ${s.code}`);
  const prixReseau = remise === undefined ? undefined : prix - appliquerTaux(prix, remise);
  return {
    code: s.code,
    libelle: s.libelle,
    section: s.section,
    libelleSection,
    postes: s.postes as readonly CodePoste[],
    calculateur: s.calculateur,
    date,
    prix,
    ...(prixReseau === undefined ? {} : { prixReseau }),
    ...(br === undefined ? {} : { br }),
    ...(taux === undefined ? {} : { taux }),
    ...(s.secteur === undefined ? {} : { secteur: s.secteur }),
    pf,
    ...(age === undefined ? {} : { age }),
    acteLourd: s.acteLourd === true,
    ...(s.panier === undefined ? {} : { panier: s.panier }),
    ...(s.hlf === undefined ? {} : { hlf: lire(s.hlf, "les honoraires limites") }),
    ...(s.classe === undefined ? {} : { classe: s.classe }),
    ...(s.categorie === undefined ? {} : { categorie: s.categorie }),
    prixObserve: s.prixObserve === true,
    source: s.reseau === undefined ? s.source : `${s.source} Réseau : ${s.reseau.source}`,
    parametres: lus,
    incertitudes,
  };
}

/** Date the observed prices of the data hold. */
export function datePrixScenarios(fichier: FichierScenarios = SCENARIOS): Jour {
  return jourDepuisIso(fichier.prixAu);
}
