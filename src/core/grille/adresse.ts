import { RembError } from "../errors";

/** Where cell [0][0] of an imported table sits in its workbook (1-based row and column). */
export interface Origine {
  readonly feuille?: string;
  readonly ligne: number;
  readonly colonne: number;
}

const COLONNE_MAX = 16384; // XFD, Excel's last column
const LIGNE_MAX = 1048576;

/** 1 → A, 27 → AA (Excel column letters). */
export function lettresColonne(n: number): string {
  let s = "";
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** A sheet name as Excel writes it in a reference: quoted when it holds anything but letters, digits and _. */
export function prefixeFeuille(feuille: string | undefined): string {
  if (feuille === undefined || feuille === "") return "";
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(feuille) && !/^[A-Za-z]{1,3}[0-9]+$/.test(feuille)) return `${feuille}!`;
  return `'${feuille.replace(/'/g, "''")}'!`;
}

/** A1 address of table cell [r][c] (0-based) under an origin. */
export function adresseA1(origine: Origine, r: number, c: number): string {
  return `${prefixeFeuille(origine.feuille)}${lettresColonne(origine.colonne + c)}${origine.ligne + r}`;
}

const A1 = /^(?:(?:'((?:[^']|'')+)'|([^!'"]+))!)?\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** « 'Tableau 2026'!B3 », « Feuil1!C5 », « B3 » or { feuille, ligne, colonne } → an origin. */
export function origineDepuis(o: string | { readonly feuille?: string; readonly ligne?: number; readonly colonne?: number } | undefined): Origine {
  if (o === undefined) return { ligne: 1, colonne: 1 };
  if (typeof o === "string") {
    const m = A1.exec(o.trim());
    if (!m) throw new RembError("ARGUMENT_INVALIDE", `Origine invalide : « ${o} » — une adresse comme « B3 » ou « 'Tableau 2026'!B3 » est attendue.`);
    const feuille = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    let colonne = 0;
    for (const ch of m[3]!.toUpperCase()) colonne = colonne * 26 + (ch.charCodeAt(0) - 64);
    return verifier({ ...(feuille !== undefined ? { feuille } : {}), ligne: Number(m[4]), colonne }, o);
  }
  const r: Origine = { ...(o.feuille !== undefined ? { feuille: o.feuille } : {}), ligne: o.ligne ?? 1, colonne: o.colonne ?? 1 };
  return verifier(r, JSON.stringify(o));
}

function verifier(o: Origine, texte: string): Origine {
  if (!Number.isInteger(o.ligne) || o.ligne < 1 || o.ligne > LIGNE_MAX || !Number.isInteger(o.colonne) || o.colonne < 1 || o.colonne > COLONNE_MAX) {
    throw new RembError("ARGUMENT_INVALIDE", `Origine hors de la feuille : « ${texte} » (lignes 1 à ${LIGNE_MAX}, colonnes A à XFD).`);
  }
  return o;
}
