import type { ArgumentExcel, MatriceExcel, SortieCellule, ValeurCellule } from "./excel";
import { erreurExcel, erreurValeur } from "./erreur-excel";

/**
 * Broadcasting, as Excel's own functions do it for the shapes REMB supports: ranges of the same size are read
 * element by element, single cells are repeated, and anything else (a row against a column, 3 rows against 4) is
 * refused with a French message naming both arguments. One call returns one spilled array; an error in one
 * element is that element's error, never the whole array's.
 *
 * This is the hot path of the actuaries' 100 000-row calls: single values are read once, the value buffer is
 * reused from cell to cell, and nothing else is allocated per cell but the result.
 */

export type Lecteur = (v: ValeurCellule, nom: string) => unknown;

export interface Parametre {
  /** The argument's public name (functions.json), used in messages. */
  readonly nom: string;
  readonly lire: Lecteur;
}

/**
 * Computes one output element from the read arguments (in declaration order). `seul` is true when the whole call
 * is one element: only then may it return a table (DETAIL), which becomes the call's spilled result.
 * `valeurs` is a reused buffer: read it, never keep it.
 */
export type Calcul = (valeurs: unknown[], seul: boolean) => SortieCellule | MatriceExcel;

type Matrice = readonly (readonly ValeurCellule[])[];

export function diffuser(parametres: readonly Parametre[], args: ArrayLike<ArgumentExcel>, calcul: Calcul): MatriceExcel {
  const n = parametres.length;
  const matrices: (Matrice | undefined)[] = new Array(n);
  const brutes: ValeurCellule[] = new Array(n);
  let lignes = 1;
  let colonnes = 1;
  let forme = -1;

  for (let i = 0; i < n; i++) {
    const a = args[i];
    if (Array.isArray(a)) {
      const m = a as Matrice;
      const l = m.length;
      const c = l > 0 && Array.isArray(m[0]) ? m[0].length : 0;
      if (l === 0 || c === 0) return [[erreurValeur(`${parametres[i]!.nom} : plage vide.`)]];
      if (l === 1 && c === 1) {
        brutes[i] = m[0]![0];
        continue;
      }
      if (forme < 0) {
        lignes = l;
        colonnes = c;
        forme = i;
      } else if (l !== lignes || c !== colonnes) {
        return [[erreurValeur(tailleIncompatible(parametres[forme]!.nom, lignes, colonnes, parametres[i]!.nom, l, c))]];
      }
      matrices[i] = m;
    } else {
      brutes[i] = a as ValeurCellule;
    }
  }

  // Single values are read once: a wrong one would make every element wrong, so it is the call's error.
  const valeurs: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (matrices[i] !== undefined) continue;
    try {
      valeurs[i] = parametres[i]!.lire(brutes[i], parametres[i]!.nom);
    } catch (e) {
      return [[erreurExcel(e)]];
    }
  }

  if (forme < 0) {
    try {
      const r = calcul(valeurs, true);
      return Array.isArray(r) ? r : [[r]];
    } catch (e) {
      return [[erreurExcel(e)]];
    }
  }

  const variables: number[] = [];
  for (let i = 0; i < n; i++) if (matrices[i] !== undefined) variables.push(i);
  const nv = variables.length;
  const sortie: MatriceExcel = new Array(lignes);
  for (let r = 0; r < lignes; r++) {
    const ligne: SortieCellule[] = new Array(colonnes);
    for (let c = 0; c < colonnes; c++) {
      try {
        for (let k = 0; k < nv; k++) {
          const i = variables[k]!;
          const p = parametres[i]!;
          valeurs[i] = p.lire(matrices[i]![r]?.[c], p.nom);
        }
        const x = calcul(valeurs, false);
        ligne[c] = Array.isArray(x) ? erreurValeur("Résultat en tableau impossible pour un élément d'une plage.") : x;
      } catch (e) {
        ligne[c] = erreurExcel(e);
      }
    }
    sortie[r] = ligne;
  }
  return sortie;
}

function taille(l: number, c: number): string {
  return `${l} ligne${l > 1 ? "s" : ""} × ${c} colonne${c > 1 ? "s" : ""}`;
}

function tailleIncompatible(a: string, la: number, ca: number, b: string, lb: number, cb: number): string {
  return (
    `Plages de tailles différentes : ${a} (${taille(la, ca)}) et ${b} (${taille(lb, cb)}). ` +
    "Donnez des plages de même taille, ou une seule cellule pour une valeur commune."
  );
}
