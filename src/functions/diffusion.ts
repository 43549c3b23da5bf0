import type { ArgumentExcel, MatriceExcel, SortieCellule, ValeurCellule } from "./excel";
import { CelluleEnErreur, erreurExcel, erreurValeur, estErreurCellule } from "./erreur-excel";

/**
 * Broadcasting, as Excel's own functions do it for the shapes REMB supports: ranges of the same size are read
 * element by element, single cells are repeated, and anything else (a row against a column, 3 rows against 4) is
 * refused with a French message naming both arguments. One call returns one spilled array; an error in one
 * element is that element's error, never the whole array's.
 *
 * This is the hot path of the actuaries' 100 000-row calls: single values are read once, every value goes into one
 * array per function, reused from call to call and from cell to cell, and nothing else is allocated per cell but
 * the result. Calls never overlap: Excel runs a synchronous function to its end before the next.
 */

/** Reads one Excel value of the argument `nom` (its public name, for the message) into what the core takes. */
export type Lecteur<T = unknown> = (v: ValeurCellule, nom: string) => T;

/**
 * A function's arguments: each public name (functions.json) with its reader, in Excel's order. Written once per
 * function; the calculation receives each value under the same name, typed by its reader.
 */
export type Lecteurs = Readonly<Record<string, Lecteur>>;

/** What the readers give, by argument name. */
export type Valeurs<L extends Lecteurs> = { readonly [K in keyof L]: L[K] extends Lecteur<infer T> ? T : never };

/**
 * Computes one output element from the read arguments. `seul` is true when the whole call is one element: only
 * then may it return a table (DETAIL), which becomes the call's spilled result. `v` shows the current element's
 * values: read it, never keep it.
 */
export type Calcul<L extends Lecteurs> = (v: Valeurs<L>, seul: boolean) => SortieCellule | MatriceExcel;

/** An adapter: Excel's arguments in order (an omitted one is null or absent), one spilled result. */
export interface FonctionExcel {
  (...args: ArgumentExcel[]): MatriceExcel;
  /** The argument names, in order (checked against functions.json). */
  readonly noms: readonly string[];
}

/** The adapter of one REMB function: its arguments' readers, then what it computes from their values. */
export function fonctionExcel<L extends Lecteurs>(lecteurs: L, calcul: Calcul<L>): FonctionExcel {
  const noms = Object.keys(lecteurs);
  const lire = noms.map((n) => sansCelluleEnErreur(lecteurs[n]!));
  // The hot loop writes the values into an array; the calculation reads them by name through a view of getters,
  // one per argument, which the JIT inlines: reads by name at the price of array reads, no object per call.
  const valeurs: unknown[] = noms.map(() => undefined);
  const vue = {} as Valeurs<L>;
  noms.forEach((nom, i) => Object.defineProperty(vue, nom, { get: () => valeurs[i], enumerable: true }));
  const calculer = (seul: boolean) => calcul(vue, seul);
  return Object.assign((...args: ArgumentExcel[]) => diffuser(noms, lire, args, valeurs, calculer), { noms });
}

/** A reader that first refuses an input cell holding an Excel error, naming the argument (see CelluleEnErreur). */
function sansCelluleEnErreur(lire: Lecteur): Lecteur {
  return (v, nom) => {
    // Excel passes error cells as objects, outside the ValeurCellule types the readers take.
    const x: unknown = v;
    if (typeof x === "object" && estErreurCellule(x)) throw new CelluleEnErreur(x.code, nom);
    return lire(v, nom);
  };
}

type Matrice = readonly (readonly ValeurCellule[])[];

/**
 * `valeurs` receives the read arguments in order (single values once, range elements cell by cell) before each
 * `calculer`, which reads them there.
 */
function diffuser(
  noms: readonly string[],
  lire: readonly Lecteur[],
  args: readonly ArgumentExcel[],
  valeurs: unknown[],
  calculer: (seul: boolean) => SortieCellule | MatriceExcel,
): MatriceExcel {
  const n = noms.length;
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
      if (l === 0 || c === 0) return [[erreurValeur(`${noms[i]} : plage vide.`)]];
      if (l === 1 && c === 1) {
        brutes[i] = m[0]![0];
        continue;
      }
      if (forme < 0) {
        lignes = l;
        colonnes = c;
        forme = i;
      } else if (l !== lignes || c !== colonnes) {
        return [[erreurValeur(tailleIncompatible(noms[forme]!, lignes, colonnes, noms[i]!, l, c))]];
      }
      matrices[i] = m;
    } else {
      brutes[i] = a as ValeurCellule;
    }
  }

  // Single values are read once: a wrong one would make every element wrong, so it is the call's error.
  for (let i = 0; i < n; i++) {
    if (matrices[i] !== undefined) continue;
    try {
      valeurs[i] = lire[i]!(brutes[i], noms[i]!);
    } catch (e) {
      return [[erreurExcel(e)]];
    }
  }

  if (forme < 0) {
    try {
      const r = calculer(true);
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
          valeurs[i] = lire[i]!(matrices[i]![r]?.[c], noms[i]!);
        }
        const x = calculer(false);
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
