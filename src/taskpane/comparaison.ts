import type { Comparaison, FeuillePlan, NomsFeuilles } from "../core/comparaison";
import { FORMATS_NOMBRE, planComparaison } from "../core/comparaison";
import type { Zone } from "./a1";
import type { FormatPlan, PlanFeuille, ValeurPlan } from "./plan";

export { comparer, scenariosAuJour, profilParCode, PROFILS, CONTRATS_MAX, NOMS_FEUILLES } from "../core/comparaison";

/**
 * The comparison workbook (src/core/comparaison/plan.ts) as the pane's sheet plans: values, live REMB formulas in
 * invariant syntax (range.formulas), number formats, widths, frozen headers, the colour scale on each RAC column and
 * the print layout. Pure. Loaded on demand in the « scenarios » chunk, the one REMB.SCENARIOS loads: the scenario
 * data and the comparison code exist once in the add-in.
 */

/** Points per character of column width (Calibri 11). */
const POINTS_PAR_CARACTERE = 6;

/** `noms`: the final sheet names (free in the workbook), since the comparison formulas name the scenario sheet. */
export function plansComparaison(c: Comparaison, noms: NomsFeuilles, hypotheses: string): PlanFeuille[] {
  const plan = planComparaison(c, { noms, hypotheses });
  const comparaison = planFeuille(plan.comparaison, true);
  const simulation = planFeuille(plan.simulation, false);
  return [
    { ...comparaison, lignes: formulesDeversees(comparaison.lignes) },
    planFeuille(plan.scenarios, false),
    { ...planFeuille(plan.copie, false), couleurOnglet: "#107C10" },
    { ...simulation, lignes: formulesDeversees(simulation.lignes) },
  ];
}

const REFERENCE = /^((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Z]+)(\$?)(\d+)$/;

interface Appel {
  readonly fonction: string;
  readonly args: readonly string[];
}

function appel(v: ValeurPlan | undefined): Appel | null {
  if (v === undefined || typeof v !== "object") return null;
  const m = /^=(REMB\.[A-Z]+)\((.*)\)$/.exec(v.formule);
  return m ? { fonction: m[1]!, args: m[2]!.split(",") } : null;
}

/** `b` is `a` one row further down: same function, every reference one row lower, everything else equal. */
function suit(a: Appel, b: Appel, decalage: number): boolean {
  if (a.fonction !== b.fonction || a.args.length !== b.args.length) return false;
  return a.args.every((x, i) => {
    const y = b.args[i]!;
    const ra = REFERENCE.exec(x);
    const rb = REFERENCE.exec(y);
    if (!ra || !rb) return x === y;
    if (x === y) return true;
    return ra[1] === rb[1] && ra[3] === rb[3] && ra[2] === rb[2] && ra[4] === rb[4] && Number(rb[5]) === Number(ra[5]) + decalage;
  });
}

/**
 * One spilled, broadcast formula per column run: the REMB calls of consecutive rows that differ only by their row
 * become one call over ranges in the run's first cell (the REMB functions broadcast), the cells below are left empty
 * for the spill. Fewer calls to the functions (they run in the pane's thread) and one formula to audit per group;
 * the file written by the CLI keeps one formula per cell (exceljs writes no dynamic arrays).
 */
export function formulesDeversees(lignes: readonly (readonly ValeurPlan[])[]): ValeurPlan[][] {
  const sortie = lignes.map((l) => [...l]);
  const largeur = Math.max(0, ...lignes.map((l) => l.length));
  for (let c = 0; c < largeur; c++) {
    let r = 0;
    while (r < lignes.length) {
      const premier = appel(lignes[r]![c]);
      if (premier === null) {
        r++;
        continue;
      }
      let n = 1;
      while (r + n < lignes.length) {
        const suivant = appel(lignes[r + n]![c]);
        if (suivant === null || !suit(premier, suivant, n)) break;
        n++;
      }
      if (n > 1) {
        const dernier = appel(lignes[r + n - 1]![c])!;
        const args = premier.args.map((x, i) => {
          const m = REFERENCE.exec(x);
          return m && x !== dernier.args[i] ? `${x}:${m[2]}${m[3]}${m[4]}${Number(m[5]) + n - 1}` : x;
        });
        sortie[r]![c] = { formule: `=${premier.fonction}(${args.join(",")})` };
        for (let k = 1; k < n; k++) sortie[r + k]![c] = "";
      }
      r += n;
    }
  }
  return sortie;
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
      const nombre = a.format ? FORMATS_NOMBRE[a.format] : undefined;
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
