/**
 * The sizes past which an input is not a guarantee grid, in one place: every reader (CSV, JSON, XLSX, the sheet itself)
 * refuses beyond them with a French message naming the limit, before the input costs memory. They are chosen from
 * real grids (the 101 grids of test/fixtures/grilles-reelles have at most 233 rows, 11 columns, 389 filled cells and
 * 22 Ko as CSV) with a wide margin, and so that the command line stays under 200 Mo of memory on the largest input it
 * accepts, whatever the output (--json --lecture included): bench/hostiles.bench.ts measures it. Memory grows with
 * the filled cells (each is read, checked and reported), hence the tightest limit on them. docs/format-grille.md §7
 * lists the limits for users.
 */
export const LIMITES = {
  /** A CSV or JSON file: 5 Mo, two hundred times the largest real grid. */
  octetsTexte: 5 * 1024 * 1024,
  /** Rows of the sheet read (title rows and notes included): eight times the largest real grid. */
  lignes: 2_000,
  /** Columns: a grid has a label column and one column per level (a few dozen at most). */
  colonnes: 500,
  /** Filled cells of the sheet read: thirteen times the largest real grid (1 000 rows of a label and 4 levels). */
  cellules: 5_000,
} as const;

/** An XLSX workbook as stored (pictures and logos included): a real grid workbook is 20 to 200 Ko. */
export const OCTETS_CLASSEUR_MAX = 20 * 1024 * 1024;

/**
 * The ZIP archive of an XLSX workbook, checked before anything is inflated by both XLSX readers (the CLI's,
 * src/cli/archive.ts, and the task pane's): a « zip bomb » of 1 Mo may inflate to gigabytes.
 */
export const LIMITES_ARCHIVE = {
  /** Entries of the archive (a workbook has a few dozen). */
  entrees: 10_000,
  /** One part read (a sheet, the shared strings…), inflated: a real grid's sheet is 50 to 300 Ko. */
  partie: 3 * 1024 * 1024,
  /** All parts read, together, inflated. */
  parties: 6 * 1024 * 1024,
} as const;

/** « 5 Mo », « 1,5 Mo », « 800 Ko »: a size as users read it. */
export function tailleFr(octets: number): string {
  if (octets >= 1024 * 1024) {
    const mo = Math.round((octets / 1048576) * 10) / 10;
    return `${entierFr(Math.trunc(mo))}${mo % 1 === 0 ? "" : `,${Math.round((mo % 1) * 10)}`} Mo`;
  }
  return `${entierFr(Math.max(1, Math.round(octets / 1024)))} Ko`;
}

/** « 50 000 »: thousands separated by a space, as French prints them (a plain space: terminals and grep see it). */
export function entierFr(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
