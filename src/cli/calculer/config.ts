import type { Jour } from "../../core/dates";
import type { Garantie } from "../../core/garantie";
import type { Calculateur } from "../../core/postes";

/**
 * What every block of a claims table is computed with: plain data (structured-cloneable), built once by the command
 * and sent to each worker thread.
 */

/** The columns of the claims table REMB reads (0-based index in the header, −1: absent). */
export interface IndexColonnes {
  readonly date: number;
  readonly frais: number;
  readonly base: number;
  readonly tauxRo: number;
  readonly poste: number;
  readonly garantie: number;
  readonly secteur: number;
  readonly retenue: number;
  readonly beneficiaire: number;
  readonly panier: number;
  readonly acteLourd: number;
  readonly dateContrat: number;
}

export interface GarantiePoste {
  readonly code: string;
  readonly calculateur: Calculateur;
  readonly tauxRo?: string;
  readonly secteur?: "OPTAM" | "NON-OPTAM";
  readonly garantie: Garantie;
  readonly garantieOptam?: Garantie;
}

export interface ConfigBloc {
  /** Field separator byte. */
  readonly separateur: number;
  /** Decimal separator byte of the amounts written (« , » in a « ; » file, else « . »). */
  readonly decimale: number;
  /** Text fields' encoding. */
  readonly encodage: "utf-8" | "windows-1252";
  readonly colonnes: IndexColonnes;
  /** The barème's guarantees by poste code (empty with a guarantee column and no grid). */
  readonly garanties: readonly GarantiePoste[];
  /** Postes the barème cannot apply, with the reason given on their claims. */
  readonly sansGarantie: readonly (readonly [string, string])[];
  /** Claim values of the poste column → catalogue codes (the mapping file's « postes »). */
  readonly valeursPoste: readonly (readonly [string, string])[];
  readonly responsable: boolean;
  /** Contract date for every line (−1: the care date, or the date_contrat column). */
  readonly dateContrat: Jour;
  /** Also write the guarantee retained and the cap that bound. */
  readonly plafonds: boolean;
  /** Produce the output rows (false: summary only). */
  readonly sortie: boolean;
}

/** One poste's totals, in cents. */
export interface Agregat {
  nombre: number;
  fr: number;
  ro: number;
  rc: number;
  rac: number;
  /** Lines where a legal cap bound the guarantee. */
  plafonnees: number;
}

export interface Rejet {
  /** 1-based physical line in the block (the command adds the block's first line). */
  readonly ligne: number;
  readonly raison: string;
  /** The line's FR when it could be read (cents), else −1. */
  readonly fr: number;
}

/** The beneficiaries a calculator has seen over the whole table (hashes of their ids), by poste and in all. */
export interface Beneficiaires {
  /** Hash pairs by poste (EnsembleHaches.exporter); all beneficiaries are their union. */
  readonly postes: Record<string, Int32Array>;
}

/** What a block gives back. */
export interface ResultatBloc {
  readonly sortie: Uint8Array | null;
  /** Records read (rejected ones included). */
  readonly lignes: number;
  /** Physical lines of the block (for line numbers). */
  readonly physiques: number;
  readonly postes: Record<string, Agregat>;
  readonly rejets: Rejet[];
}
