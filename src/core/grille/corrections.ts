import { RembError } from "../errors";
import { estCodePoste, type CodePoste } from "../postes";
import { plier } from "../texte/plier";
import { lireCsv, detecterSeparateur } from "./csv";

/**
 * What a user corrected in how a grid was read: the same format for the command line (`--corrections fichier`)
 * and the task pane (stored in the workbook), so a colleague re-reading the grid gets the same reading.
 *
 * - `lignes`: the poste of a line by its sheet row (« 12 » → « hospi.frais-sejour »);
 * - `libelles`: the poste of every line printed with this label (case, accents and spaces folded), the task pane's
 *   « appliquer aux libellés identiques »; a row correction wins over a label correction;
 * - `cellules`: the text to read instead of the printed one, by A1 address without the sheet (« C14 » →
 *   « 150 % BR »), for a cell REMB cannot read or reads wrongly.
 *
 * A poste value is a catalogue code, `null` (« aucun »: the line is no poste, it is not checked) or « attribut » (the
 * line states a contract attribute or a service, not a care: kept and not checked).
 */
export type PosteCorrige = CodePoste | null | "attribut";

export interface Corrections {
  readonly lignes?: Readonly<Record<number, PosteCorrige>>;
  readonly libelles?: Readonly<Record<string, PosteCorrige>>;
  readonly cellules?: Readonly<Record<string, string>>;
}

/** Version of the stored format (workbook settings key and JSON file). */
export const VERSION_CORRECTIONS = 1;

/** At most this many corrections: a grid has a few hundred cells. */
const CORRECTIONS_MAX = 10_000;

/**
 * Reads a corrections file: JSON (`{ "version": 1, "lignes": {…}, "libelles": {…}, "cellules": {…} }`) or CSV with
 * one correction per row `type;clé;valeur` (type « ligne », « libelle » or « cellule »; an optional header row).
 * Throws a RembError with a French message naming the faulty entry.
 */
export function lireCorrections(texte: string): Corrections {
  const t = texte.replace(/^\uFEFF/, "").trim();
  if (t === "") throw invalide("fichier vide.");
  if (t.startsWith("{")) {
    let brut: unknown;
    try {
      brut = JSON.parse(t);
    } catch (e) {
      throw invalide(`JSON mal formé (${(e as Error).message.replace(/^.*?: /, "")}).`);
    }
    return validerCorrections(brut);
  }
  const lignes = lireCsv(t, detecterSeparateur(t));
  const lignesPoste: Record<number, PosteCorrige> = {};
  const libelles: Record<string, PosteCorrige> = {};
  const cellules: Record<string, string> = {};
  lignes.forEach((champs, i) => {
    const [type = "", cle = "", valeur = ""] = champs.map((x) => x.trim());
    if (type === "" && cle === "") return;
    const ou = `ligne ${i + 1} du fichier`;
    switch (plier(type)) {
      case "type":
        return; // header row
      case "ligne":
        lignesPoste[numeroLigne(cle, ou)] = posteCorrige(valeur, ou);
        return;
      case "libelle":
        if (cle === "") throw invalide(`${ou} : libellé vide.`);
        libelles[cle] = posteCorrige(valeur, ou);
        return;
      case "cellule":
        cellules[adresseCorrigee(cle, ou)] = valeur;
        return;
      default:
        throw invalide(`${ou} : type « ${type} » inconnu ; « ligne », « libelle » ou « cellule » attendu (colonnes : type;clé;valeur).`);
    }
  });
  return compter({ lignes: lignesPoste, libelles, cellules });
}

