import { RembError } from "../core/errors";
import {
  grilleDepuisCsv,
  grilleDepuisJson,
  grilleDepuisTableau,
  remplirFusions,
  validerCorrections,
  VERSION_CORRECTIONS,
  type ConventionSocle,
  type Corrections,
  type Fusion,
  type Grille,
  type OptionsImport,
} from "../core/grille";
import { lettresColonne, prefixeFeuille } from "../core/grille/adresse";

/**
 * Where a grid comes from, kept raw so that editing its details or a correction reads it again from the same cells:
 * the selection of a sheet, a file (CSV, JSON, or one sheet of an XLSX), or one of the sample grids.
 */
export type Source =
  | {
      readonly type: "selection";
      readonly feuille: string;
      /** The range read, with its sheet (« 'Tableau 2026'!A1:D40 »). */
      readonly adresse: string;
      readonly ligne: number;
      readonly colonne: number;
      readonly valeurs: readonly (readonly unknown[])[];
      readonly formats: readonly (readonly string[])[];
      readonly fusions: readonly Fusion[];
    }
  | { readonly type: "csv"; readonly fichier: string; readonly octets: Uint8Array; readonly exemple?: boolean }
  | { readonly type: "json"; readonly fichier: string; readonly texte: string; readonly exemple?: boolean }
  | {
      readonly type: "xlsx";
      readonly fichier: string;
      readonly feuille: string;
      readonly ligne: number;
      readonly colonne: number;
      readonly valeurs: readonly (readonly unknown[])[];
      readonly formats: readonly (readonly (string | undefined)[])[];
      readonly fusions: readonly Fusion[];
    };

/** What the user may state about a grid (the « Détails » form); undefined: as read from the grid. */
export interface Details {
  readonly nom?: string;
  /** ISO date (« 2026-01-01 »). */
  readonly dateEffet?: string;
  readonly responsable?: boolean;
  readonly collectif?: boolean;
  /** Option columns whose header does not say it: the printed amount includes the base level, or comes on top. */
  readonly conventionSocle?: ConventionSocle;
  readonly nombres?: OptionsImport["nombres"];
}

/**
 * The key a grid's corrections are stored under in the workbook: the sheet for a selection (corrections are by
 * sheet row and cell address), the file name (and sheet) for a file.
 */
export function cleCorrections(s: Source): string {
  switch (s.type) {
    case "selection":
      return `feuille:${s.feuille}`;
    case "xlsx":
      return `fichier:${s.fichier}#${s.feuille}`;
    default:
      return `fichier:${s.fichier}`;
  }
}

/** « 'Tableau 2026'!A1:D40 », « fichier erreurs.xlsx, feuille « Garanties » », « exemple conforme.csv ». */
export function decrireSource(s: Source): string {
  switch (s.type) {
    case "selection":
      return s.adresse;
    case "xlsx":
      return `fichier ${s.fichier}, feuille « ${s.feuille} »`;
    default:
      return `${s.exemple ? "grille d'exemple" : "fichier"} ${s.fichier}`;
  }
}

/** Cells of the grid can be shown in the workbook (the grid is a range of an open sheet). */
export function dansLeClasseur(s: Source): boolean {
  return s.type === "selection";
}

/** Reads the grid from its source with the user's details and corrections. Throws a RembError in French. */
export function importerSource(s: Source, d: Details, c: Corrections | undefined): Grille {
  const options: OptionsImport = {
    ...(d.nom !== undefined && d.nom.trim() !== "" ? { nom: d.nom.trim() } : {}),
    ...(d.dateEffet ? { dateEffet: d.dateEffet } : {}),
    ...(d.responsable !== undefined ? { responsable: d.responsable } : {}),
    ...(d.collectif !== undefined ? { collectif: d.collectif } : {}),
    ...(d.conventionSocle !== undefined ? { conventionSocle: d.conventionSocle } : {}),
    ...(d.nombres !== undefined ? { nombres: d.nombres } : {}),
    ...(c !== undefined ? { corrections: c } : {}),
  };
  switch (s.type) {
    case "selection":
    case "xlsx": {
      // Excel gives a merged range's value in its top-left cell only: spread it as the CLI's reader does.
      const valeurs = s.fusions.length > 0 ? remplirFusions(s.valeurs, s.fusions) : s.valeurs;
      const formats = s.fusions.length > 0 ? remplirFusions(s.formats, s.fusions) : s.formats;
      return grilleDepuisTableau(valeurs, {
        ...options,
        origine: `${prefixeFeuille(s.feuille)}${lettresColonne(s.colonne)}${s.ligne}`,
        formats: formats as OptionsImport["formats"],
      });
    }
    case "csv":
      return grilleDepuisCsv(s.octets, options);
    case "json": {
      // A JSON grid gives its postes and its details itself: the form's details replace its fields.
      let objet: unknown;
      try {
        objet = JSON.parse(s.texte.replace(/^\uFEFF/, ""));
      } catch (e) {
        throw new RembError("ARGUMENT_INVALIDE", `JSON mal formé : ${(e as Error).message}.`);
      }
      if (typeof objet !== "object" || objet === null || Array.isArray(objet)) return grilleDepuisJson(objet);
      return grilleDepuisJson({
        ...objet,
        ...(options.nom !== undefined ? { nom: options.nom } : {}),
        ...(d.dateEffet ? { dateEffet: d.dateEffet } : {}),
        ...(d.responsable !== undefined ? { responsable: d.responsable } : {}),
        ...(d.collectif !== undefined ? { collectif: d.collectif } : {}),
      });
    }
  }
}

/** The corrections stored for a grid, checked; invalid or foreign content is ignored with a message. */
export function correctionsStockees(stock: Readonly<Record<string, unknown>>, cle: string): { corrections: Corrections; probleme?: string } {
  const brut = stock[cle];
  if (brut === undefined) return { corrections: {} };
  try {
    return { corrections: validerCorrections(brut) };
  } catch (e) {
    return { corrections: {}, probleme: `Corrections enregistrées ignorées : ${(e as Error).message}` };
  }
}

/** The corrections as stored in the workbook: the CLI's corrections file format, version included. */
export function correctionsAStocker(c: Corrections): { version: number } & Corrections {
  return { version: VERSION_CORRECTIONS, lignes: c.lignes ?? {}, libelles: c.libelles ?? {}, cellules: c.cellules ?? {} };
}
