import type { BaseTaux, UniteTemps } from "./ast";

/**
 * The words of the guarantee language, folded (lower case, no accents, see jetons.ts `plier`). Each notion
 * has several spellings on input and exactly one on output (`UNITES[u].singulier/pluriel`, `BASES`).
 */

export interface DefinitionUnite {
  readonly singulier: string;
  readonly pluriel: string;
  /**
   * The amount is due per unit of care in the line (day, night, session, act): a line of 3 nights at
   * « 50 € / nuit » gives 150 €. The other units describe an envelope or the item itself (one equipment,
   * one ear), which one line holds once.
   */
  readonly parUnite: boolean;
  /** Can be counted in « max 4 séances / an », « 1 équipement tous les 2 ans ». */
  readonly denombrable: boolean;
  /** A duration, usable as the period of an envelope or of a count (« / an », « tous les 2 ans »). */
  readonly duree: boolean;
}

export const UNITES: Readonly<Record<UniteTemps, DefinitionUnite>> = {
  acte: { singulier: "acte", pluriel: "actes", parUnite: true, denombrable: true, duree: false },
  consultation: { singulier: "consultation", pluriel: "consultations", parUnite: true, denombrable: true, duree: false },
  jour: { singulier: "jour", pluriel: "jours", parUnite: true, denombrable: true, duree: true },
  nuit: { singulier: "nuit", pluriel: "nuits", parUnite: true, denombrable: true, duree: false },
  seance: { singulier: "séance", pluriel: "séances", parUnite: true, denombrable: true, duree: false },
  an: { singulier: "an", pluriel: "ans", parUnite: false, denombrable: false, duree: true },
  semestre: { singulier: "semestre", pluriel: "semestres", parUnite: false, denombrable: false, duree: true },
  trimestre: { singulier: "trimestre", pluriel: "trimestres", parUnite: false, denombrable: false, duree: true },
  mois: { singulier: "mois", pluriel: "mois", parUnite: false, denombrable: false, duree: true },
  beneficiaire: { singulier: "bénéficiaire", pluriel: "bénéficiaires", parUnite: false, denombrable: false, duree: false },
  equipement: { singulier: "équipement", pluriel: "équipements", parUnite: false, denombrable: true, duree: false },
  oreille: { singulier: "oreille", pluriel: "oreilles", parUnite: false, denombrable: true, duree: false },
  // « 1 700 € par aide auditive » (R871-2 4°): one hearing aid, which one line holds once (« / aide » on input).
  aide: { singulier: "aide auditive", pluriel: "aides auditives", parUnite: false, denombrable: true, duree: false },
  verre: { singulier: "verre", pluriel: "verres", parUnite: false, denombrable: true, duree: false },
  dent: { singulier: "dent", pluriel: "dents", parUnite: false, denombrable: true, duree: false },
  sejour: { singulier: "séjour", pluriel: "séjours", parUnite: false, denombrable: true, duree: false },
  cure: { singulier: "cure", pluriel: "cures", parUnite: false, denombrable: true, duree: false },
  // « 500 € / œil » (chirurgie réfractive), « 1 400 € par implant », « 1 000 € par appareil »: items a line holds once.
  oeil: { singulier: "œil", pluriel: "yeux", parUnite: false, denombrable: true, duree: false },
  implant: { singulier: "implant", pluriel: "implants", parUnite: false, denombrable: true, duree: false },
  appareil: { singulier: "appareil", pluriel: "appareils", parUnite: false, denombrable: true, duree: false },
  // « 400 € / enfant » (forfait naissance ou adoption): one child, which one line holds once.
  enfant: { singulier: "enfant", pluriel: "enfants", parUnite: false, denombrable: true, duree: false },
  naissance: { singulier: "naissance", pluriel: "naissances", parUnite: false, denombrable: true, duree: false },
  // « 100 € par monture »: one frame, which one line holds once.
  monture: { singulier: "monture", pluriel: "montures", parUnite: false, denombrable: true, duree: false },
};

/**
 * Folded spellings of each unit, singular and plural (« année », « nuitée », « journée » included). A unit is one
 * word here; the parser takes the words that may follow it (« année civile », « aide auditive »).
 */
export const MOTS_UNITE: ReadonlyMap<string, UniteTemps> = new Map<string, UniteTemps>([
  ["acte", "acte"],
  ["actes", "acte"],
  ["consultation", "consultation"],
  ["consultations", "consultation"],
  ["jour", "jour"],
  ["jours", "jour"],
  ["journee", "jour"],
  ["journees", "jour"],
  ["nuit", "nuit"],
  ["nuits", "nuit"],
  ["nuitee", "nuit"],
  ["nuitees", "nuit"],
  ["seance", "seance"],
  ["seances", "seance"],
  ["an", "an"],
  ["ans", "an"],
  ["annee", "an"],
  ["annees", "an"],
  ["semestre", "semestre"],
  ["semestres", "semestre"],
  ["trimestre", "trimestre"],
  ["trimestres", "trimestre"],
  ["mois", "mois"],
  ["beneficiaire", "beneficiaire"],
  ["beneficiaires", "beneficiaire"],
  ["equipement", "equipement"],
  ["equipements", "equipement"],
  ["oreille", "oreille"],
  ["oreilles", "oreille"],
  // « aide » or « aide auditive »: the parser takes the optional « auditive(s) » after it (analyser.ts `complementUnite`).
  ["aide", "aide"],
  ["aides", "aide"],
  ["verre", "verre"],
  ["verres", "verre"],
  ["dent", "dent"],
  ["dents", "dent"],
  ["sejour", "sejour"],
  ["sejours", "sejour"],
  ["cure", "cure"],
  ["cures", "cure"],
  ["œil", "oeil"],
  ["oeil", "oeil"],
  ["yeux", "oeil"],
  ["implant", "implant"],
  ["implants", "implant"],
  ["appareil", "appareil"],
  ["appareils", "appareil"],
  ["enfant", "enfant"],
  ["enfants", "enfant"],
  ["naissance", "naissance"],
  ["naissances", "naissance"],
  ["monture", "monture"],
  ["montures", "monture"],
]);

