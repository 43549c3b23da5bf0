import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";

/**
 * The files a `remb verifier` command line names: files as given, folders walked recursively. A path that cannot be
 * used becomes an entry with a French `probleme` instead of stopping the run, so every other file is still checked.
 */
export type FormatFichier = "csv" | "xlsx" | "json";

export interface Entree {
  /** The path as shown to the user: as typed, or typed folder + path inside it. */
  readonly chemin: string;
  readonly absolu: string;
  /** From the extension; undefined: decided from the content when read (see formatDuContenu). */
  readonly format?: FormatFichier;
  /** Why this path cannot be checked (missing, unreadable folder, folder without grid). */
  readonly probleme?: string;
}

/** The extensions read from inside folders, with their format. */
const EXTENSIONS: Readonly<Record<string, FormatFichier>> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".xlsx": "xlsx",
  ".xlsm": "xlsx",
  ".json": "json",
  // An old .xls workbook lying in a folder of grids must be reported (the CSV reader recognises it and says to save
  // it as .xlsx), not skipped: skipping it would let a batch pass without checking that grid.
  ".xls": "csv",
};
/** Also accepted when named explicitly: Excel's « Texte Unicode » export is a .txt. Not picked up from folders (notes). */
const EXTENSIONS_EXPLICITES: Readonly<Record<string, FormatFichier>> = { ...EXTENSIONS, ".txt": "csv" };

/** Larger files are refused before reading: the importers stop at 50 MB anyway, and reading 10 GB first would hurt. */
export const OCTETS_MAX = 50 * 1024 * 1024;

export function listerEntrees(chemins: readonly string[], cwd: string): Entree[] {
  const entrees: Entree[] = [];
  const vus = new Set<string>();
  const ajouter = (e: Entree) => {
    // The same file named twice (explicitly and through its folder) is checked and counted once.
    if (e.probleme === undefined && vus.has(e.absolu)) return;
    vus.add(e.absolu);
    entrees.push(e);
  };
  for (const chemin of chemins) {
    const absolu = path.resolve(cwd, chemin);
    let st;
    try {
      st = statSync(absolu);
    } catch (e) {
      ajouter({ chemin, absolu, probleme: messageFs(e, chemin) });
      continue;
    }
    if (!st.isDirectory()) {
      // Regular files, but also /dev/fd/N (a shell's <(…)): reading decides.
      const format = EXTENSIONS_EXPLICITES[extension(chemin)];
      ajouter({ chemin, absolu, ...(format ? { format } : {}) });
      continue;
    }
    const trouves: Entree[] = [];
    parcourir(absolu, chemin, new Set(), trouves);
    if (trouves.length === 0) {
      // An empty folder given to a CI job is a mistake (wrong path, failed export): passing it silently would be a
      // green build that checked nothing.
      ajouter({ chemin, absolu, probleme: `Aucune grille dans le dossier « ${chemin} » (fichiers .csv, .xlsx ou .json attendus).` });
    }
    for (const e of trouves) ajouter(e);
  }
  return entrees;
}

/**
 * Depth-first, entries sorted by name in code-unit order at each level (the same order on every machine and
 * locale, as `LC_ALL=C ls`). Hidden entries (.git, .DS_Store) and Excel's lock files (~$classeur.xlsx, present while
 * a workbook is open) are skipped. Symbolic links are followed; a folder already visited (link loop) is not re-entered.
 */
function parcourir(absolu: string, affiche: string, visites: Set<string>, sortie: Entree[]): void {
  let reel: string;
  let noms: Dirent[];
  try {
    reel = realpathSync(absolu);
    if (visites.has(reel)) return;
    visites.add(reel);
    noms = readdirSync(absolu, { withFileTypes: true });
  } catch (e) {
    sortie.push({ chemin: affiche, absolu, probleme: messageFs(e, affiche) });
    return;
  }
  noms.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of noms) {
    if (d.name.startsWith(".") || d.name.startsWith("~$")) continue;
    const abs = path.join(absolu, d.name);
    const aff = path.join(affiche, d.name);
    let dossier = d.isDirectory();
    let fichier = d.isFile();
    if (d.isSymbolicLink()) {
      try {
        const st = statSync(abs);
        dossier = st.isDirectory();
        fichier = st.isFile();
      } catch (e) {
        // A dangling link named like a grid is reported; other dangling links are not our business.
        if (EXTENSIONS[extension(d.name)]) sortie.push({ chemin: aff, absolu: abs, probleme: messageFs(e, aff) });
        continue;
      }
    }
    if (dossier) parcourir(abs, aff, visites, sortie);
    else if (fichier) {
      const format = EXTENSIONS[extension(d.name)];
      if (format) sortie.push({ chemin: aff, absolu: abs, format });
    }
  }
}

function extension(nom: string): string {
  return path.extname(nom).toLowerCase();
}

/** The file's bytes, or a French message saying why they cannot be read. */
export function lireOctets(e: Entree): Uint8Array | { readonly probleme: string } {
  try {
    const st = statSync(e.absolu);
    if (st.isFile() && st.size > OCTETS_MAX) {
      return { probleme: `Fichier trop gros (${Math.round(st.size / 1048576)} Mo) : un tableau de garanties fait au plus quelques Mo.` };
    }
    return readFileSync(e.absolu);
  } catch (err) {
    return { probleme: messageFs(err, e.chemin) };
  }
}

/**
 * For a file named without a known extension: a ZIP is a workbook, a text starting with « { » is REMB JSON,
 * anything else goes to the CSV reader, which names what it is when it is not a CSV (binary, PDF, XLS…).
 */
export function formatDuContenu(o: Uint8Array): FormatFichier {
  if (o[0] === 0x50 && o[1] === 0x4b) return "xlsx";
  let i = o[0] === 0xef && o[1] === 0xbb && o[2] === 0xbf ? 3 : 0;
  while (i < o.length && (o[i] === 0x20 || o[i] === 0x09 || o[i] === 0x0a || o[i] === 0x0d)) i++;
  return o[i] === 0x7b ? "json" : "csv";
}

export function messageFs(e: unknown, chemin: string): string {
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return `Fichier ou dossier introuvable : « ${chemin} ».`;
    case "EACCES":
    case "EPERM":
      return `Lecture refusée (permissions) : « ${chemin} ».`;
    case "ELOOP":
      return `Liens symboliques en boucle : « ${chemin} ».`;
    case "EISDIR":
      return `« ${chemin} » est un dossier.`;
    default:
      return `Lecture impossible de « ${chemin} » : ${(e as Error).message ?? String(e)}.`;
  }
}