/** Checks a corrections object (parsed JSON, or what the task pane stored) and returns it typed. */
export function validerCorrections(brut: unknown): Corrections {
  if (typeof brut !== "object" || brut === null || Array.isArray(brut)) throw invalide("un objet { lignes, libelles, cellules } est attendu.");
  const o = brut as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!["version", "lignes", "libelles", "cellules"].includes(k))
      throw invalide(`clé « ${k} » inconnue ; « lignes », « libelles » ou « cellules » attendue.`);
  }
  if (o.version !== undefined && o.version !== VERSION_CORRECTIONS)
    throw invalide(`version ${JSON.stringify(o.version)} inconnue (version ${VERSION_CORRECTIONS} attendue).`);
  const lignes: Record<number, PosteCorrige> = {};
  for (const [k, v] of Object.entries(objet(o.lignes, "lignes"))) lignes[numeroLigne(k, `lignes « ${k} »`)] = posteCorrige(v, `lignes « ${k} »`);
  const libelles: Record<string, PosteCorrige> = {};
  for (const [k, v] of Object.entries(objet(o.libelles, "libelles"))) libelles[k] = posteCorrige(v, `libelles « ${k} »`);
  const cellules: Record<string, string> = {};
  for (const [k, v] of Object.entries(objet(o.cellules, "cellules"))) {
    if (typeof v !== "string") throw invalide(`cellules « ${k} » : le texte à lire est attendu (par exemple « 150 % BR »).`);
    cellules[adresseCorrigee(k, `cellules « ${k} »`)] = v;
  }
  return compter({ lignes, libelles, cellules });
}

/** The poste a correction gives a line (row first, then label), or undefined when none applies. */
export function posteCorrigeDe(c: Corrections | undefined, ligne: number, libelle: string): PosteCorrige | undefined {
  if (c === undefined) return undefined;
  if (c.lignes && Object.prototype.hasOwnProperty.call(c.lignes, ligne)) return c.lignes[ligne];
  if (c.libelles) {
    const cle = plier(libelle);
    for (const [k, v] of Object.entries(c.libelles)) if (plier(k) === cle) return v;
  }
  return undefined;
}

/** The text a correction gives a cell (address without the sheet), or undefined. */
export function lectureCorrigeeDe(c: Corrections | undefined, adresse: string | undefined): string | undefined {
  if (c?.cellules === undefined || adresse === undefined) return undefined;
  const cle = adresse.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();
  return Object.prototype.hasOwnProperty.call(c.cellules, cle) ? c.cellules[cle] : undefined;
}

function objet(v: unknown, nom: string): Record<string, unknown> {
  if (v === undefined) return {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw invalide(`« ${nom} » doit être un objet { clé: valeur }.`);
  return v as Record<string, unknown>;
}

function numeroLigne(k: string, ou: string): number {
  const n = Number(k);
  if (!/^[0-9]+$/.test(k.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw invalide(`${ou} : numéro de ligne de la feuille attendu (1, 2, 3…), « ${k} » trouvé.`);
  return n;
}

function posteCorrige(v: unknown, ou: string): PosteCorrige {
  if (v === null) return null;
  if (typeof v !== "string") throw invalide(`${ou} : un code de poste, « aucun » ou « attribut » est attendu.`);
  const s = v.trim();
  const p = plier(s);
  if (p === "aucun" || p === "" || p === "null") return null;
  if (p === "attribut") return "attribut";
  if (!estCodePoste(s)) throw invalide(`${ou} : poste « ${s} » inconnu du catalogue (codes : docs/format-grille.md).`);
  return s;
}

function adresseCorrigee(k: string, ou: string): string {
  const a = k.trim().replace(/\$/g, "").toUpperCase();
  if (!/^[A-Z]{1,3}[0-9]{1,7}$/.test(a)) throw invalide(`${ou} : adresse de cellule attendue (« C14 »), « ${k} » trouvé.`);
  return a;
}

function compter(c: { lignes: Record<number, PosteCorrige>; libelles: Record<string, PosteCorrige>; cellules: Record<string, string> }): Corrections {
  const n = Object.keys(c.lignes).length + Object.keys(c.libelles).length + Object.keys(c.cellules).length;
  if (n > CORRECTIONS_MAX) throw invalide(`${n} corrections (au plus ${CORRECTIONS_MAX}).`);
  return c;
}

function invalide(message: string): RembError {
  return new RembError("ARGUMENT_INVALIDE", `Corrections invalides : ${message}`);
}
