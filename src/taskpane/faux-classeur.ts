import { ecrireReference, lireReference, type Zone } from "./a1";
import type { Hote } from "./excel-io";

/**
 * An in-memory workbook that answers the part of the Excel JavaScript API the pane uses, with Excel's rules where
 * they matter to the pane's code: commands are queued and run at `context.sync()` (counted), a property read before
 * `load()` + `sync()` throws PropertyNotLoaded, a missing sheet fails at sync with ItemNotFound, `…OrNullObject`
 * gives a null object, a merged range gives its value in its top-left cell only, a request above a size limit is
 * refused whole (Excel on the web: 5 MB a request), and a failing command leaves the commands before it applied
 * (Excel has no transaction). It serves the tests of excel-io.ts and the demo mode in a plain browser.
 */

export type ValeurFausse = string | number | boolean;

export interface LienFaux {
  readonly address?: string;
  readonly documentReference?: string;
  readonly textToDisplay?: string;
  readonly screenTip?: string;
}

export interface CelluleFausse {
  v: ValeurFausse;
  /** The formula (invariant, « =COUNTIFS(T[Gravité],"Erreur") ») when the cell holds one. */
  f?: string;
  nf?: string;
  gras?: boolean;
  fond?: string;
  couleur?: string;
  retour?: boolean;
  lien?: LienFaux;
  liste?: readonly string[];
}

export interface TableFausse {
  nom: string;
  zone: Zone;
  style?: string;
}

export interface MiseEnPageFausse {
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  lignesTitres?: string;
  piedDePage?: string;
}

export class FeuilleFausse {
  readonly cellules = new Map<string, CelluleFausse>();
  readonly fusions: Zone[] = [];
  readonly tables: TableFausse[] = [];
  readonly largeurs = new Map<number, number>();
  miseEnPage: MiseEnPageFausse = {};
  lignesFigees = 0;
  couleurOnglet?: string;
  /** Colour-scale conditional formats: the range and the criteria as given. */
  readonly echelles: { zone: Zone; criteres: unknown }[] = [];
  /** Charts: type, data range, title and top-left cell. */
  readonly graphiques: { type: string; donnees: Zone; titre: string; position: string }[] = [];

  constructor(
    public nom: string,
    readonly id: string,
  ) {}

  lire(r: number, c: number): CelluleFausse | undefined {
    return this.cellules.get(`${r},${c}`);
  }

  ecrire(r: number, c: number): CelluleFausse {
    const k = `${r},${c}`;
    let x = this.cellules.get(k);
    if (!x) this.cellules.set(k, (x = { v: "" }));
    return x;
  }

  /** Values in place (the top-left of a merge only, as Office JS gives it). */
  poserValeurs(ligne: number, colonne: number, valeurs: readonly (readonly unknown[])[], formats?: readonly (readonly (string | undefined)[])[]): void {
    valeurs.forEach((l, r) =>
      l.forEach((v, c) => {
        const f = formats?.[r]?.[c];
        if ((v === null || v === undefined || v === "") && f === undefined) return;
        const x = this.ecrire(ligne + r, colonne + c);
        x.v = v === null || v === undefined ? "" : (v as ValeurFausse);
        if (f !== undefined) x.nf = f;
      }),
    );
  }

  /** The smallest zone holding every value (valuesOnly) or every touched cell; null on an empty sheet. */
  zoneUtilisee(valeursSeules: boolean): Zone | null {
    let haut = Infinity;
    let gauche = Infinity;
    let bas = -1;
    let droite = -1;
    for (const [k, x] of this.cellules) {
      if (valeursSeules && x.v === "" && x.f === undefined) continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      if (r < haut) haut = r;
      if (r > bas) bas = r;
      if (c < gauche) gauche = c;
      if (c > droite) droite = c;
    }
    if (bas < 0) return null;
    return { ligne: haut, colonne: gauche, lignes: bas - haut + 1, colonnes: droite - gauche + 1 };
  }
}

