import { constants, readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { LIMITES, tailleFr } from "../core/grille/limites";
import { OCTETS_CLASSEUR_MAX } from "./archive";

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

/** How long reading a path that is not a regular file may take (a FIFO, a process substitution, a device). */
export interface DelaisLecture {
  /** No byte received for this long: the writer is gone or never came (a FIFO nobody writes to). */
  readonly silenceMs: number;
  /** The whole read. */
  readonly totalMs: number;
}

/** A grid piped through `<(…)` arrives in well under a second; a command that stalls this long is not producing one. */
export const DELAIS_LECTURE: DelaisLecture = { silenceMs: 10_000, totalMs: 60_000 };

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
    const format = EXTENSIONS[extension(d.name)];
    if (dossier) parcourir(abs, aff, visites, sortie);
    else if (fichier) {
      if (format) sortie.push({ chemin: aff, absolu: abs, format });
    } else if (format) {
      // A FIFO or a device named like a grid: reading it could wait or never end; it is named rather than skipped.
      sortie.push({
        chemin: aff,
        absolu: abs,
        probleme: `« ${afficher(aff)} » n'est pas un fichier ordinaire (tube nommé, périphérique ou socket) : il n'est pas lu depuis un dossier ; donnez son chemin seul pour le lire.`,
      });
    }
  }
}

function extension(nom: string): string {
  return path.extname(nom).toLowerCase();
}

/**
 * The file's bytes, or a French message saying why they cannot be read. Bounded for every kind of path: a regular file
 * larger than the limit of its format is refused before reading; anything else (a FIFO, `<(commande)`, /dev/zero, a
 * terminal) is read without blocking, up to the same size and within DELAIS_LECTURE, then refused with the limit named.
 * The file is opened read-only and never written.
 */
export async function lireOctets(e: Entree, delais: DelaisLecture = DELAIS_LECTURE): Promise<Uint8Array | { readonly probleme: string }> {
  // A format known from the extension has its own limit; otherwise the largest, and the importer checks its own.
  const max = e.format === "xlsx" || e.format === undefined ? OCTETS_CLASSEUR_MAX : LIMITES.octetsTexte;
  let fd: FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO nobody writes to returns at once instead of waiting for a writer forever.
    fd = await open(e.absolu, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await fd.stat();
    if (st.isDirectory()) return { probleme: `« ${afficher(e.chemin)} » est un dossier.` };
    if (st.isFile()) {
      if (st.size > max) return { probleme: tropGros(e, st.size, max) };
      return await lireFichier(fd, e, st.size, max);
    }
    return await lireFlux(fd, e, st.isFIFO(), max, delais);
  } catch (err) {
    return { probleme: messageFs(err, e.chemin) };
  } finally {
    await fd?.close().catch(() => undefined);
  }
}

function tropGros(e: Entree, taille: number | undefined, max: number): string {
  const quoi = e.format === "xlsx" ? "un classeur de garanties" : e.format === undefined ? "une grille" : "un tableau de garanties CSV ou JSON";
  const lu = taille === undefined ? `plus de ${tailleFr(max)} lus` : tailleFr(taille);
  return `Fichier trop gros (${lu}) : au plus ${tailleFr(max)} pour ${quoi}, qui fait d'ordinaire quelques dizaines de Ko.`;
}

/** A regular file: its size, re-checked while reading (it may grow meanwhile). */
async function lireFichier(fd: FileHandle, e: Entree, taille: number, max: number): Promise<Uint8Array | { readonly probleme: string }> {
  const tampon = Buffer.alloc(Math.min(taille, max) + 1);
  let lus = 0;
  for (;;) {
    const { bytesRead } = await fd.read(tampon, lus, tampon.length - lus, lus);
    if (bytesRead === 0) break;
    lus += bytesRead;
    if (lus > max) return { probleme: tropGros(e, undefined, max) };
    if (lus === tampon.length) break;
  }
  return tampon.subarray(0, lus);
}

/**
 * A FIFO, a pipe (`<(commande)`, /dev/stdin), a device: read in chunks without blocking, waiting a little when nothing
 * is there yet, until the end, the size limit or a delay.
 */
