import type { Colonne } from "./disposition";
import type { Feuille } from "./feuille";
import type { Niveau } from "./modele";
import { analyserEntete } from "./niveaux";
import { plier } from "../texte/plier";

/**
 * Rows inside the table that are not lines: a sub-table's own header (« Adulte | Enfant » under two levels), the
 * header printed again on a new page, and a correction band printed in the first value column of a per-lens line.
 */

/** The level column that holds a correction band (« SPH > 0 et S ≤ + 6 ») in a row whose other values are guarantees. */
export function bandeDeCorrection(f: Feuille, r: number, colonnes: readonly Colonne[]): number | undefined {
  for (let i = 0; i < colonnes.length; i++) {
    const v = f.v(r, colonnes[i]!.c);
    if (v.type !== "texte" || !/\b(sph|cyl|sph[eè]re|cylindre|dioptr)/i.test(v.texte)) continue;
    if (f.texteSemblableGarantie(v.texte) && !/^\s*(sph|cyl)/i.test(v.texte)) continue;
    if (colonnes.some((col, k) => k !== i && f.semblableGarantie(r, col.c))) return i;
  }
  return undefined;
}

/**
 * A sub-header row inside the table: a row naming levels (« Base | | Option 1 | ») sets which level each column feeds,
 * a merged name feeding the columns to its right that no other name takes; a row of other titles (« Enfant | Adulte »)
 * sets each column's variant. Columns the sub-header does not name keep the table's own level (a column without a
 * name feeds the named level to its left).
 */
export function lireBloc(f: Feuille, r: number, colonnes: readonly Colonne[], niveaux: readonly Niveau[], avant: Bloc | undefined): Bloc {
  const textes = colonnes.map((col) => f.texte(r, col.c));
  const niveauDe = (t: string) => niveaux.findIndex((n) => plier(n.nom) === plier(t) || (n.famille !== undefined && plier(n.famille) === plier(t)));
  const nommes = textes.map((t) => (t === "" ? -1 : niveauDe(t)));
  const base = avant?.colonnes.map((x) => x?.niveau) ?? niveaux.map((n, i) => (n.sansNom ? undefined : i));
  // Columns without a name feed the named level to their left.
  const propre = (i: number): number | undefined => {
    for (let k = i; k >= 0; k--) if (base[k] !== undefined) return base[k];
    return undefined;
  };
  if (nommes.some((x) => x >= 0)) {
    let courant: number | undefined;
    return {
      colonnes: colonnes.map((_, i) => {
        if (nommes[i]! >= 0) courant = nommes[i]!;
        const niveau = courant ?? propre(i);
        // The level row printed again over the same variants (a page break): they stay.
        const variante = avant?.colonnes[i]?.variante;
        return niveau === undefined ? undefined : variante === undefined ? { niveau } : { niveau, variante };
      }),
    };
  }
  return {
    colonnes: colonnes.map((_, i) => {
      const niveau = avant?.colonnes[i]?.niveau ?? propre(i);
      if (niveau === undefined) return undefined;
      const variante = textes[i] === "" ? undefined : textes[i];
      return variante === undefined ? { niveau } : { niveau, variante };
    }),
  };
}

/** Every value of the row is a short column title, none a guarantee. */
export function sousEntete(f: Feuille, r: number, colonnes: readonly Colonne[]): boolean {
  let n = 0;
  for (const col of colonnes) {
    const v = f.v(r, col.c);
    if (v.type === "vide") continue;
    if (v.type !== "texte" || v.texte.length > 80 || f.semblableGarantie(r, col.c)) return false;
    const e = analyserEntete(v.texte);
    if (!e.niveau && e.ignorer === undefined && !TITRE_DE_COLONNE.test(plier(v.texte))) return false;
    n++;
  }
  return n > 0;
}

/** Most of the row's values are the levels' header texts (« Formule 1 | Formule 1 bis (fermée) | … »). */
export function enteteRepetee(f: Feuille, r: number, colonnes: readonly Colonne[]): boolean {
  let valeurs = 0;
  let noms = 0;
  for (const col of colonnes) {
    const t = f.texte(r, col.c);
    if (t === "") continue;
    valeurs++;
    const p = plier(t);
    if ([col.texte, col.haut, col.bas].some((x) => x !== undefined && plier(x) === p)) noms++;
  }
  return valeurs > 0 && noms * 2 > valeurs;
}

/** The columns of a sub-table: the level each one feeds, and its variant (« Adulte »). */
export interface Bloc {
  readonly colonnes: readonly ({ readonly niveau: number; readonly variante?: string } | undefined)[];
}

/** Words of a column title printed inside a table (a sub-table's header). */
const TITRE_DE_COLONNE =
  /\b(secteur|conventionnes?|non conventionnes?|adultes?|enfants?|prestations?|remboursements?|niveaux?|formules?|options?|base|garanties?|montants?|indemnisation|signataires?|adherents?|mutuelle|total|unifocaux|multifocaux|progressifs)\b/;
