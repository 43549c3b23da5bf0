import type { Fusion } from "../core/grille";
import { neutraliserPourTableur } from "../core/grille/valeur-cellule";
import { ErreurVolet } from "./erreurs";
import { ecrireZone, lireReference, separerZones, type Zone } from "./a1";
import { nomLibre, nomTableLibre, type PlanFeuille, type ValeurPlan } from "./plan";

/**
 * The only code of the pane that talks to Excel. Each operation is one Excel.run with as few round trips as the
 * API allows: load everything, sync once; write values first, then formats. Every round trip goes through
 * `synchroniser` so the operations say how many they made (the benchmark checks « ≤ 2 to read, ≤ 3 to write »).
 * The rest of the pane is pure and receives plain data.
 */

/** What excel-io needs from its host: Excel itself, or the fake workbook of the demo mode and the tests. */
export interface Hote {
  run<T>(lot: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** ExcelApi requirement set supported (« 1.13 »). */
  supporte(version: string): boolean;
  /** Removes an event handler (Excel: on the context that added it). */
  retirer(r: OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs>): Promise<void>;
  /** Highest ExcelApi set supported, for the pane's header. */
  niveauApi(): string;
}

export { ErreurVolet };

/** Beyond this, a selection is not a guarantee grid (a grid has a few hundred rows and a dozen columns). */
export const CELLULES_MAX = 200_000;
/** Workbook settings key of the corrections (versioned: a later format gets a new key, old files keep working). */
export const CLE_CORRECTIONS = "REMB.corrections.v1";

export interface SelectionLue {
  readonly feuille: string;
  /** The range read (the selection trimmed to the used range), with its sheet. */
  readonly adresse: string;
  /** The selection as the user made it (« Feuil1!A:H »). */
  readonly adresseSelection: string;
  readonly ligne: number;
  readonly colonne: number;
  readonly valeurs: unknown[][];
  readonly formats: string[][];
  /** Merged areas, relative to `valeurs`. */
  readonly fusions: Fusion[];
  /** Merged cells could not be read (ExcelApi < 1.13): headers merged across levels may read as « Colonne C ». */
  readonly fusionsInconnues: boolean;
  /** The workbook's stored corrections, by grid key (as stored; validated by the caller). */
  readonly corrections: Readonly<Record<string, unknown>>;
  readonly syncs: number;
}

class Compteur {
  syncs = 0;
  constructor(private readonly ctx: Excel.RequestContext) {}
  async synchroniser(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
  }
}

/**
 * Reads the selection in two round trips: first its shape (number of areas, the used part, the stored corrections),
 * then, once its size is known to be reasonable, its values, number formats and merged areas.
 */
export async function lireSelection(h: Hote): Promise<SelectionLue> {
  return h.run(async (ctx) => {
    const n = new Compteur(ctx);
    const wb = ctx.workbook;
    const zones = h.supporte("1.9") ? wb.getSelectedRanges() : null;
    zones?.load("areaCount,address");
    const sel = wb.getSelectedRange();
    sel.load("address");
    const feuille = sel.worksheet;
    feuille.load("name");
    // Whole columns (« A:H ») or the whole sheet: the used part of the selection only.
    const utile = sel.getUsedRangeOrNullObject(true);
    utile.load("address,rowIndex,columnIndex,rowCount,columnCount");
    const reglage = h.supporte("1.4") ? wb.settings.getItemOrNullObject(CLE_CORRECTIONS) : null;
    reglage?.load("value");
    await n.synchroniser();

    if (zones && zones.areaCount > 1) {
      throw new ErreurVolet(
        `La sélection compte ${zones.areaCount} zones (${zones.address}) : sélectionnez la grille d'un seul tenant (titres, en-têtes et lignes), puis recommencez.`,
      );
    }
    if (utile.isNullObject) throw new ErreurVolet(`La sélection ${sel.address} est vide : sélectionnez la grille (titres, en-têtes et lignes de garanties).`);
    const taille = utile.rowCount * utile.columnCount;
    if (taille === 1) {
      throw new ErreurVolet(
        `Une seule cellule est sélectionnée (${utile.address}) : sélectionnez toute la grille (titres, en-têtes et lignes), ou ses colonnes entières.`,
      );
    }
    if (taille > CELLULES_MAX) {
      throw new ErreurVolet(
        `La partie remplie de la sélection (${utile.address}) compte ${taille.toLocaleString("fr-FR")} cellules : un tableau de garanties en a quelques milliers. Sélectionnez la grille seule.`,
      );
    }
    utile.load("values,numberFormat");
    const fusions = h.supporte("1.13") ? utile.getMergedAreasOrNullObject() : null;
    fusions?.load("address");
    await n.synchroniser();

    const origine: Zone = { ligne: utile.rowIndex, colonne: utile.columnIndex, lignes: utile.rowCount, colonnes: utile.columnCount };
    return {
      feuille: feuille.name,
      adresse: utile.address,
      adresseSelection: sel.address,
      ligne: utile.rowIndex + 1,
      colonne: utile.columnIndex + 1,
      valeurs: utile.values,
      formats: utile.numberFormat as string[][],
      fusions: fusions && !fusions.isNullObject ? fusionsRelatives(fusions.address, origine) : [],
      fusionsInconnues: fusions === null,
      corrections:
        reglage && !reglage.isNullObject && typeof reglage.value === "object" && reglage.value !== null ? (reglage.value as Record<string, unknown>) : {},
      syncs: n.syncs,
    };
  });
}

/** Merged areas (absolute A1) as zones relative to the range read, clipped to it. */
export function fusionsRelatives(adresses: string, origine: Zone): Fusion[] {
  const r: Fusion[] = [];
  for (const a of separerZones(adresses)) {
    const z = lireReference(a)?.zone;
    if (!z) continue;
    const l1 = Math.max(z.ligne, origine.ligne);
    const c1 = Math.max(z.colonne, origine.colonne);
    const l2 = Math.min(z.ligne + z.lignes, origine.ligne + origine.lignes);
    const c2 = Math.min(z.colonne + z.colonnes, origine.colonne + origine.colonnes);
    // A merge starting above or left of the range has its value outside it: nothing to spread.
    if (l1 >= l2 || c1 >= c2 || z.ligne < origine.ligne || z.colonne < origine.colonne) continue;
    r.push({ ligne: l1 - origine.ligne, colonne: c1 - origine.colonne, lignes: l2 - l1, colonnes: c2 - c1 });
  }
  return r;
}

/** The address of the current selection (one round trip), for the reading of the selected cell. */
export async function lireAdresseSelection(h: Hote): Promise<string> {
  return h.run(async (ctx) => {
    const sel = ctx.workbook.getSelectedRange();
    sel.load("address");
    await ctx.sync();
    return sel.address;
  });
}

/** Calls `gestionnaire` on each selection change until the returned function is called (the pane hides). */
export async function suivreSelection(h: Hote, gestionnaire: () => void): Promise<() => Promise<void>> {
  const r = await h.run(async (ctx) => {
    const res = ctx.workbook.onSelectionChanged.add(async () => gestionnaire());
    await ctx.sync();
    return res;
  });
  let retire = false;
  return async () => {
    if (retire) return;
    retire = true;
    await h.retirer(r);
  };
}

/**
 * Shows a cell: activates its sheet, then selects it, in two round trips (selecting on a sheet that is not active
 * is unreliable in Excel, office-js#5118).
 */
export async function allerA(h: Hote, reference: string): Promise<void> {
  const r = lireReference(reference);
  if (!r || r.feuille === undefined) throw new ErreurVolet(`Adresse « ${reference} » sans feuille : impossible d'y aller.`);
  await h.run(async (ctx) => {
    const f = ctx.workbook.worksheets.getItemOrNullObject(r.feuille!);
    f.load("name");
    await ctx.sync();
    if (f.isNullObject) throw new ErreurVolet(`La feuille « ${r.feuille} » n'existe plus (renommée ou supprimée).`);
    f.activate();
    await ctx.sync();
    f.getRange(ecrireZone(r.zone)).select();
    await ctx.sync();
  });
}

/** The corrections stored in the workbook, by grid key (one round trip), for a grid read from a file. */
export async function lireCorrectionsDuClasseur(h: Hote): Promise<Readonly<Record<string, unknown>>> {
  if (!h.supporte("1.4")) return {};
  return h.run(async (ctx) => {
    const item = ctx.workbook.settings.getItemOrNullObject(CLE_CORRECTIONS);
    item.load("value");
    await ctx.sync();
    return !item.isNullObject && typeof item.value === "object" && item.value !== null ? (item.value as Record<string, unknown>) : {};
  });
}

/** Stores the corrections of one grid in the workbook settings (read, merge, write: two round trips). */
export async function enregistrerCorrections(h: Hote, cle: string, corrections: unknown | null): Promise<void> {
  if (!h.supporte("1.4"))
    throw new ErreurVolet("Cette version d'Excel ne garde pas de réglages dans le classeur (ExcelApi 1.4) : les corrections valent pour cette session.");
  await h.run(async (ctx) => {
    const item = ctx.workbook.settings.getItemOrNullObject(CLE_CORRECTIONS);
    item.load("value");
    await ctx.sync();
    const actuel = !item.isNullObject && typeof item.value === "object" && item.value !== null ? { ...(item.value as Record<string, unknown>) } : {};
    if (corrections === null) delete actuel[cle];
    else actuel[cle] = corrections;
    ctx.workbook.settings.add(CLE_CORRECTIONS, actuel);
    await ctx.sync();
  });
}

/** The names of the workbook's sheets (one round trip), to choose new names before building formulas that use them. */
export async function nomsDesFeuilles(h: Hote): Promise<string[]> {
  return h.run(async (ctx) => {
    const feuilles = ctx.workbook.worksheets;
    feuilles.load("items/name");
    await ctx.sync();
    return feuilles.items.map((f) => f.name);
  });
}

export interface FeuillesEcrites {
  /** Final names, in the order of the plans. */
  readonly noms: readonly string[];
  readonly syncs: number;
  /** What could not be written with this Excel (links, lists, print layout below their API level). */
  readonly omis: readonly string[];
}

/**
 * Writes new sheets (never an existing one: names get « (2) » on clashes) in three round trips at most: the names in
 * use; every sheet, values first, then tables, formulas, formats, links, lists; the print layout. If Excel refuses the batch,
 * the sheets it had already added are deleted, so the workbook is left as it was, and the error is explained.
 */
export async function ecrireFeuilles(
  h: Hote,
  plans: readonly PlanFeuille[],
  progression: (fait: number, total: number) => void = () => {},
  /** The sheet names in use, when the caller just read them (nomsDesFeuilles) and the plans add no table: one round trip less. */
  nomsConnus?: readonly string[],
): Promise<FeuillesEcrites> {
  const omis = new Set<string>();
  const creees: string[] = [];
  try {
    return await h.run(async (ctx) => {
      const n = new Compteur(ctx);
      const wb = ctx.workbook;
      const feuilles = wb.worksheets;
      const tables = wb.tables;
      const lire = nomsConnus === undefined || plans.some((p) => (p.tableaux ?? []).length > 0);
      if (lire) {
        feuilles.load("items/name");
        tables.load("items/name");
      }
      progression(0, 2);
      if (lire) await n.synchroniser();
      const nomsPris = lire ? feuilles.items.map((f) => f.name) : [...nomsConnus!];
      const tablesPrises = lire ? tables.items.map((t) => t.name) : [];
      const noms: string[] = [];
      const impressions: { ws: Excel.Worksheet; impression: NonNullable<PlanFeuille["impression"]> }[] = [];
      const api17 = h.supporte("1.7");
      const listes = h.supporte("1.8");
      const page = h.supporte("1.9");
      for (const p of plans) {
        const nom = nomLibre(p.nom, nomsPris);
        nomsPris.push(nom);
        noms.push(nom);
        creees.push(nom);
        const ws = feuilles.add(nom);
        const renommage = new Map<string, string>();
        for (const t of p.tableaux ?? []) {
          const reel = nomTableLibre(t.nom, tablesPrises);
          tablesPrises.push(reel);
          renommage.set(t.nom, reel);
        }
        ecrireValeurs(ws, p);
        for (const t of p.tableaux ?? []) {
          const tab = ws.tables.add(ecrireZone(t.zone), true);
          tab.name = renommage.get(t.nom)!;
          if (t.style) tab.style = t.style;
        }
        p.lignes.forEach((l, r) =>
          l.forEach((v, c) => {
            if (typeof v === "object") ws.getRange(ecrireZone(un(r, c))).formulas = [[remplacerTables(v.formule, renommage)]];
          }),
        );
        for (const f of p.formats ?? []) {
          const plage = ws.getRange(ecrireZone(f.zone));
          if (f.nombre !== undefined)
            plage.numberFormat = Array.from({ length: f.zone.lignes }, () => Array.from({ length: f.zone.colonnes }, () => f.nombre!));
          if (f.gras !== undefined) plage.format.font.bold = f.gras;
          if (f.couleur !== undefined) plage.format.font.color = f.couleur;
          if (f.fond !== undefined) plage.format.fill.color = f.fond;
          if (f.retour !== undefined) {
            plage.format.wrapText = f.retour;
            plage.format.verticalAlignment = "Top";
          }
        }
        (p.largeurs ?? []).forEach((l, c) => {
          ws.getRange(ecrireZone({ ligne: 0, colonne: c, lignes: 1, colonnes: 1 })).format.columnWidth = l;
        });
        for (const l of p.liens ?? []) {
          if (!api17) {
            omis.add("liens (ExcelApi 1.7)");
            continue;
          }
          const cible = ws.getRange(ecrireZone(un(l.ligne, l.colonne)));
          cible.hyperlink = {
            textToDisplay: l.texte,
            ...(l.url !== undefined ? { address: l.url } : {}),
            ...(l.document !== undefined ? { documentReference: l.document } : {}),
            ...(l.infobulle !== undefined ? { screenTip: l.infobulle } : {}),
          };
        }
        for (const x of p.listes ?? []) {
          if (!listes) {
            omis.add("listes de statut (ExcelApi 1.8)");
            continue;
          }
          // The list source is invariant: items separated by commas whatever Excel's language.
          ws.getRange(ecrireZone(x.zone)).dataValidation.rule = { list: { inCellDropDown: true, source: x.valeurs.join(",") } };
        }
        if (p.impression) {
          if (!page) omis.add("mise en page (ExcelApi 1.9)");
          else impressions.push({ ws, impression: p.impression });
        }
        for (const z of p.echelles ?? []) {
          if (!h.supporte("1.6")) {
            omis.add("échelles de couleurs (ExcelApi 1.6)");
            continue;
          }
          const cf = ws.getRange(ecrireZone(z)).conditionalFormats.add("ColorScale" as Excel.ConditionalFormatType);
          cf.colorScale.criteria = {
            minimum: { type: "LowestValue" as Excel.ConditionalFormatColorCriterionType, color: "#63BE7B" },
            midpoint: { formula: "50", type: "Percentile" as Excel.ConditionalFormatColorCriterionType, color: "#FFEB84" },
            maximum: { type: "HighestValue" as Excel.ConditionalFormatColorCriterionType, color: "#F8696B" },
          };
        }
        for (const g of p.graphiques ?? []) {
          const type = (g.type === "barres" ? "ColumnClustered" : "ColumnStacked") as Excel.ChartType;
          const graphique = ws.charts.add(type, ws.getRange(g.donnees), "Auto" as Excel.ChartSeriesBy);
          graphique.title.text = g.titre;
          graphique.setPosition(g.position);
        }
        if (api17) {
          if (p.figer) ws.freezePanes.freezeRows(p.figer);
          if (p.couleurOnglet) ws.tabColor = p.couleurOnglet;
        }
      }
      if (plans.length > 0) feuilles.getItem(noms[0]!).activate();
      const etapes = impressions.length > 0 ? 3 : 2;
      progression(1, etapes);
      await n.synchroniser();
      // The print layout last, in its own round trip: a printer setting Excel refuses must not cost the report.
      if (impressions.length > 0) {
        progression(2, etapes);
        for (const { ws, impression } of impressions) {
          const pl = ws.pageLayout;
          if (impression.paysage) pl.orientation = "Landscape" as Excel.PageOrientation;
          pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (impression.lignesTitres) pl.setPrintTitleRows(impression.lignesTitres);
          if (impression.pied) pl.headersFooters.defaultForAllPages.centerFooter = impression.pied;
        }
        try {
          await n.synchroniser();
        } catch (e) {
          omis.add(`mise en page (refusée par Excel : ${e instanceof Error ? e.message : String(e)})`);
        }
      }
      progression(etapes, etapes);
      return { noms, syncs: n.syncs, omis: [...omis] };
    });
  } catch (e) {
    if (creees.length > 0) await supprimerFeuilles(h, creees).catch(() => undefined);
    throw new ErreurVolet(messageEcriture(e));
  }
}

/** Deletes the sheets a failed write had added (those that exist: Excel may have stopped before adding them). */
async function supprimerFeuilles(h: Hote, noms: readonly string[]): Promise<void> {
  await h.run(async (ctx) => {
    const fs = noms.map((nom) => ctx.workbook.worksheets.getItemOrNullObject(nom));
    for (const f of fs) f.load("name");
    await ctx.sync();
    for (const f of fs) if (!f.isNullObject) f.delete();
    await ctx.sync();
  });
}

function messageEcriture(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  const detail = e instanceof Error ? e.message : String(e);
  const cause =
    code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded"
      ? "la requête dépasse la taille qu'Excel accepte en une fois"
      : code === "InvalidOperation" || code === "InvalidArgument"
        ? `Excel a refusé une opération (${detail})`
        : code === "AccessDenied" || code === "EditModeCannotAcquireLock" || code === "ItemAlreadyExists"
          ? `le classeur est occupé ou protégé (${detail}) : quittez la cellule en cours de saisie, ou ôtez la protection`
          : detail;
  return `Écriture impossible : ${cause}. Le classeur n'a pas été modifié (les feuilles commencées ont été supprimées).`;
}

function un(ligne: number, colonne: number): Zone {
  return { ligne, colonne, lignes: 1, colonnes: 1 };
}

function remplacerTables(formule: string, renommage: ReadonlyMap<string, string>): string {
  return formule.replace(/\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g, (_, nom: string) => renommage.get(nom) ?? nom);
}

/** The plan's values as one rectangle from A1, texts that look like formulas kept as texts. */
function ecrireValeurs(ws: Excel.Worksheet, p: PlanFeuille): void {
  const largeur = Math.max(1, ...p.lignes.map((l) => l.length));
  if (p.lignes.length === 0) return;
  const valeurs = p.lignes.map((l) => Array.from({ length: largeur }, (_, c) => valeurEcrite(l[c])));
  ws.getRange(ecrireZone({ ligne: 0, colonne: 0, lignes: valeurs.length, colonnes: largeur })).values = valeurs;
}

function valeurEcrite(v: ValeurPlan | undefined): string | number | boolean {
  if (v === undefined || typeof v === "object") return "";
  return typeof v === "string" ? neutraliserPourTableur(v) : v;
}