/** An Office.js-like error (OfficeExtension.Error has `code` and `debugInfo`). */
export class ErreurFausse extends Error {
  readonly debugInfo: { readonly code: string; readonly message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

interface OptionsClasseur {
  /** Highest ExcelApi requirement set answered « supported » (default 1.20, Microsoft 365). */
  readonly niveauApi?: string;
  /** Cells a single request may read or write (values, formats, formulas); beyond, the request is refused. */
  readonly limiteCellules?: number;
}

type Commande = () => void;

export class ClasseurFaux {
  readonly feuilles: FeuilleFausse[] = [];
  readonly reglages = new Map<string, unknown>();
  /** Round trips since creation (every sync, and the implicit one that ends Excel.run with commands pending). */
  syncs = 0;
  /** The sheet shown and the selected areas (one or more A1 zones on it). */
  active: FeuilleFausse | undefined;
  selection: Zone[] = [{ ligne: 0, colonne: 0, lignes: 1, colonnes: 1 }];
  readonly niveauApi: string;
  limiteCellules: number;
  /** Test hook: the next command whose name matches fails with this error (then the hook clears). */
  panne: { readonly commande: string; readonly code: string; readonly message: string } | undefined;
  private readonly gestionnaires = new Set<(e: unknown) => Promise<unknown> | void>();
  private readonly observateurs = new Set<() => void>();
  private prochainId = 1;

  constructor(o: OptionsClasseur = {}) {
    this.niveauApi = o.niveauApi ?? "1.20";
    this.limiteCellules = o.limiteCellules ?? 5_000_000;
  }

  // ——— direct access (tests, demo view): not through the API, no sync counted ———

  ajouterFeuille(nom: string): FeuilleFausse {
    verifierNomFeuille(nom, this);
    const f = new FeuilleFausse(nom, `{F${this.prochainId++}}`);
    this.feuilles.push(f);
    this.active ??= f;
    this.signaler();
    return f;
  }

  feuille(nom: string): FeuilleFausse | undefined {
    const n = nom.toLowerCase();
    return this.feuilles.find((f) => f.nom.toLowerCase() === n);
  }

  /** What a user does with the mouse: selects « 'Feuil 1'!B3:D9 » (or « B3:D9, F3:F9 » on the active sheet). */
  selectionner(adresses: string): void {
    const zones: Zone[] = [];
    let feuille = this.active;
    for (const a of adresses.split(/,(?=(?:[^']*'[^']*')*[^']*$)/)) {
      const r = lireReference(a);
      if (!r) throw new ErreurFausse("InvalidArgument", `Adresse invalide : « ${a.trim()} ».`);
      if (r.feuille !== undefined) {
        const f = this.feuille(r.feuille);
        if (!f) throw new ErreurFausse("ItemNotFound", `Feuille « ${r.feuille} » introuvable.`);
        feuille = f;
      }
      zones.push(r.zone);
    }
    this.active = feuille;
    this.selection = zones;
    this.signaler();
    for (const g of this.gestionnaires) void g({ type: "SelectionChanged" });
  }

  /** The demo view redraws on every change. */
  observer(f: () => void): () => void {
    this.observateurs.add(f);
    return () => this.observateurs.delete(f);
  }

  supporte(version: string): boolean {
    return comparerVersions(version, this.niveauApi) <= 0;
  }

  get gestionnairesActifs(): number {
    return this.gestionnaires.size;
  }

  /** The Hote excel-io.ts runs on: Excel.run over this workbook. */
  hote(): Hote {
    return {
      run: <T>(lot: (ctx: Excel.RequestContext) => Promise<T>) => this.run(lot),
      supporte: (v: string) => this.supporte(v),
      retirer: async (r: OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs>) => {
        await this.run(async (ctx) => {
          r.remove();
          await ctx.sync();
        });
      },
      niveauApi: () => this.niveauApi,
    };
  }

  async run<T>(lot: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new ContexteFaux(this);
    const r = await lot(ctx as unknown as Excel.RequestContext);
    if (ctx.enAttente()) await ctx.sync();
    return r;
  }

  // ——— internals used by the proxies ———

  signaler(): void {
    for (const o of this.observateurs) o();
  }

  nouvelId(): string {
    return `{F${this.prochainId++}}`;
  }

  ajouterGestionnaire(g: (e: unknown) => Promise<unknown> | void): void {
    this.gestionnaires.add(g);
  }

  retirerGestionnaire(g: (e: unknown) => Promise<unknown> | void): void {
    this.gestionnaires.delete(g);
  }

  panneSur(commande: string): void {
    if (this.panne && this.panne.commande === commande) {
      const p = this.panne;
      this.panne = undefined;
      throw new ErreurFausse(p.code, p.message);
    }
  }
}

function comparerVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 !== b1 ? a1 - b1 : a2 - b2;
}

function verifierNomFeuille(nom: string, c: ClasseurFaux): void {
  if (nom.trim() === "" || nom.length > 31 || /[:\\/?*[\]]/.test(nom) || /^'|'$/.test(nom)) {
    throw new ErreurFausse("InvalidArgument", `Nom de feuille invalide : « ${nom} ».`);
  }
  if (c.feuille(nom)) throw new ErreurFausse("ItemAlreadyExists", `La feuille « ${nom} » existe déjà.`);
}

// ——— request context and proxies ———

class ContexteFaux {
  readonly workbook: ClasseurProxy;
  private file: { nom: string; cellules: number; executer: Commande }[] = [];

  constructor(readonly classeur: ClasseurFaux) {
    this.workbook = new ClasseurProxy(this);
  }

  /** Queues a command; `cellules` counts toward the request's size. */
  ajouter(nom: string, executer: Commande, cellules = 0): void {
    this.file.push({ nom, cellules, executer });
  }

  enAttente(): boolean {
    return this.file.length > 0;
  }

  readonly trackedObjects = { add() {}, remove() {} };

  async sync(): Promise<void> {
    const file = this.file;
    this.file = [];
    this.classeur.syncs++;
    await Promise.resolve();
    const taille = file.reduce((s, x) => s + x.cellules, 0);
    if (taille > this.classeur.limiteCellules) {
      throw new ErreurFausse(
        "RequestPayloadSizeLimitExceeded",
        `La requête dépasse la taille permise (${taille} cellules, au plus ${this.classeur.limiteCellules}).`,
      );
    }
    try {
      for (const x of file) {
        this.classeur.panneSur(x.nom);
        x.executer();
      }
    } finally {
      // Observers (the demo view) hear of changes only: a read does not redraw the workbook.
      if (file.some((x) => x.nom !== "load")) this.classeur.signaler();
    }
  }
}

/** Base of every proxy: properties are readable once loaded and synced. */
class ObjetProxy {
  protected readonly charges = new Map<string, unknown>();
  private nul: boolean | undefined;

  constructor(protected readonly ctx: ContexteFaux) {}

  protected lirePropriete<T>(nom: string): T {
    if (!this.charges.has(nom)) {
      throw new ErreurFausse("PropertyNotLoaded", `La propriété « ${nom} » n'est pas chargée : appelez load("${nom}") puis context.sync() avant de la lire.`);
    }
    return this.charges.get(nom) as T;
  }

  get isNullObject(): boolean {
    if (this.nul === undefined) throw new ErreurFausse("PropertyNotLoaded", "isNullObject n'est connu qu'après load() et context.sync().");
    return this.nul;
  }

  /** The proxy's target, or null for a null object (throws ItemNotFound for a required one). */
  protected cible(): unknown {
    return {};
  }

  /** Cells the load reads (for the size limit). */
  protected taillePourCharger(_proprietes: readonly string[]): number {
    return 0;
  }

  protected valeurPropriete(_nom: string, _cible: unknown): unknown {
    return undefined;
  }

  load(proprietes?: string | string[] | { select?: string }): this {
    const liste = (typeof proprietes === "string" ? proprietes.split(",") : Array.isArray(proprietes) ? proprietes : (proprietes?.select ?? "").split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    // The size of a read is known only when it runs (a used range, a selection): checked then against the limit.
    this.ctx.ajouter("load", () => {
      const c = this.cible();
      const t = c === null ? 0 : this.taillePourCharger(liste);
      if (t > this.ctx.classeur.limiteCellules) {
        throw new ErreurFausse(
          "ResponsePayloadSizeLimitExceeded",
          `La réponse dépasse la taille permise (${t} cellules, au plus ${this.ctx.classeur.limiteCellules}).`,
        );
      }
      this.nul = c === null;
      for (const p of liste) this.charges.set(p, c === null ? undefined : this.valeurPropriete(p, c));
    });
    return this;
  }
}

class ClasseurProxy extends ObjetProxy {
  readonly worksheets: FeuillesProxy;
  readonly tables: TablesProxy;
  readonly settings: ReglagesProxy;
  readonly onSelectionChanged: EvenementProxy;

  constructor(ctx: ContexteFaux) {
    super(ctx);
    this.worksheets = new FeuillesProxy(ctx);
    this.tables = new TablesProxy(ctx);
    this.settings = new ReglagesProxy(ctx);
    this.onSelectionChanged = new EvenementProxy(ctx);
  }

  getSelectedRange(): PlageProxy {
    return new PlageProxy(this.ctx, () => {
      const c = this.ctx.classeur;
      if (!c.active) throw new ErreurFausse("ItemNotFound", "Aucune feuille active.");
      const z = c.selection[0]!;
      return { feuille: c.active, zone: z };
    });
  }

  getSelectedRanges(): ZonesProxy {
    return new ZonesProxy(this.ctx, () => {
      const c = this.ctx.classeur;
      return c.active ? c.selection.map((zone) => ({ feuille: c.active!, zone })) : [];
    });
  }
}

type Cible = { feuille: FeuilleFausse; zone: Zone };

class PlageProxy extends ObjetProxy {
  readonly format: FormatProxy;
  readonly dataValidation: ValidationProxy;
  readonly conditionalFormats: { add(type: string): { colorScale: { criteria: unknown } } };

  constructor(
    ctx: ContexteFaux,
    private readonly resoudre: () => Cible | null,
    private readonly facultative = false,
  ) {
    super(ctx);
    this.format = new FormatProxy(ctx, () => this.exiger());
    this.dataValidation = new ValidationProxy(ctx, () => this.exiger());
    // Colour scales only (what the comparison sheet uses); other types are refused as Excel would refuse a bad one.
    this.conditionalFormats = {
      add: (type: string) => {
        if (type !== "ColorScale") throw new ErreurFausse("InvalidArgument", `Format conditionnel « ${type} » non simulé.`);
        return {
          colorScale: {
            set criteria(criteres: unknown) {
              ctx.ajouter("conditionalFormats", () => {
                const { feuille, zone } = exiger();
                feuille.echelles.push({ zone, criteres });
              });
            },
          },
        };
      },
    };
    const exiger = () => this.exiger();
  }

  protected override cible(): Cible | null {
    const c = this.resoudre();
    if (c === null && !this.facultative) throw new ErreurFausse("ItemNotFound", "Plage introuvable.");
    return c;
  }

  private exiger(): Cible {
    const c = this.resoudre();
    if (c === null) throw new ErreurFausse("InvalidObjectPath", "Objet nul : la plage n'existe pas.");
    return c;
  }

  /** The range's zone, when the batch runs (a chart's data). */
  zoneCible(): Zone {
    return this.exiger().zone;
  }

  protected override taillePourCharger(p: readonly string[]): number {
    const c = this.resoudre();
    if (!c) return 0;
    const n = p.filter((x) => ["values", "numberFormat", "formulas", "text", "valueTypes"].includes(x)).length;
    return n * c.zone.lignes * c.zone.colonnes;
  }

  protected override valeurPropriete(nom: string, cible: unknown): unknown {
    const { feuille, zone } = cible as Cible;
    const matrice = <T>(f: (x: CelluleFausse | undefined, r: number, c: number) => T): T[][] =>
      Array.from({ length: zone.lignes }, (_, r) =>
        Array.from({ length: zone.colonnes }, (_, c) => f(feuille.lire(zone.ligne + r, zone.colonne + c), zone.ligne + r, zone.colonne + c)),
      );
    switch (nom) {
      case "address":
        return ecrireReference(feuille.nom, zone);
      case "rowIndex":
        return zone.ligne;
      case "columnIndex":
        return zone.colonne;
      case "rowCount":
        return zone.lignes;
      case "columnCount":
        return zone.colonnes;
      case "values":
        return matrice((x, r, c) => (x ? (x.f !== undefined ? evaluer(x.f, this.ctx.classeur, feuille, r, c) : x.v) : ""));
      case "formulas":
        return matrice((x) => (x ? (x.f ?? x.v) : ""));
      case "numberFormat":
        return matrice((x) => x?.nf ?? "General");
      case "hyperlink":
        return feuille.lire(zone.ligne, zone.colonne)?.lien ?? null;
      default:
        throw new ErreurFausse("InvalidArgument", `Propriété « ${nom} » inconnue du classeur de démonstration.`);
    }
  }

  get address(): string {
    return this.lirePropriete("address");
  }
  get rowIndex(): number {
    return this.lirePropriete("rowIndex");
  }
  get columnIndex(): number {
    return this.lirePropriete("columnIndex");
  }
  get rowCount(): number {
    return this.lirePropriete("rowCount");
  }
  get columnCount(): number {
    return this.lirePropriete("columnCount");
  }
  get values(): unknown[][] {
    return this.lirePropriete("values");
  }
  set values(v: unknown[][]) {
    this.ecrireMatrice("values", v, entrer);
  }
  get formulas(): unknown[][] {
    return this.lirePropriete("formulas");
  }
  set formulas(v: unknown[][]) {
    this.ecrireMatrice("formulas", v, entrer);
  }
  get numberFormat(): string[][] {
    return this.lirePropriete("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.ecrireMatrice("numberFormat", v, (x, val) => (x.nf = String(val)));
  }
  get hyperlink(): LienFaux | null {
    return this.lirePropriete("hyperlink");
  }
  set hyperlink(l: LienFaux) {
    this.ctx.ajouter("hyperlink", () => {
      const { feuille, zone } = this.exiger();
      const x = feuille.ecrire(zone.ligne, zone.colonne);
      x.lien = { ...l };
      if (l.textToDisplay !== undefined) x.v = l.textToDisplay;
    });
  }

  private ecrireMatrice(nom: string, v: unknown[][], f: (x: CelluleFausse, val: unknown) => void): void {
    this.ctx.ajouter(
      nom,
      () => {
        const { feuille, zone } = this.exiger();
        if (v.length !== zone.lignes || v.some((l) => l.length !== zone.colonnes)) {
          throw new ErreurFausse("InvalidArgument", `${nom} : ${v.length} × ${v[0]?.length ?? 0} valeurs pour une plage de ${zone.lignes} × ${zone.colonnes}.`);
        }
        v.forEach((l, r) => l.forEach((val, c) => f(feuille.ecrire(zone.ligne + r, zone.colonne + c), val)));
      },
      v.length * (v[0]?.length ?? 0),
    );
  }

  get worksheet(): FeuilleProxy {
    return new FeuilleProxy(this.ctx, () => this.exiger().feuille);
  }

  getUsedRangeOrNullObject(valeursSeules = false): PlageProxy {
    return new PlageProxy(
      this.ctx,
      () => {
        const { feuille, zone } = this.exiger();
        const u = feuille.zoneUtilisee(valeursSeules);
        const i = u && intersection(u, zone);
        return i ? { feuille, zone: i } : null;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): ZonesProxy {
    return new ZonesProxy(
      this.ctx,
      () => {
        const { feuille, zone } = this.exiger();
        return feuille.fusions.filter((f) => intersection(f, zone) !== null).map((f) => ({ feuille, zone: f }));
      },
      true,
    );
  }

  getCell(r: number, c: number): PlageProxy {
    return new PlageProxy(this.ctx, () => {
      const { feuille, zone } = this.exiger();
      return { feuille, zone: { ligne: zone.ligne + r, colonne: zone.colonne + c, lignes: 1, colonnes: 1 } };
    });
  }

  select(): void {
    this.ctx.ajouter("select", () => {
      const { feuille, zone } = this.exiger();
      const c = this.ctx.classeur;
      // Excel selects on the active sheet only: selecting elsewhere is unreliable (office-js#5118), so the pane
      // activates the sheet first; the demo refuses it outright to keep the pane honest.
      if (c.active !== feuille)
        throw new ErreurFausse("InvalidSelection", `La feuille « ${feuille.nom} » n'est pas active : activez-la avant de sélectionner.`);
      c.selection = [zone];
    });
  }
}

/**
 * What Excel does with a value written to a cell, as when typed: « =… » is a formula, a leading apostrophe makes the
 * rest a text (and is not part of the value).
 */
function entrer(x: CelluleFausse, val: unknown): void {
  delete x.f;
  if (typeof val === "string" && val.startsWith("'")) x.v = val.slice(1);
  else if (typeof val === "string" && val.startsWith("=")) {
    x.f = val;
    x.v = "";
  } else x.v = val === null || val === undefined ? "" : (val as ValeurFausse);
}

function intersection(a: Zone, b: Zone): Zone | null {
  const l1 = Math.max(a.ligne, b.ligne);
  const c1 = Math.max(a.colonne, b.colonne);
  const l2 = Math.min(a.ligne + a.lignes, b.ligne + b.lignes);
  const c2 = Math.min(a.colonne + a.colonnes, b.colonne + b.colonnes);
  return l1 < l2 && c1 < c2 ? { ligne: l1, colonne: c1, lignes: l2 - l1, colonnes: c2 - c1 } : null;
}

class ZonesProxy extends ObjetProxy {
  constructor(
    ctx: ContexteFaux,
    private readonly resoudre: () => Cible[],
    private readonly facultative = false,
  ) {
    super(ctx);
  }
  protected override cible(): Cible[] | null {
    const z = this.resoudre();
    return z.length === 0 && this.facultative ? null : z;
  }
  protected override valeurPropriete(nom: string, cible: unknown): unknown {
    const zs = cible as Cible[];
    if (nom === "areaCount") return zs.length;
    if (nom === "address") return zs.map((z) => ecrireReference(z.feuille.nom, z.zone)).join(", ");
    throw new ErreurFausse("InvalidArgument", `Propriété « ${nom} » inconnue du classeur de démonstration.`);
  }
  get areaCount(): number {
    return this.lirePropriete("areaCount");
  }
  get address(): string {
    return this.lirePropriete("address");
  }
}

class FormatProxy {
  readonly font: { bold: boolean; color: string };
  readonly fill: { color: string };
  constructor(
    private readonly ctx: ContexteFaux,
    private readonly cible: () => Cible,
  ) {
    const regler = (nom: string, f: (x: CelluleFausse) => void) =>
      this.ctx.ajouter(`format.${nom}`, () => {
        const { feuille, zone } = this.cible();
        for (let r = 0; r < zone.lignes; r++) for (let c = 0; c < zone.colonnes; c++) f(feuille.ecrire(zone.ligne + r, zone.colonne + c));
      });
    this.font = {
      set bold(b: boolean) {
        regler("font.bold", (x) => (x.gras = b));
      },
      set color(v: string) {
        regler("font.color", (x) => (x.couleur = v));
      },
    } as { bold: boolean; color: string };
    this.fill = {
      set color(v: string) {
        regler("fill.color", (x) => (x.fond = v));
      },
    } as { color: string };
    this.regler = regler;
  }
  private readonly regler: (nom: string, f: (x: CelluleFausse) => void) => void;
  set wrapText(b: boolean) {
    this.regler("wrapText", (x) => (x.retour = b));
  }
  set verticalAlignment(_v: string) {
    this.ctx.ajouter("format.verticalAlignment", () => void this.cible());
  }
  set columnWidth(points: number) {
    this.ctx.ajouter("format.columnWidth", () => {
      const { feuille, zone } = this.cible();
      for (let c = 0; c < zone.colonnes; c++) feuille.largeurs.set(zone.colonne + c, points);
    });
  }
}

class ValidationProxy {
  constructor(
    private readonly ctx: ContexteFaux,
    private readonly cible: () => Cible,
  ) {}
  set rule(r: { list?: { inCellDropDown?: boolean; source: string } }) {
    this.ctx.ajouter("dataValidation", () => {
      const { feuille, zone } = this.cible();
      if (!r.list) throw new ErreurFausse("InvalidArgument", "Seules les listes de validation sont simulées.");
      const liste = r.list.source.split(",");
      for (let i = 0; i < zone.lignes; i++) for (let c = 0; c < zone.colonnes; c++) feuille.ecrire(zone.ligne + i, zone.colonne + c).liste = liste;
    });
  }
}

class FeuilleProxy extends ObjetProxy {
  readonly tables: TablesFeuilleProxy;
  readonly charts: { add(type: string, source: PlageProxy, seriesBy?: string): { title: { text: string }; setPosition(haut: string): void } };
  readonly freezePanes: { freezeRows(n: number): void };
  readonly pageLayout: PageLayoutProxy;

  constructor(
    ctx: ContexteFaux,
    private readonly resoudre: () => FeuilleFausse | null,
    private readonly facultative = false,
  ) {
    super(ctx);
    this.tables = new TablesFeuilleProxy(ctx, () => this.exiger());
    this.freezePanes = {
      freezeRows: (n: number) => this.ctx.ajouter("freezeRows", () => void (this.exiger().lignesFigees = n)),
    };
    this.pageLayout = new PageLayoutProxy(ctx, () => this.exiger());
    this.charts = {
      add: (type: string, source: PlageProxy) => {
        const g = { type, donnees: { ligne: 0, colonne: 0, lignes: 0, colonnes: 0 } as Zone, titre: "", position: "" };
        this.ctx.ajouter("charts.add", () => {
          g.donnees = source.zoneCible();
          this.exiger().graphiques.push(g);
        });
        return {
          title: {
            set text(t: string) {
              g.titre = t;
            },
            get text(): string {
              return g.titre;
            },
          },
          setPosition: (haut: string) => void (g.position = haut),
        };
      },
    };
  }
  protected override cible(): FeuilleFausse | null {
    const f = this.resoudre();
    if (f === null && !this.facultative) throw new ErreurFausse("ItemNotFound", "Feuille introuvable.");
    return f;
  }
  private exiger(): FeuilleFausse {
    const f = this.resoudre();
    if (f === null) throw new ErreurFausse("ItemNotFound", "Feuille introuvable.");
    return f;
  }
  protected override valeurPropriete(nom: string, cible: unknown): unknown {
    const f = cible as FeuilleFausse;
    if (nom === "name") return f.nom;
    if (nom === "id") return f.id;
    throw new ErreurFausse("InvalidArgument", `Propriété « ${nom} » inconnue du classeur de démonstration.`);
  }
  get name(): string {
    return this.lirePropriete("name");
  }
  get id(): string {
    return this.lirePropriete("id");
  }
  set tabColor(v: string) {
    this.ctx.ajouter("tabColor", () => void (this.exiger().couleurOnglet = v));
  }
  getRange(adresse: string): PlageProxy {
    return new PlageProxy(this.ctx, () => {
      const r = lireReference(adresse);
      if (!r || r.feuille !== undefined) throw new ErreurFausse("InvalidArgument", `Adresse invalide : « ${adresse} ».`);
      return { feuille: this.exiger(), zone: r.zone };
    });
  }
  getUsedRangeOrNullObject(valeursSeules = false): PlageProxy {
    return new PlageProxy(
      this.ctx,
      () => {
        const f = this.exiger();
        const z = f.zoneUtilisee(valeursSeules);
        return z ? { feuille: f, zone: z } : null;
      },
      true,
    );
  }
  activate(): void {
    this.ctx.ajouter("activate", () => {
      const c = this.ctx.classeur;
      const f = this.exiger();
      if (c.active !== f) {
        c.active = f;
        c.selection = [{ ligne: 0, colonne: 0, lignes: 1, colonnes: 1 }];
      }
    });
  }
  delete(): void {
    this.ctx.ajouter("worksheet.delete", () => {
      const c = this.ctx.classeur;
      const f = this.exiger();
      c.feuilles.splice(c.feuilles.indexOf(f), 1);
      if (c.active === f) {
        c.active = c.feuilles[0];
        c.selection = [{ ligne: 0, colonne: 0, lignes: 1, colonnes: 1 }];
      }
    });
  }
}

class PageLayoutProxy {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };
  constructor(
    private readonly ctx: ContexteFaux,
    private readonly feuille: () => FeuilleFausse,
  ) {
    this.headersFooters = {
      defaultForAllPages: {
        set centerFooter(t: string) {
          ctx.ajouter("pageLayout.footer", () => void (feuille().miseEnPage.piedDePage = t));
        },
      } as { centerFooter: string },
    };
  }
  set orientation(o: string) {
    this.ctx.ajouter("pageLayout.orientation", () => void (this.feuille().miseEnPage.orientation = o));
  }
  set zoom(z: MiseEnPageFausse["zoom"]) {
    this.ctx.ajouter("pageLayout.zoom", () => void (this.feuille().miseEnPage.zoom = { ...z }));
  }
  setPrintTitleRows(lignes: string): void {
    this.ctx.ajouter("pageLayout.setPrintTitleRows", () => void (this.feuille().miseEnPage.lignesTitres = lignes));
  }
}

class FeuillesProxy extends ObjetProxy {
  private liste: { name: string }[] | undefined;
  override load(p?: string | string[]): this {
    this.ctx.ajouter("load", () => void (this.liste = this.ctx.classeur.feuilles.map((f) => ({ name: f.nom }))));
    void p;
    return this;
  }
  get items(): { name: string }[] {
    if (!this.liste) throw new ErreurFausse("PropertyNotLoaded", 'worksheets.items n\'est pas chargé : load("items/name") puis sync().');
    return this.liste;
  }
  getItem(nom: string): FeuilleProxy {
    return new FeuilleProxy(this.ctx, () => this.ctx.classeur.feuille(nom) ?? null);
  }
  getItemOrNullObject(nom: string): FeuilleProxy {
    return new FeuilleProxy(this.ctx, () => this.ctx.classeur.feuille(nom) ?? null, true);
  }
  getActiveWorksheet(): FeuilleProxy {
    return new FeuilleProxy(this.ctx, () => this.ctx.classeur.active ?? null);
  }
  add(nom: string): FeuilleProxy {
    let creee: FeuilleFausse | undefined;
    this.ctx.ajouter("worksheets.add", () => {
      const c = this.ctx.classeur;
      verifierNomFeuille(nom, c);
      creee = new FeuilleFausse(nom, c.nouvelId());
      c.feuilles.push(creee);
    });
    return new FeuilleProxy(this.ctx, () => creee ?? null);
  }
}

class TablesProxy extends ObjetProxy {
  private liste: { name: string }[] | undefined;
  override load(p?: string | string[]): this {
    this.ctx.ajouter("load", () => void (this.liste = this.ctx.classeur.feuilles.flatMap((f) => f.tables.map((t) => ({ name: t.nom })))));
    void p;
    return this;
  }
  get items(): { name: string }[] {
    if (!this.liste) throw new ErreurFausse("PropertyNotLoaded", 'tables.items n\'est pas chargé : load("items/name") puis sync().');
    return this.liste;
  }
}

class TablesFeuilleProxy {
  constructor(
    private readonly ctx: ContexteFaux,
    private readonly feuille: () => FeuilleFausse,
  ) {}
  add(adresse: string, _enTetes: boolean): { name: string; style: string } {
    let t: TableFausse | undefined;
    const ctx = this.ctx;
    ctx.ajouter("tables.add", () => {
      const f = this.feuille();
      const r = lireReference(adresse);
      if (!r) throw new ErreurFausse("InvalidArgument", `Adresse de tableau invalide : « ${adresse} ».`);
      if (ctx.classeur.feuilles.some((x) => x.tables.some((y) => intersection(y.zone, r.zone) !== null && x === f))) {
        throw new ErreurFausse("InvalidOperation", "Un tableau ne peut pas en chevaucher un autre.");
      }
      t = { nom: `Tableau${ctx.classeur.feuilles.reduce((s, x) => s + x.tables.length, 0) + 1}`, zone: r.zone };
      f.tables.push(t);
    });
    const table = () => {
      if (!t) throw new ErreurFausse("InvalidObjectPath", "Tableau non créé.");
      return t;
    };
    return {
      set name(n: string) {
        ctx.ajouter("table.name", () => {
          if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(n) || /^[A-Za-z]{1,3}[0-9]+$/.test(n))
            throw new ErreurFausse("InvalidArgument", `Nom de tableau invalide : « ${n} ».`);
          if (ctx.classeur.feuilles.some((x) => x.tables.some((y) => y.nom.toLowerCase() === n.toLowerCase()))) {
            throw new ErreurFausse("ItemAlreadyExists", `Le tableau « ${n} » existe déjà.`);
          }
          table().nom = n;
        });
      },
      set style(s: string) {
        ctx.ajouter("table.style", () => void (table().style = s));
      },
    } as { name: string; style: string };
  }
}

class ReglagesProxy {
  constructor(private readonly ctx: ContexteFaux) {}
  add(cle: string, valeur: unknown): void {
    this.ctx.ajouter("settings.add", () => {
      // Settings hold JSON: what is stored is a copy, as Excel serialises it.
      this.ctx.classeur.reglages.set(cle, JSON.parse(JSON.stringify(valeur)));
    });
  }
  getItemOrNullObject(cle: string): ReglageProxy {
    return new ReglageProxy(this.ctx, cle);
  }
}

class ReglageProxy extends ObjetProxy {
  constructor(
    ctx: ContexteFaux,
    private readonly cle: string,
  ) {
    super(ctx);
  }
  protected override cible(): { v: unknown } | null {
    const r = this.ctx.classeur.reglages;
    return r.has(this.cle) ? { v: r.get(this.cle) } : null;
  }
  protected override valeurPropriete(nom: string, cible: unknown): unknown {
    if (nom === "value") return JSON.parse(JSON.stringify((cible as { v: unknown }).v));
    if (nom === "key") return this.cle;
    throw new ErreurFausse("InvalidArgument", `Propriété « ${nom} » inconnue.`);
  }
  get value(): unknown {
    return this.lirePropriete("value");
  }
}

class EvenementProxy {
  constructor(private readonly ctx: ContexteFaux) {}
  add(g: (e: unknown) => Promise<unknown> | void): { remove(): void; context: unknown } {
    const classeur = this.ctx.classeur;
    this.ctx.ajouter("onSelectionChanged.add", () => classeur.ajouterGestionnaire(g));
    return {
      context: this.ctx,
      remove: () => classeur.retirerGestionnaire(g),
    };
  }
}

// ——— a little formula evaluation, for the demo view ———

/**
 * COUNTIFS over table columns (`=COUNTIFS(T[Gravité],"Erreur")`, the report's counts) and plain COUNTA: enough for
 * the demo workbook to show figures; anything else shows the formula.
 */
function evaluer(formule: string, c: ClasseurFaux, _f: FeuilleFausse, _r: number, _col: number): ValeurFausse {
  const m = /^=COUNTIFS\((.*)\)$/i.exec(formule);
  if (!m) return formule;
  const args = m[1]!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((x) => x.trim());
  if (args.length % 2 !== 0) return "#VALUE!";
  let lignes: boolean[] | undefined;
  for (let i = 0; i < args.length; i += 2) {
    const col = colonneDeTable(args[i]!, c);
    if (!col) return "#REF!";
    const critere = args[i + 1]!.replace(/^"|"$/g, "").replace(/""/g, '"');
    const ok = col.map((v) => String(v).toLowerCase() === critere.toLowerCase());
    lignes = lignes ? lignes.map((x, k) => x && ok[k]!) : ok;
  }
  return (lignes ?? []).filter(Boolean).length;
}

function colonneDeTable(ref: string, c: ClasseurFaux): ValeurFausse[] | null {
  const m = /^([^[]+)\[([^\]]+)\]$/.exec(ref);
  if (!m) return null;
  for (const f of c.feuilles) {
    const t = f.tables.find((x) => x.nom.toLowerCase() === m[1]!.toLowerCase());
    if (!t) continue;
    for (let k = 0; k < t.zone.colonnes; k++) {
      if (String(f.lire(t.zone.ligne, t.zone.colonne + k)?.v ?? "") !== m[2]) continue;
      const vs: ValeurFausse[] = [];
      for (let r = 1; r < t.zone.lignes; r++) vs.push(f.lire(t.zone.ligne + r, t.zone.colonne + k)?.v ?? "");
      return vs;
    }
  }
  return null;
}

/** The used range of a sheet as text rows (the demo view and the tests read the workbook this way). */
export function contenuFeuille(f: FeuilleFausse, c: ClasseurFaux): { zone: Zone | null; valeurs: ValeurFausse[][] } {
  const zone = f.zoneUtilisee(true);
  if (!zone) return { zone: null, valeurs: [] };
  const debut = { ...zone, lignes: zone.ligne + zone.lignes, colonnes: zone.colonne + zone.colonnes, ligne: 0, colonne: 0 };
  const valeurs = Array.from({ length: debut.lignes }, (_, r) =>
    Array.from({ length: debut.colonnes }, (_, k) => {
      const x = f.lire(r, k);
      return x ? (x.f !== undefined ? evaluer(x.f, c, f, r, k) : x.v) : "";
    }),
  );
  return { zone: debut, valeurs };
}
