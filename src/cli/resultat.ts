import type { Grille } from "../core/grille";
import type { RapportVerification } from "../core/responsable";
import type { FormatFichier } from "./entrees";

/** What happened to one input of `remb verifier`: a report, or why there is none. */
export type ResultatFichier = ResultatVerifie | ResultatEchec;

export interface ResultatVerifie {
  readonly chemin: string;
  readonly format: FormatFichier;
  readonly grille: Grille;
  readonly rapport: RapportVerification;
  readonly erreur?: undefined;
}

export interface ResultatEchec {
  readonly chemin: string;
  readonly format?: FormatFichier;
  /** Present when the file was read and the verification failed. */
  readonly grille?: Grille;
  readonly erreur: {
    /** "lecture": the file is not a readable grid; "verification": the grid was read, the validator failed. */
    readonly etape: "lecture" | "verification";
    /** The RembError code when there is one (ARGUMENT_INVALIDE, PARAMETRE_AVANT_DEBUT…). */
    readonly code?: string;
    /** French. */
    readonly message: string;
    /** Not a RembError: a defect of REMB rather than of the input. */
    readonly interne: boolean;
  };
}

export interface Resume {
  readonly grilles: number;
  /** No erreur and no alerte. */
  readonly conformes: number;
  /** No erreur, but alertes an auditor must look at: never plainly « conforme ». */
  readonly sousReserve: number;
  readonly nonConformes: number;
  readonly illisibles: number;
  readonly nonVerifiees: number;
}

export function ajouterAuResume(r: Resume, f: ResultatFichier): Resume {
  if (f.erreur === undefined) {
    const v = verdict(f.rapport);
    return {
      ...r,
      grilles: r.grilles + 1,
      conformes: r.conformes + (v === "conforme" ? 1 : 0),
      sousReserve: r.sousReserve + (v === "sous-reserve" ? 1 : 0),
      nonConformes: r.nonConformes + (v === "non-conforme" ? 1 : 0),
    };
  }
  return f.erreur.etape === "lecture"
    ? { ...r, grilles: r.grilles + 1, illisibles: r.illisibles + 1 }
    : { ...r, grilles: r.grilles + 1, nonVerifiees: r.nonVerifiees + 1 };
}

export const RESUME_VIDE: Resume = { grilles: 0, conformes: 0, sousReserve: 0, nonConformes: 0, illisibles: 0, nonVerifiees: 0 };

/**
 * « non-conforme »: an erreur (a breach read without doubt); « sous-reserve »: no erreur but alertes, points REMB could
 * not decide (a cell not read, an uncertain poste…), which an auditor checks before calling the grid compliant;
 * « conforme »: neither.
 */
export type Verdict = "conforme" | "sous-reserve" | "non-conforme";

export function verdict(r: RapportVerification): Verdict {
  return r.erreurs > 0 ? "non-conforme" : r.alertes > 0 ? "sous-reserve" : "conforme";
}

/**
 * Exit code: 2 when anything could not be read or checked (no verdict: a CI must not pass), else 1 when a grid has
 * an `erreur` finding, else 3 when a grid is « conforme sous réserve » (a row or a cell REMB could not check, an
 * uncertain poste: a script must not take it for a plain « conforme »), else 0. 2 wins over 1, 1 over 3.
 */
export function codeDeSortie(r: Resume): 0 | 1 | 2 | 3 {
  if (r.illisibles > 0 || r.nonVerifiees > 0) return 2;
  if (r.nonConformes > 0) return 1;
  return r.sousReserve > 0 ? 3 : 0;
}
