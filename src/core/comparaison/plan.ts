import { eurosDepuisCents, type Cents } from "../money";
import { dateFr, serieDepuisJour } from "../dates";
import type { Comparaison } from "./comparer";
import { appelScenario, texteFormule, type ColonneScenario } from "./formule";
import { calculerScenario } from "./calculer-scenario";
import { COLONNE_SCENARIO, ENTETE_SCENARIOS, tableScenarios, type ValeurTable } from "./table";

/**
 * The comparison workbook as a neutral plan — sheets of cells, each a value or a formula with its cached value —
 * written by the CLI with exceljs and by the task pane with range.values / range.formulas. One layout, so the file
 * and the live sheet agree:
 * - « Scénarios »: the scenario table at the comparison date (prices editable; a BR equal to the price is a formula);
 * - « Comparaison »: scenarios as rows; per contract Garantie | Prix | RO | RC | RAC, the amounts as live REMB
 *   formulas reading the scenario sheet, the guarantee cell and the date; then totals and metrics as formulas;
 * - « Copie client »: the same figures as values only (a client without the add-in sees numbers, not #NAME?);
 * - « Simulation prix »: the RAC of a crown and of progressive glasses from 300 to 1 200 €, per contract, as formulas
 *   on the price of each row, with the legal caps that bind at that price.
 */
export type FormatCellule = "euros" | "date" | "taux" | "nombre" | "texte";

/** Excel number format of each cell format, the same in the CLI's workbook and in the pane's sheets. */
export const FORMATS_NOMBRE: Readonly<Record<FormatCellule, string | undefined>> = {
  euros: '#,##0.00 "€"',
  date: "dd/mm/yyyy",
  taux: "0.00 %",
  nombre: "0.##",
  texte: undefined,
};

export interface CellulePlan {
  /** The value, or the cached value of the formula (null: empty cell). */
  readonly valeur: ValeurTable | null;
  /** Invariant syntax (« , » separators, English names): what range.formulas and the file format take. */
  readonly formule?: string;
  readonly format?: FormatCellule;
  readonly gras?: boolean;
}

export interface FeuillePlan {
  readonly nom: string;
  readonly cellules: readonly (readonly CellulePlan[])[];
  /** Rows and columns to freeze (headers). */
  readonly figer?: { readonly lignes: number; readonly colonnes: number };
  /** Column widths in characters. */
  readonly largeurs: readonly number[];
  /** A1 ranges of the RAC matrix (one per contract), for the colour scale. */
  readonly echelles?: readonly string[];
  /** Charts to draw from blocks of this sheet (the pane draws them; a file from the CLI holds their data only). */
  readonly graphiques?: readonly GraphiquePlan[];
}

export interface GraphiquePlan {
  /** « barres »: clustered columns; « empilees »: stacked columns. */
  readonly type: "barres" | "empilees";
  readonly titre: string;
  /** A1 range of the data, header row and label column included. */
  readonly donnees: string;
  /** A1 address of the chart's top-left cell (beside its data). */
  readonly position: string;
}

export interface NomsFeuilles {
  readonly scenarios: string;
  readonly comparaison: string;
  readonly copie: string;
  readonly simulation: string;
}

export const NOMS_FEUILLES: NomsFeuilles = { scenarios: "Scénarios", comparaison: "Comparaison", copie: "Copie client", simulation: "Simulation prix" };

export interface PlanComparaison {
  readonly scenarios: FeuillePlan;
  readonly comparaison: FeuillePlan;
  readonly copie: FeuillePlan;
  /** What-if: the RAC of one act against its price, per contract (where the legal caps start to bind). */
  readonly simulation: FeuillePlan;
}

/** Columns per contract in the comparison sheet, and the first contract column (after Code, Scénario, Nombre par an). */
export const COLONNES_CONTRAT = ["Garantie", "Prix", "RO", "RC", "RAC"] as const;
export const PREMIERE_COLONNE_CONTRAT = 3;
/** 0-based row of the first scenario in the comparison sheet (title, date, hypotheses, blank, 2 header rows). */
export const PREMIERE_LIGNE_SCENARIO = 6;

/**
 * A1 column letters and sheet prefix. The grid reader has the same two helpers (grille/adresse.ts), but importing them
 * would put that module in the lazily loaded comparison chunk as well as in the grid reader's: two copies of the core.
 */
