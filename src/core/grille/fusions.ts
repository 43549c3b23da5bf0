/**
 * A merged range of a sheet (0-based, relative to the table). Office JS gives a merged cell's value in its
 * top-left cell only and "" elsewhere; exceljs gives the master value everywhere. Filling merges before the
 * import makes both sources read the same: a « Frais réels » merged across every level is « Frais réels » in
 * each level, a section merged down the label column labels each of its rows.
 */
export interface Fusion {
  readonly ligne: number;
  readonly colonne: number;
  readonly lignes: number;
  readonly colonnes: number;
}

/** A copy of the table with each merged range filled with its top-left value. */
export function remplirFusions(cellules: readonly (readonly unknown[])[], fusions: readonly Fusion[]): unknown[][] {
  const t = cellules.map((l) => [...l]);
  for (const f of fusions) {
    const v = t[f.ligne]?.[f.colonne];
    for (let r = f.ligne; r < f.ligne + f.lignes; r++) {
      const ligne = (t[r] ??= []);
      for (let c = f.colonne; c < f.colonne + f.colonnes; c++) {
        if (r === f.ligne && c === f.colonne) continue;
        while (ligne.length < c) ligne.push(null);
        ligne[c] = v;
      }
    }
  }
  return t;
}
