import type { Comparaison, FeuillePlan, FormatCellule, NomsFeuilles } from "../core/comparaison";
import { planComparaison } from "../core/comparaison";
import type { Zone } from "./a1";
import type { FormatPlan, PlanFeuille, ValeurPlan } from "./plan";

export { comparer, scenariosAuJour, profilParCode, PROFILS, CONTRATS_MAX, NOMS_FEUILLES } from "../core/comparaison";

/**
 * The comparison workbook (src/core/comparaison/plan.ts) as the pane's sheet plans: values, live REMB formulas in
 * invariant syntax (range.formulas), number formats, widths, frozen headers, the colour scale on each RAC column and
 * the print layout. Pure. Loaded on demand in the « scenarios » chunk, the one REMB.SCENARIOS loads: the scenario
 * data and the comparison code exist once in the add-in.
 */
const FORMATS: Record<FormatCellule, string | undefined> = {
  euros: '#,##0.00 "€"',
  date: "dd/mm/yyyy",
  taux: "0.00 %",
  nombre: "0.##",
  texte: undefined,
};

/** Points per character of column width (Calibri 11). */
const POINTS_PAR_CARACTERE = 6;

/** `noms`: the final sheet names (free in the workbook), since the comparison formulas name the scenario sheet. */
export function plansComparaison(c: Comparaison, noms: NomsFeuilles, hypotheses: string): PlanFeuille[] {
  const plan = planComparaison(c, { noms, hypotheses });
  return [
    planFeuille(plan.comparaison, true),
    planFeuille(plan.scenarios, false),
    { ...planFeuille(plan.copie, false), couleurOnglet: "#107C10" },
    planFeuille(plan.simulation, false),
  ];
}

function planFeuille(f: FeuillePlan, echelles: boolean): PlanFeuille {
  const lignes: ValeurPlan[][] = f.cellules.map((l) => l.map((c): ValeurPlan => (c.formule !== undefined ? { formule: c.formule } : (c.valeur ?? ""))));
  const formats: FormatPlan[] = [];
  // One format per run of identical cells in a row: a few dozen ranges rather than one per cell.
  f.cellules.forEach((l, r) => {
    let debut = 0;
    for (let k = 1; k <= l.length; k++) {
      const a = l[debut]!;
      const b = l[k];
      if (b !== undefined && b.format === a.format && b.gras === a.gras) continue;
      const nombre = a.format ? FORMATS[a.format] : undefined;
      if (nombre !== undefined || a.gras) {
        formats.push({ zone: { ligne: r, colonne: debut, lignes: 1, colonnes: k - debut }, ...(nombre ? { nombre } : {}), ...(a.gras ? { gras: true } : {}) });
      }
      debut = k;
    }
  });
  return {
    nom: f.nom,
    lignes,
    largeurs: f.largeurs.map((l) => l * POINTS_PAR_CARACTERE),
    formats,
    ...(f.figer ? { figer: f.figer.lignes } : {}),
    impression: { paysage: true, pied: `${f.nom} — Page &P/&N` },
    ...(echelles && f.echelles ? { echelles: f.echelles.map(zoneDeplage) } : {}),
    ...(f.graphiques ? { graphiques: f.graphiques } : {}),
  };
}

/** « H7:H32 » → zone. */
function zoneDeplage(p: string): Zone {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(p)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const ligne = Number(m[2]) - 1;
  return { ligne, colonne: col(m[1]!), lignes: Number(m[4]) - ligne, colonnes: col(m[3]!) - col(m[1]!) + 1 };
}