function lettresColonne(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function prefixeFeuille(feuille: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(feuille) && !/^[A-Za-z]{1,3}[0-9]+$/.test(feuille) ? `${feuille}!` : `'${feuille.replace(/'/g, "''")}'!`;
}

const v = (valeur: ValeurTable | null, format?: FormatCellule, gras?: boolean): CellulePlan => ({
  valeur,
  ...(format ? { format } : {}),
  ...(gras ? { gras } : {}),
});
const f = (formule: string, valeur: ValeurTable | null, format?: FormatCellule): CellulePlan => ({ valeur, formule, ...(format ? { format } : {}) });
const euros = (c: Cents | null): ValeurTable | null => (c === null ? null : eurosDepuisCents(c));

export interface OptionsPlan {
  readonly noms?: NomsFeuilles;
  /** One line of hypotheses shown under the date (age, sector…). */
  readonly hypotheses?: string;
}

export function planComparaison(c: Comparaison, o: OptionsPlan = {}): PlanComparaison {
  const noms = o.noms ?? NOMS_FEUILLES;
  const scenarios = feuilleScenarios(c, noms.scenarios);
  const comparaison = feuilleComparaison(c, noms, o.hypotheses ?? "", true);
  const copie = feuilleComparaison(c, noms, o.hypotheses ?? "", false);
  return { scenarios, comparaison, copie, simulation: feuilleSimulation(c, noms) };
}

const FORMATS_SCENARIO: Partial<Record<ColonneScenario, FormatCellule>> = { Prix: "euros", "Prix réseau": "euros", BR: "euros", "Taux RO": "taux" };

function feuilleScenarios(c: Comparaison, nom: string): FeuillePlan {
  const table = tableScenarios(c.scenarios);
  const iPrix = COLONNE_SCENARIO.Prix;
  const cellules = table.map((ligne, r) =>
    ligne.map((x, k) => {
      if (r === 0) return v(x, "texte", true);
      const s = c.scenarios[r - 1]!;
      const format = FORMATS_SCENARIO[ENTETE_SCENARIOS[k]!];
      // A stay billed at its BR: the BR follows the price the user types.
      if (k === COLONNE_SCENARIO.BR && s.br !== undefined && s.br === s.prix && s.calculateur === "sejour")
        return f(`=${lettresColonne(iPrix + 1)}${r + 1}`, x, format);
      return v(x === "" ? null : x, format);
    }),
  );
  return {
    nom,
    cellules,
    figer: { lignes: 1, colonnes: 2 },
    largeurs: ENTETE_SCENARIOS.map((e) => (e === "Scénario" ? 48 : e === "Source" ? 80 : e === "Postes de la grille" || e === "Paramètres lus" ? 30 : 12)),
  };
}

function feuilleComparaison(c: Comparaison, noms: NomsFeuilles, hypotheses: string, formules: boolean): FeuillePlan {
  const n = c.scenarios.length;
  const l0 = PREMIERE_LIGNE_SCENARIO;
  const premiere = l0 + 1; // 1-based row of the first scenario
  const derniere = l0 + n;
  const ligneScenario = (i: number) => i + 2; // row of scenario i in the scenario sheet (header on row 1)
  const feuilleScen = prefixeFeuille(noms.scenarios);
  const refScen = (i: number, colonne: ColonneScenario) => `${feuilleScen}$${lettresColonne(COLONNE_SCENARIO[colonne] + 1)}$${ligneScenario(i)}`;
  const colContrat = (j: number, k: number) => PREMIERE_COLONNE_CONTRAT + j * COLONNES_CONTRAT.length + k; // 0-based
  const lettre = (j: number, k: number) => lettresColonne(colContrat(j, k) + 1);
  const plage = (j: number, k: number) => `${lettre(j, k)}${premiere}:${lettre(j, k)}${derniere}`;
  const largeur = PREMIERE_COLONNE_CONTRAT + c.contrats.length * COLONNES_CONTRAT.length;
  const ligneVide = (): CellulePlan[] => Array.from({ length: largeur }, () => v(null));
  const lignes: CellulePlan[][] = [];

  const titre = ligneVide();
  titre[0] = v(formules ? "Comparaison de contrats : scénarios types de remboursement" : "Comparaison de contrats : exemples de remboursement", "texte", true);
  lignes.push(titre);
  const date = ligneVide();
  date[0] = v("Date des soins", "texte", true);
  date[1] = formules ? v(serieDepuisJour(c.date), "date") : v(dateFr(c.date), "texte");
  lignes.push(date);
  const hyp = ligneVide();
  hyp[0] = v("Hypothèses", "texte", true);
  hyp[1] = v(
    `${hypotheses ? `${hypotheses} ; ` : ""}contrats responsables ; parcours de soins ; bases et taux de la Sécurité sociale en vigueur à cette date ; prix observés modifiables dans la feuille « ${noms.scenarios} »`,
    "texte",
  );
  lignes.push(hyp);
  lignes.push(ligneVide());
  const entete1 = ligneVide();
  const entete2 = ligneVide();
  entete2[0] = v("Code", "texte", true);
  entete2[1] = v("Scénario", "texte", true);
  entete2[2] = v("Nombre par an", "texte", true);
  c.contrats.forEach((k, j) => {
    entete1[colContrat(j, 0)] = v(k.nom, "texte", true);
    COLONNES_CONTRAT.forEach((t, x) => (entete2[colContrat(j, x)] = v(t, "texte", true)));
  });
  lignes.push(entete1, entete2);

  const refDate = "$B$2";
  c.scenarios.forEach((s, i) => {
    const l = ligneVide();
    const ligne = l0 + i + 1;
    l[0] = v(s.code);
    l[1] = v(s.libelle);
    l[2] = v(c.profil?.[s.code] ?? 0, "nombre");
    c.contrats.forEach((k, j) => {
      const x = c.cellules[i]![j]!;
      l[colContrat(j, 0)] = v(x.garantie, "texte");
      const appel = appelScenario(s, k.reseau);
      const colonnePrix: ColonneScenario = k.reseau && s.prixReseau !== undefined ? "Prix réseau" : "Prix";
      l[colContrat(j, 1)] = formules ? f(`=${refScen(i, colonnePrix)}`, euros(x.fr), "euros") : v(euros(x.fr), "euros");
      const montants: [Cents | null, "RO" | "RC" | "RAC"][] = [
        [x.ro, "RO"],
        [x.rc, "RC"],
        [x.rac, "RAC"],
      ];
      montants.forEach(([m, r], y) => {
        const cache = x.erreur !== null ? "#VALUE!" : euros(m);
        // Without a function that takes every input the core used (a dental HLF), the cell holds the value.
        l[colContrat(j, 2 + y)] =
          formules && appel !== null
            ? f(texteFormule(appel, r, { colonne: (col) => refScen(i, col), garantie: `$${lettre(j, 0)}${ligne}`, date: refDate }), cache, "euros")
            : v(cache, "euros");
      });
    });
    lignes.push(l);
  });

  // Totals and metrics: formulas that skip the cells in error (AGGREGATE option 6), rounded like the core.
  const metrique = (libelle: string, par: (j: number) => CellulePlan[]) => {
    const l = ligneVide();
    l[1] = v(libelle, "texte", true);
    c.contrats.forEach((_, j) => par(j).forEach((cel, y) => (l[colContrat(j, 2 + y)] = cel)));
    lignes.push(l);
  };
  const m = c.metriques;
  lignes.push(ligneVide());
  const ligneTotal = lignes.length + 1; // 1-based row of the totals
  metrique("Total, un acte de chaque scénario", (j) =>
    (["ro", "rc", "rac"] as const).map((cle, y) =>
      formules ? f(`=AGGREGATE(9,6,${plage(j, 2 + y)})`, euros(m[j]![cle]), "euros") : v(euros(m[j]![cle]), "euros"),
    ),
  );
  metrique("Reste à charge moyen par scénario", (j) => [
    v(null),
    v(null),
    formules ? f(`=ROUND(AGGREGATE(1,6,${plage(j, 4)}),2)`, euros(m[j]!.racMoyen), "euros") : v(euros(m[j]!.racMoyen), "euros"),
  ]);
  metrique("Remboursement maximal (RO + RC d'un scénario)", (j) => [
    v(null),
    formules
      ? f(`=AGGREGATE(14,6,${plage(j, 2)}+${plage(j, 3)},1)`, euros(m[j]!.remboursementMaximal), "euros")
      : v(euros(m[j]!.remboursementMaximal), "euros"),
    v(m[j]!.scenarioMaximal ?? ""),
  ]);
  metrique("Taux de couverture (RO + RC) / frais", (j) => [
    v(null),
    formules
      ? f(
          `=ROUND((AGGREGATE(9,6,${plage(j, 2)})+AGGREGATE(9,6,${plage(j, 3)}))/SUMPRODUCT(--ISNUMBER(${plage(j, 4)}),${plage(j, 1)}),4)`,
          Number(m[j]!.tauxCouverture),
          "taux",
        )
      : v(Number(m[j]!.tauxCouverture), "taux"),
    v(null),
  ]);
  if (c.profil !== undefined) {
    const compte = `$C$${premiere}:$C$${derniere}`;
    metrique("Reste à charge annuel du profil (nombre par an × RAC)", (j) => [
      v(null),
      v(null),
      formules ? f(`=ROUND(SUMPRODUCT(${compte},IFERROR(${plage(j, 4)},0)),2)`, euros(m[j]!.profil!.rac), "euros") : v(euros(m[j]!.profil!.rac), "euros"),
    ]);
  }
  lignes.push(ligneVide());
  const plafonds = ligneVide();
  plafonds[1] = v("Plafonds légaux qui ont joué", "texte", true);
  c.contrats.forEach((_, j) => {
    const p = m[j]!.plafonds.map((x) => `${x.libelle} (${x.scenarios.join(", ")}) — ${x.reference}`).join(" ; ");
    plafonds[colContrat(j, 0)] = v(p === "" ? "aucun" : p, "texte");
  });
  lignes.push(plafonds);
  const lacunes = ligneVide();
  lacunes[1] = v("Scénarios non calculés", "texte", true);
  c.contrats.forEach((_, j) => {
    const detail = m[j]!.lacunes.map((code) => `${code} : ${c.cellules[c.scenarios.findIndex((s) => s.code === code)]![j]!.erreur}`).join(" ; ");
    lacunes[colContrat(j, 0)] = v(detail === "" ? "aucun" : detail, "texte");
  });
  lignes.push(lacunes);
  const source = ligneVide();
  source[1] = v(
    "Calcul REMB : RO net, RC = min(garantie ; frais) − RO brut, RAC = frais − RO net − RC ; la participation forfaitaire reste à la charge du patient (L871-1 CSS) ; plafonds du contrat responsable (R871-2 CSS).",
    "texte",
  );
  lignes.push(source);

  // The charts' data, as references to the cells above: RAC by scenario × contract; RO / RC / RAC per contract.
  const graphiques: GraphiquePlan[] = [];
  lignes.push(ligneVide());
  const t1 = ligneVide();
  t1[0] = v("Données des graphiques", "texte", true);
  lignes.push(t1);
  const debutRac = lignes.length;
  const e1 = ligneVide();
  e1[0] = v("Code", "texte", true);
  c.contrats.forEach((k, j) => (e1[1 + j] = v(k.nom, "texte", true)));
  lignes.push(e1);
  c.scenarios.forEach((s, i) => {
    const l = ligneVide();
    l[0] = v(s.code);
    c.contrats.forEach((_, j) => {
      const cache = c.cellules[i]![j]!.erreur !== null ? "#VALUE!" : euros(c.cellules[i]![j]!.rac);
      l[1 + j] = formules ? f(`=${lettre(j, 4)}${premiere + i}`, cache, "euros") : v(cache, "euros");
    });
    lignes.push(l);
  });
  graphiques.push({
    type: "barres",
    titre: "Reste à charge par scénario",
    donnees: `A${debutRac + 1}:${lettresColonne(1 + c.contrats.length)}${lignes.length}`,
    position: `${lettresColonne(3 + c.contrats.length)}${debutRac + 1}`,
  });
  lignes.push(ligneVide());
  const debutParts = lignes.length;
  const e2 = ligneVide();
  e2[0] = v("Contrat", "texte", true);
  e2[1] = v("RO", "texte", true);
  e2[2] = v("RC", "texte", true);
  e2[3] = v("RAC", "texte", true);
  lignes.push(e2);
  c.contrats.forEach((k, j) => {
    const l = ligneVide();
    l[0] = v(k.nom);
    (["ro", "rc", "rac"] as const).forEach((cle, y) => {
      l[1 + y] = formules ? f(`=${lettre(j, 2 + y)}${ligneTotal}`, euros(m[j]![cle]), "euros") : v(euros(m[j]![cle]), "euros");
    });
    lignes.push(l);
  });
  graphiques.push({
    type: "empilees",
    titre: "Qui paie quoi : RO, RC et reste à charge (un acte de chaque scénario)",
    donnees: `A${debutParts + 1}:D${lignes.length}`,
    position: `${lettresColonne(3 + c.contrats.length)}${debutParts + 1}`,
  });

  const largeurs = [6, 48, 10, ...c.contrats.flatMap(() => [24, 10, 10, 10, 10])];
  return {
    nom: formules ? noms.comparaison : noms.copie,
    cellules: lignes,
    figer: { lignes: l0, colonnes: 2 },
    largeurs,
    echelles: c.contrats.map((_, j) => plage(j, 4)),
    ...(formules ? { graphiques } : {}),
  };
}

/** The what-if view: RAC against price for one act, per contract, each cell a live formula on its price row. */
export const SIMULATIONS: readonly { readonly code: string; readonly prix: readonly number[] }[] = [
  { code: "D3", prix: [300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200] },
  { code: "O4", prix: [300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200] },
];

function feuilleSimulation(c: Comparaison, noms: NomsFeuilles): FeuillePlan {
  const feuilleScen = prefixeFeuille(noms.scenarios);
  const largeur = 2 + c.contrats.length;
  const ligneVide = (): CellulePlan[] => Array.from({ length: largeur }, () => v(null));
  const lignes: CellulePlan[][] = [];
  const titre = ligneVide();
  titre[0] = v("Reste à charge selon le prix", "texte", true);
  lignes.push(titre);
  const date = ligneVide();
  date[0] = v("Date des soins", "texte", true);
  date[1] = v(serieDepuisJour(c.date), "date");
  lignes.push(date);
  for (const sim of SIMULATIONS) {
    const i = c.scenarios.findIndex((s) => s.code === sim.code);
    if (i < 0) continue;
    const s = c.scenarios[i]!;
    lignes.push(ligneVide());
    const t = ligneVide();
    t[0] = v(`${s.code} — ${s.libelle}`, "texte", true);
    lignes.push(t);
    const g = ligneVide();
    g[1] = v("Garantie", "texte", true);
    const ligneGarantie = lignes.length + 1;
    c.contrats.forEach((_, j) => (g[2 + j] = v(c.cellules[i]![j]!.garantie, "texte")));
    lignes.push(g);
    const e = ligneVide();
    e[0] = v("Prix", "texte", true);
    e[1] = v("Plafonds qui jouent", "texte", true);
    c.contrats.forEach((k, j) => (e[2 + j] = v(`RAC — ${k.nom}`, "texte", true)));
    lignes.push(e);
    for (const prix of sim.prix) {
      const l = ligneVide();
      const ligne = lignes.length + 1;
      const fr = Math.round(prix * 100);
      l[0] = v(prix, "euros");
      const plafonds = new Set<string>();
      c.contrats.forEach((_, j) => {
        const x = c.cellules[i]![j]!;
        const appel = appelScenario(s, false);
        let rac: ValeurTable = "#VALUE!";
        if (x.garantieLue !== null) {
          try {
            const d = calculerScenario(s, x.garantieLue, fr);
            rac = eurosDepuisCents(d.rac);
            for (const p of d.plafonds) plafonds.add(`${p.libelle} (${eurosDepuisCents(p.montant)} €)`);
          } catch {
            rac = "#VALUE!";
          }
        }
        const refs = {
          colonne: (col: ColonneScenario) => (col === "Prix" ? `$A${ligne}` : `${feuilleScen}$${lettresColonne(COLONNE_SCENARIO[col] + 1)}$${i + 2}`),
          garantie: `${lettresColonne(3 + j)}$${ligneGarantie}`,
          date: "$B$2",
        };
        l[2 + j] = appel === null ? v(rac, "euros") : f(texteFormule(appel, "RAC", refs), rac, "euros");
      });
      l[1] = v([...plafonds].join(" ; "), "texte");
      lignes.push(l);
    }
  }
  return { nom: noms.simulation, cellules: lignes, figer: { lignes: 2, colonnes: 2 }, largeurs: [10, 40, ...c.contrats.map(() => 24)] };
}
