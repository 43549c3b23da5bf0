import { jourDepuisIso, jourDepuisSerie, jourDepuisTexte, type Jour } from "../dates";
import type { Feuille } from "./feuille";
import { estFormatDate } from "./nombre";
import { plier, replier } from "../texte/plier";

/**
 * The rows above the header: the grid's name, its date (a date of effect, else the date the grid says it holds
 * at) with the text it was read from, and whether it calls itself responsible. See docs/format-grille.md §1 bis.
 */

export function lireTitres(
  f: Feuille,
  avant: number,
  colonnesLibelle: readonly number[],
): { nom?: string; dateEffet?: Jour; texteDate?: string; responsable?: boolean } {
  let nom: string | undefined;
  let dateEffet: Jour | undefined;
  let texteDate: string | undefined;
  // « Garanties au 01/01/2025 », « Édition 03/2026 », « Mise à jour … »: a date the grid is as of, taken when no
  // date of effect is printed.
  let dateAutre: { jour: Jour; texte: string } | undefined;
  let responsable: boolean | undefined;
  for (let r = 0; r < avant; r++) {
    const textes: string[] = [];
    let dateCellule: Jour | undefined;
    for (let c = 0; c < f.largeur; c++) {
      const v = f.v(r, c);
      // A title merged across the row comes once per cell (exceljs): once is enough.
      if (v.type === "texte") {
        if (textes[textes.length - 1] !== v.texte) textes.push(v.texte);
      } else if (v.type === "date") dateCellule = jourDepuisIso(v.texte);
      else if (v.type === "nombre") {
        const format = f.format(r, c);
        if (format && estFormatDate(format)) dateCellule = jourDepuisSerieSur(v.nombre);
      }
    }
    const ligne = textes.join(" ");
    if (ligne === "") continue;
    const p = plier(ligne);
    if (dateEffet === undefined) {
      // « Date d'effet : 01/01/2026 », « en vigueur à compter du 1er janvier 2020 »: the date right after the words.
      dateEffet = dateApres(ligne, EFFET) ?? (dateCellule !== undefined && /\b(effet|vigueur|compter|applicables?)\b/.test(p) ? dateCellule : undefined);
      if (dateEffet !== undefined) texteDate = ligne;
    }
    if (dateAutre === undefined) {
      const j =
        dateApres(ligne, REFERENCE) ??
        dateEdition(ligne) ??
        (dateCellule !== undefined && /\b(edition|mise a jour|maj|au)\b/.test(p) ? dateCellule : undefined);
      if (j !== undefined) dateAutre = { jour: j, texte: ligne };
    }
    if (/\bnon responsable\b/.test(p)) responsable ??= false;
    else if (/\bcontrat responsable\b|\bresponsable et solidaire\b|\bsolidaire et responsable\b/.test(p)) responsable ??= true;
    if (nom === undefined && colonnesLibelle.length > 0 && !/\b(effet|vigueur)\b/.test(p)) nom = textes[0]!;
  }
  if (dateEffet === undefined && dateAutre !== undefined) {
    dateEffet = dateAutre.jour;
    texteDate = dateAutre.texte;
  }
  return {
    ...(nom !== undefined ? { nom } : {}),
    ...(dateEffet !== undefined ? { dateEffet } : {}),
    ...(texteDate !== undefined ? { texteDate: texteDate.length > 160 ? `${texteDate.slice(0, 159)}…` : texteDate } : {}),
    ...(responsable !== undefined ? { responsable } : {}),
  };
}

/** The date of effect given by the caller (option), else the one read in the title rows. */
export function dateEffet(f: Feuille, titre: Jour | undefined): Jour | undefined {
  const d = f.options.dateEffet;
  if (d === undefined) return titre;
  if (typeof d === "number") return d;
  return /^\d{4}-\d{2}-\d{2}$/.test(d.trim()) ? jourDepuisIso(d) : jourDepuisTexte(d);
}

function jourDepuisSerieSur(n: number): Jour | undefined {
  try {
    return jourDepuisSerie(n);
  } catch {
    return undefined;
  }
}

const MOIS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

/** Words a date of effect follows (folded): « date d'effet : », « en vigueur au », « à compter du », « applicables le ». */
const EFFET = /\b(?:effet|vigueur|compter|applicables?)\b[^0-9]{0,25}$/;
/** Words a date the grid is as of follows, when no date of effect is printed: « Garanties au », « à partir du », « Mise à jour le ». */
const REFERENCE = /\b(?:au|a partir du|a partir de|mise a jour|mis a jour|maj|actualisee?|en date du)\b[^0-9]{0,8}$/;

/**
 * The first date printed right after the words `avant` matches (at most a few words between): in a paragraph
 * (« … étendu par arrêté du 26 mars 2025, JO … ; en vigueur au 1er janvier 2025 »), only the date those words introduce.
 */
function dateApres(t: string, avant: RegExp): Jour | undefined {
  const p = replier(t);
  const re =
    /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|\b(\d{1,2})(?: ?er)? (janv|fevr?|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)[a-z]*\.? (\d{4})\b/g;
  for (const m of p.matchAll(re)) {
    if (!avant.test(p.slice(Math.max(0, m.index - 60), m.index))) continue;
    try {
      if (m[1] !== undefined) return jourDepuisIso(m[0]);
      if (m[4] !== undefined) return jourDepuisTexte(`${m[4]}/${m[5]}/${m[6]}`);
      return jourDepuisIso(`${m[9]}-${String(MOIS.findIndex((x) => x.startsWith(m[8]!)) + 1).padStart(2, "0")}-${m[7]!.padStart(2, "0")}`);
    } catch {
      continue;
    }
  }
  return undefined;
}

/** « Édition 03/2026 », « Édition mars 2026 », « Version 01/2025 »: the first of the month. */
function dateEdition(t: string): Jour | undefined {
  const edition =
    /\b(?:edition|version|mise a jour|maj)\b\W{0,3}(?:(\d{1,2})[/.-](\d{4})|(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) (\d{4}))\b/.exec(
      replier(t),
    );
  if (!edition) return undefined;
  const mois = edition[1] !== undefined ? Number(edition[1]) : MOIS.indexOf(edition[3]!) + 1;
  if (mois < 1 || mois > 12) return undefined;
  try {
    return jourDepuisIso(`${edition[2] ?? edition[4]!}-${String(mois).padStart(2, "0")}-01`);
  } catch {
    return undefined;
  }
}
