import { lettresColonne, prefixeFeuille } from "../core/grille/adresse";

/**
 * A1 references as Excel writes them in `range.address`: « 'Tableau 2026'!B3:H40 », « Feuil1!A:C », « B3 ». The pane
 * reads them from Excel (selection, merged areas) and writes them (hyperlinks, go to a cell); the fake workbook uses
 * the same functions, so both sides agree on quoting.
 */
export interface Zone {
  /** 0-based first row and column. */
  readonly ligne: number;
  readonly colonne: number;
  readonly lignes: number;
  readonly colonnes: number;
}

export const LIGNES_FEUILLE = 1_048_576;
export const COLONNES_FEUILLE = 16_384;

const REF = /^(?:(?:'((?:[^']|'')+)'|([^!'"]+))!)?(.+)$/;
const CELLULE = /^\$?([A-Za-z]{1,3})?\$?([0-9]{1,7})?$/;

function colonneDepuisLettres(l: string): number {
  let c = 0;
  for (const ch of l.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

/** « 'Feuil 1'!B3:D5 » → { feuille: "Feuil 1", zone }; null when the text is not an A1 reference. */
export function lireReference(texte: string): { readonly feuille?: string; readonly zone: Zone } | null {
  const m = REF.exec(texte.trim());
  if (!m) return null;
  const feuille = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const [a, b = a, reste] = m[3]!.split(":");
  if (reste !== undefined) return null;
  const x = CELLULE.exec(a!);
  const y = CELLULE.exec(b!);
  if (!x || !y || (x[1] === undefined && x[2] === undefined) || (y[1] === undefined && y[2] === undefined)) return null;
  // « A:C » is whole columns, « 2:5 » whole rows.
  const c1 = x[1] !== undefined ? colonneDepuisLettres(x[1]) : 1;
  const c2 = y[1] !== undefined ? colonneDepuisLettres(y[1]) : COLONNES_FEUILLE;
  const l1 = x[2] !== undefined ? Number(x[2]) : 1;
  const l2 = y[2] !== undefined ? Number(y[2]) : LIGNES_FEUILLE;
  if ((x[1] === undefined) !== (y[1] === undefined) || (x[2] === undefined) !== (y[2] === undefined)) return null;
  if (c1 < 1 || c2 > COLONNES_FEUILLE || l1 < 1 || l2 > LIGNES_FEUILLE || c1 > c2 || l1 > l2) return null;
  return {
    ...(feuille !== undefined ? { feuille } : {}),
    zone: { ligne: l1 - 1, colonne: c1 - 1, lignes: l2 - l1 + 1, colonnes: c2 - c1 + 1 },
  };
}

/** A zone as Excel writes it: « B3 », « B3:D5 », « A:C » (whole columns), « 2:5 » (whole rows). */
export function ecrireZone(z: Zone): string {
  const colonnesEntieres = z.ligne === 0 && z.lignes === LIGNES_FEUILLE;
  const lignesEntieres = z.colonne === 0 && z.colonnes === COLONNES_FEUILLE;
  if (colonnesEntieres && !lignesEntieres) return `${lettresColonne(z.colonne + 1)}:${lettresColonne(z.colonne + z.colonnes)}`;
  if (lignesEntieres && !colonnesEntieres) return `${z.ligne + 1}:${z.ligne + z.lignes}`;
  const debut = `${lettresColonne(z.colonne + 1)}${z.ligne + 1}`;
  if (z.lignes === 1 && z.colonnes === 1) return debut;
  return `${debut}:${lettresColonne(z.colonne + z.colonnes)}${z.ligne + z.lignes}`;
}

/** « 'Feuil 1'!B3:D5 ». */
export function ecrireReference(feuille: string | undefined, z: Zone): string {
  return `${prefixeFeuille(feuille)}${ecrireZone(z)}`;
}

/** The cell at row r, column c (0-based) as « C14 ». */
export function cellule(r: number, c: number): string {
  return `${lettresColonne(c + 1)}${r + 1}`;
}

/** Splits RangeAreas.address (« Feuil1!A1:B2, 'A, b'!C3 ») on the commas that separate areas. */
export function separerZones(adresses: string): string[] {
  const r: string[] = [];
  let courant = "";
  let cite = false;
  for (const ch of adresses) {
    if (ch === "'") cite = !cite;
    if (ch === "," && !cite) {
      if (courant.trim() !== "") r.push(courant.trim());
      courant = "";
    } else courant += ch;
  }
  if (courant.trim() !== "") r.push(courant.trim());
  return r;
}

export function contient(z: Zone, ligne: number, colonne: number): boolean {
  return ligne >= z.ligne && ligne < z.ligne + z.lignes && colonne >= z.colonne && colonne < z.colonne + z.colonnes;
}