async function lireFlux(fd: FileHandle, e: Entree, tube: boolean, max: number, delais: DelaisLecture): Promise<Uint8Array | { readonly probleme: string }> {
  const morceaux: Buffer[] = [];
  let lus = 0;
  const debut = Date.now();
  let dernier = debut;
  const nom = afficher(e.chemin);
  for (;;) {
    const maintenant = Date.now();
    if (maintenant - debut > delais.totalMs) {
      return {
        probleme: `Lecture de « ${nom} » arrêtée après ${secondes(delais.totalMs)} (${tailleFr(lus)} reçus) : une grille arrive en moins d'une seconde ; le programme qui l'écrit est-il bloqué ?`,
      };
    }
    if (maintenant - dernier > delais.silenceMs) {
      return {
        probleme:
          lus === 0
            ? `Aucune donnée reçue de « ${nom} » en ${secondes(delais.silenceMs)} : ${tube ? "c'est un tube (FIFO) sans programme qui y écrive ?" : "ce n'est pas un fichier ordinaire."}`
            : `Lecture de « ${nom} » interrompue : plus rien reçu depuis ${secondes(delais.silenceMs)} (${tailleFr(lus)} reçus).`,
      };
    }
    const tampon = Buffer.allocUnsafe(65536);
    let n: number;
    try {
      n = (await fd.read(tampon, 0, tampon.length, null)).bytesRead;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EAGAIN" && (err as NodeJS.ErrnoException).code !== "EWOULDBLOCK") throw err;
      await attendre(20);
      continue;
    }
    if (n === 0) {
      // A FIFO whose writer has not come yet reads as ended: wait for one (within the silence delay) until data came.
      if (tube && lus === 0) {
        await attendre(20);
        continue;
      }
      break;
    }
    morceaux.push(tampon.subarray(0, n));
    lus += n;
    dernier = Date.now();
    if (lus > max) {
      return {
        probleme: `« ${nom} » n'est pas un fichier ordinaire et fournit plus de ${tailleFr(max)} : ce n'est pas une grille (/dev/zero, /dev/urandom ?).`,
      };
    }
  }
  return Buffer.concat(morceaux, lus);
}

function attendre(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function secondes(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${String(ms / 1000).replace(".", ",")} s`;
}

/** A path as shown inside a message: a very long one keeps its start and its end. */
export function afficher(chemin: string): string {
  return chemin.length <= 160 ? chemin : `${chemin.slice(0, 70)}…${chemin.slice(-70)}`;
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

/** A system error on a path, in French with what to do (never the system's English message). */
export function messageFs(e: unknown, chemin: string): string {
  const code = (e as { code?: unknown }).code;
  const c = afficher(chemin);
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return `Fichier ou dossier introuvable : « ${c} ».`;
    case "EACCES":
    case "EPERM":
      return `Lecture refusée (permissions) : « ${c} ».`;
    case "ELOOP":
      return `Liens symboliques en boucle : « ${c} ».`;
    case "EISDIR":
      return `« ${c} » est un dossier.`;
    case "ENAMETOOLONG":
      return `Chemin trop long (${chemin.length} caractères) : « ${c} ». Un nom de fichier fait au plus 255 octets, un chemin 4 096 ; raccourcissez-le.`;
    case "ERR_INVALID_ARG_VALUE":
    case "ERR_INVALID_ARG_TYPE":
      return `Chemin invalide (il contient un caractère nul) : « ${c} ».`;
    case "EMFILE":
    case "ENFILE":
      return `Trop de fichiers ouverts sur le système en lisant « ${c} » : relancez la commande plus tard ou avec moins de fichiers.`;
    case "ENXIO":
    case "ENODEV":
    case "EOPNOTSUPP":
      return `« ${c} » n'est pas un fichier lisible (socket, ou périphérique absent) : une grille CSV, XLSX ou JSON est attendue.`;
    case "EBUSY":
    case "ETXTBSY":
      return `« ${c} » est occupé par un autre programme : fermez-le et relancez la commande.`;
    case "EIO":
      return `Erreur d'entrée-sortie en lisant « ${c} » (disque ou partage réseau défaillant ?) : copiez le fichier ailleurs et réessayez.`;
    case "ETIMEDOUT":
    case "ESTALE":
    case "EHOSTDOWN":
    case "EHOSTUNREACH":
      return `Partage réseau injoignable en lisant « ${c} » : vérifiez la connexion, ou copiez le fichier en local.`;
    case "ENOMEM":
      return `Mémoire insuffisante pour lire « ${c} ».`;
    default:
      return `Lecture impossible de « ${c} » (erreur système ${typeof code === "string" ? code : "inconnue"}) : vérifiez le chemin, les droits et le disque.`;
  }
}