/** Canonical name of each base of a percentage (« 150 % BR », « 1,5 % PMSS »). */
export const BASES: Readonly<Record<BaseTaux, string>> = {
  BR: "BR",
  TM: "TM",
  FR: "FR",
  PMSS: "PMSS",
  PLV: "PLV",
  HLF: "HLF",
};

/**
 * Folded word sequences naming a base. BRSS (base de remboursement de la Sécurité sociale), TC (tarif de
 * convention, acts) and TR (tarif de responsabilité, LPP devices) are all the BR (docs/modele-de-calcul.md §1 glossary).
 */
export const MOTS_BASE: readonly (readonly [readonly string[], BaseTaux])[] = [
  [["base", "de", "remboursement", "de", "la", "securite", "sociale"], "BR"],
  [["base", "de", "remboursement"], "BR"],
  [["base"], "BR"],
  [["tarif", "de", "convention"], "BR"],
  [["tarif", "de", "responsabilite"], "BR"],
  [["tarif", "conventionnel"], "BR"],
  [["brss"], "BR"],
  [["br"], "BR"],
  [["bss"], "BR"],
  [["tc"], "BR"],
  [["tr"], "BR"],
  [["frais", "reels"], "FR"],
  [["depenses", "reelles"], "FR"],
  [["depense", "reelle"], "FR"],
  [["depenses"], "FR"],
  [["depense"], "FR"],
  [["fr"], "FR"],
  [["ticket", "moderateur"], "TM"],
  [["tm"], "TM"],
  [["plafond", "mensuel", "de", "la", "securite", "sociale"], "PMSS"],
  [["pmss"], "PMSS"],
  [["prix", "limites", "de", "vente"], "PLV"],
  [["prix", "limite", "de", "vente"], "PLV"],
  [["plv"], "PLV"],
  [["honoraires", "limites", "de", "facturation"], "HLF"],
  [["honoraire", "limite", "de", "facturation"], "HLF"],
  [["hlf"], "HLF"],
];

/** « 150 % BR » is the default reading of a bare « 150 % » (docs/modele-de-calcul.md §5); what the parser lists when lost. */
export const ATTENDU_BASE = "« BR », « FR », « PMSS »…";
export const ATTENDU_TERME = "un montant (« 50 € »), un pourcentage (« 150 % BR »), « TM » ou « Frais réels »";
export const ATTENDU_UNITE = "« an », « jour », « nuit », « séance », « acte »…";
export const ATTENDU_PERIODE = "« / an », « par an », « tous les 2 ans »…";

// ── words the grammar looks for (folded) ──────────────────────────────────────────────────────────────

export const ARTICLES: readonly (readonly string[])[] = [["de", "la"], ["de", "l'"], ["du"], ["des"], ["de"], ["d'"]];
export const ARTICLES_RO: readonly (readonly string[])[] = [["de", "la"], ["de", "l'"], ["du"], ["des"], ["de"], ["d'"], ["le"], ["la"], ["l'"]];
export const NOYAUX_RO: readonly (readonly string[])[] = [
  ["securite", "sociale"],
  ["regime", "obligatoire"],
  ["assurance", "maladie", "obligatoire"],
  ["assurance", "maladie"],
  ["ro"],
  ["rss"],
  ["ss"],
  ["amo"],
  ["secu"],
];
export const INCLUS = new Set(["inclus", "incluse", "inclu", "inclue", "compris", "comprise", "incl"]);
export const LIMITE = new Set(["limite", "limitee", "limites", "limitees", "plafonne", "plafonnee", "plafonnes", "plafonnees"]);
export const A = new Set(["a", "au", "aux"]);
export const EUROS = new Set(["euro", "euros", "eur"]);
/**
 * Words that may follow a complete term. After « 150 % » any other word is a misspelt base (« 150 % BX »)
 * rather than the start of a clause, and is reported as such.
 */
export const DEBUT_CLAUSE = new Set([
  "dans",
  "limite",
  "limitee",
  "limites",
  "limitees",
  "plafonne",
  "plafonnee",
  "plafonnes",
  "plafonnees",
  "plafond",
  "max",
  "maxi",
  "maximum",
  "jusqu'",
  "a",
  "en",
  "hors",
  "y",
  "dont",
  "par",
  "tous",
  "toutes",
  "chaque",
  "le",
  "la",
  "l'",
  "ro",
  "rss",
  "ss",
  "amo",
  "secu",
  "securite",
  "regime",
  "remboursement",
  "assurance",
  "sans",
  "illimite",
  "illimitee",
  "illimites",
  "illimitees",
  "avec",
  "minimum",
  "au",
]);
export const ILLIMITE = new Set(["illimite", "illimitee", "illimites", "illimitees"]);
export const SANS_LIMITE = new Set(["limite", "limites", "limitation", "limitations"]);
export const BASE_EXEMPLE: Readonly<Record<BaseTaux, string>> = {
  BR: "150 % BR",
  TM: "100 % TM",
  FR: "100 % FR",
  PMSS: "1,5 % PMSS",
  PLV: "100 % PLV",
  HLF: "100 % HLF",
};
