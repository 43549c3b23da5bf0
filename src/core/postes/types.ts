/**
 * The vocabulary of the postes catalogue: what a grid line is, and the facts the contrat-responsable
 * validator needs about it (docs/verification.md). The catalogue itself is in catalogue-*.ts.
 */

/** The harmonised headings of a guarantee grid (UNOCAM « lisibilité » agreement of 2019, docs/exemples-chiffres.md). */
export type Section = "hospitalisation" | "soins-courants" | "dentaire" | "optique" | "aides-auditives" | "prevention" | "autres";

export const SECTIONS: readonly Section[] = ["hospitalisation", "soins-courants", "dentaire", "optique", "aides-auditives", "prevention", "autres"];

/** French title of each section, as printed in reports. */
export const LIBELLES_SECTIONS: Readonly<Record<Section, string>> = {
  hospitalisation: "Hospitalisation",
  "soins-courants": "Soins courants",
  dentaire: "Dentaire",
  optique: "Optique",
  "aides-auditives": "Aides auditives",
  prevention: "Prévention et médecines douces",
  autres: "Autres postes",
};

/** The REMB calculator that computes a line of this poste (REMB.SOINS, REMB.SEJOUR…), or null when none does. */
export type Calculateur = "soins" | "sejour" | "fj" | "optique" | "audio" | "dentaire" | null;

/**
 * R871-2 1°: must the contract cover the whole ticket modérateur of this line?
 * - "obligatoire": yes (G ≥ 100 % BR Sécu incluse, rule « R871-2 1° »);
 * - "facultatif": the AMO reimburses it but R160-5 exempts it (see `exceptionTm`);
 * - "sans-objet": no TM to check (no BR: chambre particulière, ostéopathie…; a forfait that is not a TM: FJ, PF…; or
 *   care whose AMO cover depends on where it was given: soins à l'étranger).
 */
export type ObligationTm = "obligatoire" | "facultatif" | "sans-objet";

/** The R160-5 items whose TM a responsible contract may leave uncovered (rule « R871-2 1° » exceptions). */
export type ExceptionTm = "R160-5 6°" | "R160-5 7°" | "R160-5 10°" | "R160-5 14°";

/**
 * Doctors' fees lines come in pairs: adherents of a DPTM (OPTAM / OPTAM-CO) and non-adherents (R871-2 2°).
 * "TOUS" is a line printed once for every doctor: it is also a non-OPTAM line for the cap.
 */
export type Secteur = "OPTAM" | "NON-OPTAM" | "TOUS";

/** Optical equipment category a–f (R871-2 3°, docs/modele-de-calcul.md §9). */
export type CategorieOptique = "a" | "b" | "c" | "d" | "e" | "f";

/** Lens type of R871-2 3° (docs/modele-de-calcul.md §9): a pair of types makes the equipment category a–f. */
export type TypeVerre = "simple" | "complexe" | "tres-complexe";

export interface InfoOptique {
  /** "A" = 100 % Santé (PLV, rule « R871-2 3° classe A »); "B" = free price (floors and caps, rules « R871-2 3° plancher » to « R871-2 3° monture »). */
  readonly classe?: "A" | "B";
  /** Equipment category when the line is for one category; absent for a line covering every category. */
  readonly categorie?: CategorieOptique;
  /**
   * "equipement": 2 lenses + 1 frame; "verres": both lenses of an equipment; "verre": one lens of the type
   * `typeVerre` (grids that print « Verre simple : 80 € » per lens: the equipment of a category is two lenses plus
   * the frame).
   */
  readonly element: "equipement" | "monture" | "verres" | "verre" | "prestation" | "lentilles" | "chirurgie";
  /** For element "verre": the lens type (R871-2 3°: simple, complexe, très complexe). */
  readonly typeVerre?: TypeVerre;
}

export interface InfoAudio {
  /** "I" = 100 % Santé (PLV, rule « R871-2 4° classe I »); "II" = free price (1 700 € cap, rule « R871-2 4° plafond »); absent when the line covers both. */
  readonly classe?: "I" | "II";
  readonly element: "aide" | "accessoires";
}

/** Dental prosthetic baskets (docs/modele-de-calcul.md §10). */
export type PanierDentaire = "100%SANTE" | "MAITRISE" | "LIBRE";

/**
 * The rule identifiers (docs/verification.md, « Règles vérifiées »), tied to their article; users read them, so they
 * are French. "L863-8" is the réseaux rule (no modulation of doctors' acts, docs/modele-de-calcul.md §13).
 */
export const IDS_REGLES = [
  "L871-1 PF",
  "L871-1 franchise",
  "L871-1 transport",
  "L871-1 tiers payant",
  "R871-1 1°",
  "R871-1 2°",
  "R871-2 1°",
  "R871-2 2°",
  "R871-2 3° classe A",
  "R871-2 3° plancher",
  "R871-2 3° plafond",
  "R871-2 3° monture",
  "R871-2 3° renouvellement",
  "R871-2 3° même catégorie",
  "R871-2 4° classe I",
  "R871-2 4° plafond",
  "R871-2 4° renouvellement",
  "R871-2 5°",
  "R871-2 6°",
  "R871-2 7°",
  "R871-2 8°",
  "FPU ⚠",
  "D911-1",
  "L863-8",
] as const;

export type IdRegle = (typeof IDS_REGLES)[number];

/** One entry of the catalogue, as written in catalogue-*.ts. */
export interface DefinitionPoste {
  /** Stable dotted code: never renamed once released (fixtures, JSON grids and findings refer to it). */
  readonly code: string;
  /** French label, as in a harmonised grid. */
  readonly libelle: string;
  readonly section: Section;
  /**
   * Printed wordings that identify the poste anywhere (written in plain French; normalised once at load:
   * accents, case, plurals, abbreviations and the usual variants are folded, see normaliser.ts).
   */
  readonly synonymes: readonly string[];
  /** Wordings that identify the poste only under its own section row (« Verres simples » under OPTIQUE). */
  readonly synonymesSection?: readonly string[];
  /** Words whose presence vetoes the poste (« 100 % Santé » on a classe B line, « non remboursées »…). */
  readonly exclusions?: readonly string[];
  readonly calculateur: Calculateur;
  /** The AMO reimburses this care (BR > 0). False for chambre particulière, ostéopathie, implants… */
  readonly remboursableRo: boolean;
  /** A doctor's act: a réseau may not improve its reimbursement (L863-8, docs/modele-de-calcul.md §13). */
  readonly acteMedecin: boolean;
  readonly tm: ObligationTm;
  readonly exceptionTm?: ExceptionTm;
  readonly secteur?: Secteur;
  /** Same key on the OPTAM, non-OPTAM and all-sectors lines of one kind of act (the R871-2 2° pairing). */
  readonly paire?: string;
  readonly optique?: InfoOptique;
  readonly audio?: InfoAudio;
  /** Dental baskets the line covers. */
  readonly panier?: readonly PanierDentaire[];
  /** Name of the dated AMO rate parameter of the care (docs/parametres.md), when one applies. */
  readonly tauxRo?: string;
  /** The rules of docs/verification.md that apply to the line. */
  readonly regles: readonly IdRegle[];
  /** A nuance or an open question (⚠) worth showing to an auditor. */
  readonly note?: string;
}
