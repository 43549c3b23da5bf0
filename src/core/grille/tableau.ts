import { NEANT } from "../garantie";
import { jourDepuisIso, jourDepuisSerie, jourDepuisTexte, type Jour } from "../dates";
import { RembError } from "../errors";
import { contreditIntertitre, estAttribut, posteParCode, reconnaitrePoste, sectionDeTitre, sectionEnTete, type Poste, type Section } from "../postes";
import { plier, replier } from "../texte/plier";
import { adresseA1, lettresColonne, origineDepuis, type Origine } from "./adresse";
import { lireGarantie } from "./lire-garantie";
import type { AlerteImport, Cellule, Grille, Ligne, Niveau, OptionsImport, ReconnaissanceLigne, SourceGrille } from "./modele";
import { analyserEntete, estDeclarationUnite, familleDe, type Entete } from "./niveaux";
import { lireCellule, signalerNettoyage, court, type Alerter, type Lieu } from "./cellule";
import { lireNotes, separerRenvois, type Note } from "./renvois";
import { conventionRoDuTexte, type ConventionRo } from "./convention-ro";
import { libelleDuCas, lireCasUnique, lireSousCas, type SorteSousCas, type SousCas } from "./sous-cas";
import { lectureCorrigeeDe, posteCorrigeDe, validerCorrections, type Corrections } from "./corrections";
import { estFormatDate, nombreDepuisTexte, type UniteNombres } from "./nombre";
import { nombreFr, valeurCellule, type ValeurCellule } from "./valeur-cellule";

/** Beyond these sizes the input is not a guarantee grid (a grid has ~150 rows and a dozen columns). */
const LIGNES_MAX = 200_000;
const COLONNES_MAX = 500;
/** Header rows are looked for this far above the first row of guarantees. */
const ENTETE_RECHERCHE = 50;
/** Rows tried as the first row of guarantees (title rows may look like one). */
const CANDIDATS_MAX = 20;

/**
 * Reads a guarantee grid from a 2-D array of cells as Excel gives them (numbers, text, booleans, null or "";
 * Date objects and exceljs rich text / formula objects are accepted too). Layout found automatically:
 * title rows, the header row(s) with the level names (a level row above a réseau / hors réseau row is joined),
 * an optional units row (« en % BR »), section rows (« OPTIQUE ») and sub-heading rows (a label with no value),
 * then one line per poste. See docs/format-grille.md.
 *
 * Throws a RembError (French message) when no grid can be read: empty table, no guarantee column, no header,
 * a level column without a name (merged header), two levels with the same name, oversized input.
 * Everything else (unknown label, unparseable cell, ambiguous number, hostile text) is kept and reported in
 * `grille.alertes`.
 */
export function grilleDepuisTableau(cellules: readonly (readonly unknown[])[], options: OptionsImport = {}): Grille {
  return importerTableau(cellules, options, { format: "tableau" });
}

/** Same as grilleDepuisTableau, for the CSV and XLSX readers, which know more about the source. */
export function importerTableau(cellules: readonly (readonly unknown[])[], options: OptionsImport, source: SourceGrille): Grille {
  return new Import(cellules, options, source).executer();
}

interface Colonne {
  readonly c: number;
  readonly entete: Entete;
  readonly texte: string;
  readonly haut?: string;
  readonly bas?: string;
  readonly unite?: UniteNombres;
  /** No header names the column: it is named after its letter. */
  readonly sansNom?: true;
}

class Import {
  private readonly origine: Origine;
  private readonly V: ValeurCellule[][] = [];
  private largeur = 0;
  private readonly alertes: AlerteImport[] = [];
  private readonly corrections: Corrections | undefined;
  private readonly notes: Note[] = [];
  private readonly conventionsRo = new Map<number, ConventionRo>();
  /** A « Unité » column (BR, FR, PMSS…) giving the base of each line's bare percentages. */
  private colonneUnite: number | undefined;
  private readonly conventionsNotes = new Map<string, ConventionRo>();

  constructor(
    private readonly brut: readonly (readonly unknown[])[],
    private readonly options: OptionsImport,
    private readonly source: SourceGrille,
  ) {
    this.origine = origineDepuis(options.origine);
    this.corrections = options.corrections === undefined ? undefined : validerCorrections(options.corrections);
  }

  executer(): Grille {
    this.lireValeurs();
    const { colonnesDonnees, lignesDonnees } = this.reperer();
    // The first row with a label and a value may be a title row (« Date d'effet | 46023 » from the Office JS range values, which
    // gives dates as bare serials): the first one with a header above it starts the grid.
    let entete: ReturnType<Import["trouverEntete"]> = null;
    for (const [i, r] of lignesDonnees.entries()) {
      entete = this.trouverEntete(colonnesDonnees, r, i > 0);
      if (entete) break;
    }
    if (!entete) {
      throw erreur(
        `Aucune ligne d'en-tête trouvée au-dessus de la première ligne de garanties (ligne ${this.origine.ligne + lignesDonnees[0]!}) : ` +
          "une ligne doit nommer les niveaux (« Niveau 1 », « Base », « Option 1 », « Réseau »…) au-dessus des garanties.",
      );
    }
    const niveaux = this.construireNiveaux(entete.colonnes, entete.lignes);
    const colonnesLibelle = this.colonnesLibelle(entete.colonnes, entete.lignes);
    const titres = this.lireTitres(entete.lignes[0]!, colonnesLibelle);
    this.lireConventionsRo(entete.lignes[0]!, entete.derniere + 1, entete.colonnes, niveaux);
    // « Nature des frais », « Garanties », « Prestations »: the header's label cell, printed again above a repeated header.
    const libellesEntete = new Set(entete.lignes.flatMap((r) => colonnesLibelle.map((c) => plier(this.texte(r, c)))).filter((t) => t !== ""));
    const lignes = this.lireLignes(entete.derniere + 1, entete.colonnes, niveaux, colonnesLibelle, entete.lignesUnites, libellesEntete);
    this.signalerDoublons(lignes);
    const dateEffet = this.dateEffet(titres.dateEffet);
    const texteDate = this.options.dateEffet === undefined ? titres.texteDate : undefined;
    const responsable = this.options.responsable ?? titres.responsable;
    const nom = this.options.nom ?? titres.nom ?? this.origine.feuille ?? "Grille";
    const source: SourceGrille = {
      ...this.source,
      ...(this.origine.feuille !== undefined && this.source.feuille === undefined ? { feuille: this.origine.feuille } : {}),
      lignesEntete: entete.lignes.map((r) => this.origine.ligne + r),
    };
    return {
      nom,
      ...(dateEffet !== undefined ? { dateEffet } : {}),
      ...(dateEffet !== undefined && texteDate !== undefined ? { texteDateEffet: texteDate } : {}),
      ...(responsable !== undefined ? { responsable } : {}),
      ...(this.options.collectif !== undefined ? { collectif: this.options.collectif } : {}),
      niveaux,
      lignes,
      ...(this.notes.length > 0 ? { notes: this.notes } : {}),
      source,
      alertes: this.alertes,
    };
  }

  // ——— raw values ———

  private lireValeurs(): void {
    if (!Array.isArray(this.brut)) throw erreur("Grille invalide : un tableau de lignes (tableau à deux dimensions) est attendu.");
    if (this.brut.length > LIGNES_MAX) {
      throw erreur(`Grille trop grande : ${this.brut.length} lignes (au plus ${LIGNES_MAX}). Un tableau de garanties compte quelques centaines de lignes.`);
    }
    let nonVides = 0;
    for (let r = 0; r < this.brut.length; r++) {
      const ligne = this.brut[r];
      const cells: readonly unknown[] = Array.isArray(ligne) ? ligne : [ligne];
      let fin = cells.length;
      const vs: ValeurCellule[] = new Array(fin);
      for (let c = 0; c < cells.length; c++) vs[c] = valeurCellule(cells[c]);
      while (fin > 0 && vs[fin - 1]!.type === "vide") fin--;
      vs.length = fin;
      if (fin > COLONNES_MAX) {
        throw erreur(
          `Grille trop large : ${fin} colonnes à la ligne ${this.origine.ligne + r} (au plus ${COLONNES_MAX}). ` +
            "Un tableau de garanties a une colonne de libellés et une colonne par niveau ; le séparateur du fichier est-il le bon ?",
        );
      }
      if (fin > this.largeur) this.largeur = fin;
      nonVides += fin;
      this.V.push(vs);
    }
    if (nonVides === 0) throw erreur("Grille vide : aucune cellule renseignée.");
  }

  private v(r: number, c: number): ValeurCellule {
    return this.V[r]?.[c] ?? VIDE;
  }

  private texte(r: number, c: number): string {
    const v = this.v(r, c);
    switch (v.type) {
      case "texte":
      case "date":
      case "erreur-excel":
      case "inattendu":
        return v.texte;
      case "nombre":
        return nombreFr(v.nombre);
      case "booleen":
        return v.valeur ? "VRAI" : "FAUX";
      case "vide":
        return "";
    }
  }

  private format(r: number, c: number): string | undefined {
    const f = this.options.formats?.[r]?.[c];
    return typeof f === "string" && f !== "" ? f : undefined;
  }

  /**
   * A value that stands where a guarantee stands: a number (not date-formatted), a boolean, an error value, or a
   * text that reads as a guarantee (labels and level names do not).
   */
  private semblableGarantie(r: number, c: number): boolean {
    const v = this.v(r, c);
    switch (v.type) {
      case "nombre": {
        // A date-formatted number is a date (« Date d'effet | 01/01/2026 » in the title rows), not a guarantee.
        const f = this.format(r, c);
        return !(f && estFormatDate(f));
      }
      case "booleen":
      case "erreur-excel":
        return true;
      case "texte":
        return this.texteSemblableGarantie(v.texte);
      default:
        return false;
    }
  }

  private texteSemblableGarantie(t: string): boolean {
    const hit = SEMBLABLES.get(t);
    if (hit !== undefined) return hit;
    let oui: boolean;
    // « Prise en charge intégrale » reads as a guarantee although « intégrale » names levels too: a text that reads
    // as a formula is a value; otherwise a level's name is not one.
    if (analyserEntete(t).niveau && !estFormule(t)) oui = false;
    else if (nombreDepuisTexte(t) !== undefined) oui = true;
    else {
      try {
        lireGarantie(t);
        oui = true;
      } catch {
        // A misspelt guarantee (« 150 % BX », « 1OO € / an ») still stands where a guarantee stands; a label
        // mentioning « 100 % Santé » does not.
        // « CAS 80 % BRSS Hors CAS 60 % BRSS », « Etablissements conventionnés : 100 % des frais réels … »: a value
        // with its cases is a value too, never a level's name.
        oui =
          (/[0-9]\s*(%|€)/.test(t) && !/100\s*%\s*sant/i.test(t) && (/^[\s(+~]*[0-9]/.test(t) || lireSousCas(t).length > 0 || lireCasUnique(t) !== undefined)) ||
          /^(frais r[ée]els|ticket mod[ée]rateur)\b/i.test(t);
      }
    }
    if (SEMBLABLES.size >= SEMBLABLES_MAX) SEMBLABLES.clear();
    SEMBLABLES.set(t, oui);
    return oui;
  }

  // ——— layout ———

  /** The columns holding guarantees, and the rows that have a label and some guarantees (in order). */
  private reperer(): { colonnesDonnees: number[]; lignesDonnees: number[] } {
    const compte = new Array<number>(this.largeur).fill(0);
    const textes = new Array<number>(this.largeur).fill(0);
    for (let r = 0; r < this.V.length; r++) {
      const ligne = this.V[r]!;
      if (this.uniforme(r)) continue;
      for (let c = 0; c < ligne.length; c++) {
        const v = ligne[c]!;
        if (v.type === "vide") continue;
        if (this.semblableGarantie(r, c)) compte[c]!++;
        // Level names and unit declarations are what a column of guarantees has on top.
        else if (v.type !== "texte" || (!analyserEntete(v.texte).niveau && estDeclarationUnite(v.texte) === undefined)) textes[c]!++;
      }
    }
    // A column of guarantees holds at least as many values as texts (labels, headings and « 100 % Santé » labels are texts).
    let colonnes = compte.map((n, c) => (n >= 1 && n >= textes[c]! ? c : -1)).filter((c) => c >= 0);
    // The first column holds the labels as soon as it holds one.
    if (colonnes[0] === 0 && textes[0]! > 0) colonnes = colonnes.slice(1);
    if (colonnes.length === 0) {
      throw erreur(
        "Aucune colonne de garanties trouvée : une grille a une colonne de libellés puis une colonne par niveau, " +
          "avec des cellules comme « 100 % BR », « 50 € », « Frais réels » ou « Néant ».",
      );
    }
    if (colonnes[0] === 0) throw erreur("Aucune colonne de libellés : la première colonne contient des garanties. Les libellés des postes doivent précéder les niveaux.");
    const c0 = colonnes[0]!;
    const lignes: number[] = [];
    for (let r = 0; r < this.V.length && lignes.length < CANDIDATS_MAX; r++) {
      let libelle = false;
      for (let c = 0; c < c0; c++) if (this.v(r, c).type !== "vide") libelle = true;
      if (!libelle) continue;
      if (colonnes.some((c) => this.semblableGarantie(r, c))) lignes.push(r);
    }
    if (lignes.length === 0) throw erreur("Aucune ligne de garanties trouvée : aucune ligne n'a à la fois un libellé et des garanties.");
    return { colonnesDonnees: colonnes, lignesDonnees: lignes };
  }

  /**
   * Every non-empty cell of the row has the same text, starting left of `avant` (a title or a section row
   * merged across the table, which exceljs repeats in every cell of the merge).
   */
  private uniforme(r: number, avant = Infinity): boolean {
    let t: string | undefined;
    let n = 0;
    for (let c = 0; c < this.largeur; c++) {
      const x = this.texte(r, c);
      if (x === "") continue;
      if (t === undefined && c >= avant) return false;
      n++;
      if (t === undefined) t = x;
      else if (x !== t) return false;
    }
    return n >= 2;
  }

  private trouverEntete(
    donnees: number[],
    premiere: number,
    niveauExige: boolean,
  ): { colonnes: Colonne[]; lignes: number[]; derniere: number; lignesUnites: Set<number> } | null {
    const c0 = donnees[0]!;
    const lignesUnites = new Set<number>();
    const unites = new Map<number, UniteNombres>();
    let h = -1;
    for (let r = premiere - 1; r >= 0 && r >= premiere - ENTETE_RECHERCHE; r--) {
      const cols = this.colonnesTexte(r, c0);
      if (cols.length === 0) continue;
      const declarations = cols.map((c) => estDeclarationUnite(this.texte(r, c)));
      if (declarations.every((d) => d !== undefined)) {
        lignesUnites.add(r);
        cols.forEach((c, i) => unites.set(c, declarations[i] === "pourcentage" ? "pourcentage" : "euros"));
        continue;
      }
      if (this.uniforme(r)) continue;
      if (cols.some((c) => !this.semblableGarantie(r, c))) {
        h = r;
        break;
      }
    }
    if (h < 0) return null;
    // Past the first candidate, only a row that names a level is a header (not a data row with a sentence in it).
    if (niveauExige && !this.colonnesTexte(h, 0).some((c) => analyserEntete(this.texte(h, c)).niveau)) return null;
    // A level row above a réseau / hors réseau row (or above repeated names) is the first half of the header.
    let haut = -1;
    if (h > 0 && !this.uniforme(h - 1)) {
      const colsH = this.colonnesTexte(h, c0);
      const colsU = this.colonnesTexte(h - 1, c0).filter((c) => !this.semblableGarantie(h - 1, c));
      if (colsU.length > 0) {
        const textesH = colsH.map((c) => this.texte(h, c));
        const variantes = textesH.some((t) => analyserEntete(t).variante !== undefined);
        const doublons = new Set(textesH.map((t) => plier(t))).size < textesH.length;
        const niveauH = textesH.some((t) => analyserEntete(t).niveau && analyserEntete(t).variante === undefined);
        const niveauU = colsU.some((c) => analyserEntete(this.texte(h - 1, c)).niveau);
        if (niveauU && (variantes || doublons || !niveauH || colsU.length < colsH.length)) haut = h - 1;
      }
    }
    const lignes = haut >= 0 ? [haut, h] : [h];
    // A level whose cells are all sentences is still a level when its header names one (« Niveau 1 »).
    let debut = c0;
    while (debut > 1 && lignes.some((r) => analyserEntete(this.texte(r, debut - 1)).niveau)) debut--;
    const colonnes: Colonne[] = [];
    let dernierHaut = "";
    const fin = Math.max(this.largeur, ...donnees.map((c) => c + 1));
    for (let c = debut; c < fin; c++) {
      const bas = this.texte(h, c);
      let hautTexte = haut >= 0 ? this.texte(haut, c) : "";
      // A merged level name above réseau / hors réseau: Office gives it in its first cell only.
      if (haut >= 0) {
        if (hautTexte !== "") dernierHaut = hautTexte;
        else if (bas !== "" && analyserEntete(bas).ignorer === undefined) hautTexte = dernierHaut;
      }
      const texte = joindreEntete(hautTexte, bas);
      const aDonnees = donnees.includes(c);
      if (texte === "") {
        if (!aDonnees) continue;
        // Values under no name (a merged header, a sub-table further down with its own columns): the column is kept
        // and read, named after its letter, and the auditor is told; nothing it holds is signed as an erreur.
        const nom = `Colonne ${lettresColonne(this.origine.colonne + c)}`;
        this.alerte("COLONNE_SANS_NOM", "alerte", this.colonneSansNom(c, h, colonnes, nom), { adresse: adresseA1(this.origine, h, c), ligne: this.origine.ligne + h });
        colonnes.push({ c, entete: { ...analyserEntete(nom), niveau: true }, texte: nom, sansNom: true, ...(unites.get(c) ? { unite: unites.get(c)! } : {}) });
        continue;
      }
      const entete = analyserEntete(texte);
      const unite = entete.unite ?? unites.get(c);
      colonnes.push({
        c,
        entete,
        texte,
        ...(hautTexte !== "" && haut >= 0 ? { haut: hautTexte } : {}),
        ...(bas !== "" ? { bas } : {}),
        ...(unite ? { unite } : {}),
      });
    }
    return { colonnes, lignes, derniere: h, lignesUnites };
  }

  private colonnesTexte(r: number, depuis: number): number[] {
    const cols: number[] = [];
    const ligne = this.V[r]!;
    for (let c = depuis; c < ligne.length; c++) if (ligne[c]!.type !== "vide") cols.push(c);
    return cols;
  }

  private colonneSansNom(c: number, h: number, avant: readonly Colonne[], nom: string): string {
    const voisin = avant.length > 0 && avant[avant.length - 1]!.c === c - 1 ? avant[avant.length - 1] : undefined;
    const ou = `colonne ${lettresColonne(this.origine.colonne + c)}, ligne ${this.origine.ligne + h}`;
    return (
      (voisin
        ? `En-tête fusionné ou incomplet (${ou}) : la colonne a des garanties mais pas de nom de niveau, à côté de « ${voisin.texte} » ; `
        : `Colonne de garanties sans nom de niveau (${ou}) ; `) +
      `elle est lue comme le niveau « ${nom} », sans erreur signée sur ses cellules. Donnez un nom à chaque colonne de niveau ` +
      "(par exemple « Niveau 1 — réseau » et « Niveau 1 — hors réseau »)."
    );
  }

  private construireNiveaux(colonnes: readonly Colonne[], lignesEntete: readonly number[]): Niveau[] {
    const h = lignesEntete[lignesEntete.length - 1]!;
    const niveaux: Niveau[] = [];
    const vus = new Map<string, Colonne>();
    const retenues: Colonne[] = [];
    // « Sécurité sociale | Au titre du ticket modérateur | Au titre des dépassements | Total (y compris la Sécurité
    // sociale) »: a total column makes the others its parts; the total is the level.
    const total = colonnes.find((col) => /^total\b/.test(plier(col.texte)) || /\btotal\b/.test(plier(col.bas ?? "")));
    for (const col of colonnes) {
      if (total !== undefined && col !== total && (col.sansNom || PARTIE_DU_TOTAL.test(plier(col.texte)))) {
        this.alerte("COLONNE_IGNOREE", "info", `Colonne « ${col.texte} » ignorée : c'est une part du total « ${total.texte} », qui est le niveau vérifié.`, {
          adresse: adresseA1(this.origine, h, col.c),
          ligne: this.origine.ligne + h,
        });
        continue;
      }
      if (col.entete.ignorer !== undefined && !col.entete.niveau) {
        this.alerte("COLONNE_IGNOREE", "info", `Colonne « ${col.texte} » ignorée (${col.entete.ignorer}) : ce n'est pas un niveau de garanties.`, {
          adresse: adresseA1(this.origine, h, col.c),
          ligne: this.origine.ligne + h,
        });
        continue;
      }
      // « TALIS » and « TALIS + » are two levels: the sign is part of the name.
      const cle = `${plier(col.texte)}${"+".repeat((col.texte.match(/\+/g) ?? []).length)}`;
      const deja = vus.get(cle);
      if (deja) {
        const a = lettresColonne(this.origine.colonne + deja.c);
        const b = lettresColonne(this.origine.colonne + col.c);
        throw erreur(
          `Niveau « ${col.texte} » en double (colonnes ${a} et ${b}, ligne ${this.origine.ligne + h}) : chaque niveau doit avoir un nom unique. ` +
            "Un en-tête fusionné sur deux colonnes ? Ajoutez une ligne « réseau » / « hors réseau » ou renommez les colonnes.",
        );
      }
      vus.set(cle, col);
      retenues.push(col);
    }
    if (retenues.length === 0) throw erreur("Aucun niveau trouvé dans l'en-tête : toutes les colonnes ont été écartées (commentaires, taux Sécu…).");
    retenues.forEach((col, i) => {
      const e = col.entete;
      // With a two-row header, the upper row names the level and the lower row gives its variant.
      const typeHaut = col.haut !== undefined ? analyserEntete(col.haut).type : e.type;
      const type = typeHaut !== "niveau" ? typeHaut : e.type;
      const famille = e.variante ? (col.haut !== undefined ? col.haut : familleDe(col.texte)) : undefined;
      niveaux.push({
        nom: col.texte,
        rang: i + 1,
        type,
        ...(e.variante ? { variante: e.variante } : {}),
        ...(famille !== undefined ? { famille } : {}),
        colonne: col.c,
        entete: col.sansNom ? "" : col.texte,
        ...(col.sansNom ? { sansNom: true as const } : {}),
        adresse: adresseA1(this.origine, col.haut !== undefined && col.bas === undefined ? lignesEntete[0]! : h, col.c),
      });
    });
    return this.marquerNonResponsables(this.relierSocles(niveaux, retenues));
  }

  /**
   * « Surcomplémentaire non responsable » as a level's header: that level is not bound by the rules (its findings are
   * information). A « Total » level that adds it up is not either.
   */
  private marquerNonResponsables(niveaux: Niveau[]): Niveau[] {
    const nr = (n: Niveau) => /\bnon responsables?\b/.test(plier(n.entete || n.nom));
    const unNonResponsable = niveaux.some(nr);
    const marques = niveaux.map((n) => (nr(n) || (unNonResponsable && /^total\b/.test(plier(n.nom))) ? { ...n, nonResponsable: true as const } : n));
    // « Signataires DPTM | Non signataires DPTM » as the columns: one level's cover of doctors' acts, split by sector.
    const secteurs = marques.map((n) => secteurDEntete(n.nom));
    if (!secteurs.includes("OPTAM") || !secteurs.includes("NON-OPTAM")) return marques;
    return marques.map((n, i) => (secteurs[i] ? { ...n, secteur: secteurs[i] } : n));
  }

  /** Options and surcomplémentaires include a base level (domain §2.6): which one, and how. */
  private relierSocles(niveaux: Niveau[], colonnes: readonly Colonne[]): Niveau[] {
    return niveaux.map((n, i) => {
      if (n.type !== "option" && n.type !== "surcomplementaire") return n;
      const e = colonnes[i]!.entete;
      let inclus: Niveau | undefined;
      if (e.inclutTexte !== undefined) {
        const cible = e.inclutTexte;
        inclus = niveaux.find((m) => m !== n && (plier(m.nom) === cible || plier(m.famille ?? "") === cible));
        // « Option 2 = Option 1 + … » names « Option 1 (base incluse) » by its beginning.
        inclus ??= niveaux.find((m) => m !== n && (plier(m.nom).startsWith(`${cible} `) || cible.startsWith(`${plier(m.nom)} `)));
      }
      const gauche = niveaux.slice(0, i).reverse();
      inclus ??=
        gauche.find((m) => m.type === "base" && m.variante === n.variante) ??
        gauche.find((m) => m.type === "base") ??
        (n.type === "surcomplementaire" ? gauche.find((m) => m.type === "niveau" && m.variante === n.variante) : undefined);
      const ou = { ...(n.adresse ? { adresse: n.adresse } : {}), niveau: n.nom };
      if (!inclus) {
        this.alerte("CONVENTION_SOCLE_IMPLICITE", "info", `« ${n.nom} » : aucun niveau de base trouvé à sa gauche ; la colonne est lue seule.`, ou);
        return n;
      }
      const explicite = e.convention !== undefined || this.options.conventionSocle !== undefined;
      const convention = e.convention ?? this.options.conventionSocle ?? "SOCLE_INCLUS";
      if (e.convention === undefined) {
        this.alerte(
          "CONVENTION_SOCLE_IMPLICITE",
          this.options.conventionSocle !== undefined ? "info" : "alerte",
          this.options.conventionSocle !== undefined
            ? `« ${n.nom} » : lu ${convention === "SOCLE_INCLUS" ? "y compris" : "en sus de"} « ${inclus.nom} » (option d'import).`
            : `« ${n.nom} » : l'en-tête ne dit pas si la colonne inclut « ${inclus.nom} » ; lue comme un total y compris « ${inclus.nom} » et le RO ` +
                "(convention de la grille publiée au JO). Précisez « base incluse » ou « en sus de la base » dans l'en-tête.",
          ou,
        );
      }
      return { ...n, inclutNiveau: inclus.nom, convention, conventionExplicite: explicite };
    });
  }

  /** Label columns: left of the first level, without the columns set aside. */
  private colonnesLibelle(colonnes: readonly Colonne[], lignesEntete: readonly number[]): number[] {
    const ignorees = new Set(colonnes.filter((c) => c.entete.ignorer !== undefined && !c.entete.niveau).map((c) => c.c));
    const premiere = colonnes.find((c) => !ignorees.has(c.c))!.c;
    const res: number[] = [];
    for (let c = 0; c < premiere; c++) {
      if (ignorees.has(c)) continue;
      // « Unité » (BR, FR, € par jour, PMSS) left of the levels: the unit of each line's numbers, not its label.
      if (lignesEntete.some((r) => /^unites?$/.test(plier(this.texte(r, c))))) {
        this.colonneUnite = c;
        continue;
      }
      res.push(c);
    }
    return res;
  }

  // ——— title rows ———

  private lireTitres(avant: number, colonnesLibelle: readonly number[]): { nom?: string; dateEffet?: Jour; texteDate?: string; responsable?: boolean } {
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
      for (let c = 0; c < this.largeur; c++) {
        const v = this.v(r, c);
        // A title merged across the row comes once per cell (exceljs): once is enough.
        if (v.type === "texte") {
          if (textes[textes.length - 1] !== v.texte) textes.push(v.texte);
        } else if (v.type === "date") dateCellule = jourDepuisIso(v.texte);
        else if (v.type === "nombre") {
          const f = this.format(r, c);
          if (f && estFormatDate(f)) dateCellule = jourDepuisSerieSur(v.nombre);
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
        const j = dateApres(ligne, REFERENCE) ?? dateEdition(ligne) ?? (dateCellule !== undefined && /\b(edition|mise a jour|maj|au)\b/.test(p) ? dateCellule : undefined);
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

  private dateEffet(titre: Jour | undefined): Jour | undefined {
    const d = this.options.dateEffet;
    if (d === undefined) return titre;
    if (typeof d === "number") return d;
    return /^\d{4}-\d{2}-\d{2}$/.test(d.trim()) ? jourDepuisIso(d) : jourDepuisTexte(d);
  }

  // ——— the RO convention stated once for the grid, a level or a note ———

  /**
   * Notes (« (6) Remboursement en sus de la sécurité sociale »), and what the title rows, the paragraphs printed with
   * the table and each level's header say about the RO (convention-ro.ts). A level's header wins over the grid's
   * text; a note wins for the cells that refer to it; a cell that says it itself (« 30 % BR en sus du RO ») wins
   * over everything.
   */
  private lireConventionsRo(premiereEntete: number, debut: number, colonnes: readonly Colonne[], niveaux: readonly Niveau[]): void {
    const colonnesNiveaux = new Set(niveaux.map((n) => n.colonne));
    const textesGrille: { texte: string; ligne: number }[] = [];
    for (let r = 0; r < this.V.length; r++) {
      if (r >= premiereEntete && r < debut) continue;
      const aValeurs = r >= debut && [...colonnesNiveaux].some((c) => this.v(r, c).type !== "vide") && !this.uniforme(r, Math.min(...colonnesNiveaux));
      if (aValeurs) continue;
      const t = this.V[r]!.map((_, c) => this.texte(r, c)).filter((x) => x !== "").join(" ");
      if (t === "") continue;
      const notes = lireNotes(t, this.origine.ligne + r);
      if (notes.length > 0) this.notes.push(...notes);
      else if (r < premiereEntete || estGlossaire(t) || t.length >= 50) {
        if (r >= debut) this.notes.push({ marque: "", texte: t, ligne: this.origine.ligne + r });
        textesGrille.push({ texte: t, ligne: this.origine.ligne + r });
      }
    }
    let grille: (ConventionRo & { ligne: number }) | undefined;
    for (const x of textesGrille) {
      const c = conventionRoDuTexte(x.texte);
      if (c === undefined) continue;
      if (grille !== undefined && grille.valeur !== c.valeur) {
        grille = undefined; // the grid's texts disagree: the default stays, nothing is guessed
        break;
      }
      grille ??= { ...c, ligne: x.ligne };
    }
    const parNom = new Map(colonnes.map((c) => [c.texte, c]));
    niveaux.forEach((n, i) => {
      const col = parNom.get(n.nom)!;
      const propre = conventionRoDuTexte([col.haut, col.bas ?? col.texte].filter((x) => x !== undefined).join(" "));
      const c = propre ?? grille;
      if (c === undefined) return;
      this.conventionsRo.set(i, c);
      if (c.valeur === "RO_EN_SUS") {
        this.alerte(
          "CONVENTION_RO",
          "info",
          `« ${n.nom} » : les montants sans mention contraire sont lus en sus du remboursement de la Sécurité sociale, comme l'annonce ` +
            `« ${c.texte} »${propre ? " (en-tête du niveau)" : grille ? `, ligne ${grille.ligne}` : ""}.`,
          { niveau: n.nom, ...(n.adresse ? { adresse: n.adresse } : {}) },
        );
      }
    });
    for (const note of this.notes) {
      if (note.marque === "") continue;
      const c = conventionRoDuTexte(note.texte);
      if (c !== undefined) this.conventionsNotes.set(note.marque, c);
    }
  }

  /** The cell with the RO convention its note, its level or its grid states, when the cell itself says none. */
  private avecConventionRo(c: Cellule, iNiveau: number, renvoisLigne: readonly string[]): Cellule {
    const g = c.garantie;
    if (g === undefined || g.type !== "formule" || g.conventionExplicite) return c;
    let conv: ConventionRo | undefined;
    for (const m of [...(c.renvois ?? []), ...renvoisLigne]) conv ??= this.conventionsNotes.get(m);
    conv ??= this.conventionsRo.get(iNiveau);
    if (conv === undefined || conv.valeur === g.convention) return c;
    return { ...c, garantie: { ...g, convention: conv.valeur } };
  }

  // ——— lines ———

  private lireLignes(
    debut: number,
    colonnes: readonly Colonne[],
    niveaux: readonly Niveau[],
    colonnesLibelle: readonly number[],
    unites: ReadonlySet<number>,
    libellesEntete: ReadonlySet<string>,
  ): Ligne[] {
    const parNom = new Map(colonnes.map((c) => [c.texte, c]));
    const colonnesNiveaux = niveaux.map((n) => parNom.get(n.nom)!);
    const lignes: Ligne[] = [];
    let section: Section | null = null;
    let intertitre: string | undefined;
    const memoire: (string | undefined)[] = colonnesLibelle.map(() => undefined);
    const derniereLibelle = colonnesLibelle.length - 1;
    let precedente: { libelle: string } | undefined;
    // « Lentilles correctrices - Remboursées par le RO » then « - Non remboursées par le RO »: the head of the list.
    let teteDeListe: string | undefined;
    // A sub-table with its own columns (« Base | | Option 1 | » over « Enfant | Adulte | Enfant | Adulte »).
    let bloc: Bloc | undefined;
    for (let r = debut; r < this.V.length; r++) {
      if (unites.has(r)) continue;
      const ligneV = this.V[r]!;
      if (ligneV.length === 0) continue;
      const aValeurs = colonnesNiveaux.some((col) => this.v(r, col.c).type !== "vide");
      // The header printed again at the top of a page or of a new table, or a sub-header (« Secteur conventionné |
      // Secteur non conventionné », « Adulte | Enfant »): not a line.
      const libelleEntete = colonnesLibelle.some((c) => libellesEntete.has(plier(this.texte(r, c))));
      if (aValeurs && (this.enteteRepetee(r, colonnesNiveaux) || (libelleEntete && !this.valeursLisibles(r, colonnesNiveaux)))) {
        bloc = undefined;
        continue;
      }
      if (aValeurs && this.sousEntete(r, colonnesNiveaux)) {
        bloc = this.lireBloc(r, colonnesNiveaux, niveaux, bloc);
        continue;
      }
      const libelles = colonnesLibelle.map((c) => this.texte(r, c));
      const fusionnee = aValeurs && this.uniforme(r, colonnesNiveaux[0]!.c);
      if (!aValeurs || fusionnee) {
        // A heading: a section row (« OPTIQUE ») or a sub-heading (« Honoraires médicaux »).
        const t = fusionnee ? this.texte(r, ligneV.findIndex((v) => v.type !== "vide")) : libelles.filter((x) => x !== "").join(" — ");
        if (t === "") continue;
        // « (1) Hors ambulatoire. », « Abréviations : BR … »: notes, kept for the lines that refer to them, never a heading.
        if (lireNotes(t, this.origine.ligne + r).length > 0 || estGlossaire(t)) continue; // read by lireConventionsRo
        const s = sectionDeTitre(separerRenvois(t).texte);
        if (s !== null) {
          section = s;
          // « Médecines douces (ostéopathie, étiopathie…) » over « Reconnus comme praticiens … »: a section heading that
          // names the care also helps read the lines below it.
          intertitre = /\(/.test(t) ? t : undefined;
          bloc = undefined;
        } else if (!fusionnee && this.ligneSansValeur(r, t, section, intertitre, colonnesNiveaux, colonnesLibelle, lignes)) {
          // « Monture » under « Verres | Selon la grille optique » (a value merged down), « Indemnités de déplacement »
          // with nothing printed: a care line without a value of its own, kept, not checked, not a sub-heading.
          const numero = this.origine.ligne + r;
          const adresse = this.adresseLibelle(r, colonnesLibelle);
          const rc = this.reconnaitre(separerRenvois(t).texte, section, intertitre, numero, adresse, t, niveaux.map(() => ""));
          this.alerte(
            "LIGNE_SANS_VALEUR",
            "info",
            `Ligne ${numero} : « ${court(t)} » n'a aucune valeur imprimée (cellule fusionnée avec la ligne du dessus ?) ; elle est gardée sans être vérifiée.`,
            { ligne: numero, ...(adresse ? { adresse } : {}) },
          );
          lignes.push({
            poste: rc.poste?.code ?? null,
            reconnaissance: rc.reconnaissance,
            libelle: t,
            section: rc.sectionLigne,
            ...(intertitre !== undefined ? { intertitre } : {}),
            ligne: numero,
            ...(adresse !== undefined ? { adresse } : {}),
            cellules: niveaux.map((n) => celluleSansObjet(n, adresseA1(this.origine, r, n.colonne))),
          });
        } else if (!fusionnee && this.elementDeListe(t, lignes, intertitre)) {
          // « − couronnes, bridges et inter de bridges » under « Prothèses dentaires … : 270 % BR »: what the line covers.
          const parent = [...lignes].reverse().find((l) => l.cellules.some((c) => !c.sansObjet))!;
          const numero = this.origine.ligne + r;
          const adresse = this.adresseLibelle(r, colonnesLibelle);
          lignes.push({
            poste: parent.poste,
            ...(parent.attribut ? { attribut: true as const } : {}),
            reconnaissance: { ...parent.reconnaissance, raison: `Élément de la liste de la ligne ${parent.ligne} (« ${court(parent.libelle)} »).` },
            libelle: t,
            section: parent.section,
            ...(intertitre !== undefined ? { intertitre } : {}),
            complete: parent.ligne,
            ligne: numero,
            ...(adresse !== undefined ? { adresse } : {}),
            cellules: niveaux.map((n) => celluleSansObjet(n, adresseA1(this.origine, r, n.colonne))),
          });
          continue;
        } else if (!fusionnee && estPhraseSansValeur(t)) {
          // « Un équipement (verres + monture) tous les 2 ans par personne, sauf enfants. »: a rule or a condition
          // printed among the lines, shown as an attribute. What it says may still qualify the lines below (« …
          // Équipements 100 % santé classe A »): it stays their sub-heading.
          const numero = this.origine.ligne + r;
          const adresse = this.adresseLibelle(r, colonnesLibelle);
          lignes.push({
            poste: null,
            attribut: true,
            reconnaissance: { origine: "libelle", confiance: 1, raison: "Phrase imprimée parmi les lignes (règle, condition) : gardée, non vérifiée." },
            libelle: t,
            section,
            ...(intertitre !== undefined ? { intertitre } : {}),
            ligne: numero,
            ...(adresse !== undefined ? { adresse } : {}),
            cellules: niveaux.map((n) => celluleSansObjet(n, adresseA1(this.origine, r, n.colonne))),
          });
          section = sectionEnTete(separerRenvois(t).texte) ?? section;
          intertitre = t;
        } else {
          // « Optique Les prestations … s'entendent y compris le RO »: a heading opening its section with a sentence.
          section = sectionEnTete(separerRenvois(t).texte) ?? section;
          intertitre = t;
        }
        teteDeListe = undefined;
        memoire.fill(undefined);
        continue;
      }
      // Several label columns: left ones hold a group (often merged down the rows), the last one the label.
      const propres: string[] = [];
      const contexte: string[] = [];
      for (let i = 0; i < libelles.length; i++) {
        const t = libelles[i]!;
        if (i < derniereLibelle) {
          if (t !== "") {
            memoire[i] = t;
            memoire.fill(undefined, i + 1);
          }
        }
        const texte = t !== "" ? t : i < derniereLibelle ? memoire[i] : undefined;
        if (texte === undefined) continue;
        // A left label column naming a section (« OPTIQUE » merged down) is the section, not part of the label;
        // the label itself (« Soins dentaires ») never is.
        const autre = libelles.some((x, k) => k > i && x !== "");
        const s = autre ? sectionDeTitre(texte) : null;
        if (s !== null) {
          section = s;
          continue;
        }
        (t !== "" ? propres : contexte).push(texte);
      }
      // A per-lens optical grid may print its correction band in the first value column (« SPH de − 6 à + 6 | 95 € |
      // 95 € »): the band is part of the label, not a guarantee.
      const bande = this.bandeDeCorrection(r, colonnesNiveaux);
      if (bande !== undefined) propres.push(this.texte(r, colonnesNiveaux[bande]!.c));
      let libelle = propres.join(" — ");
      const numero = this.origine.ligne + r;
      // « 30 € » over « Dans la limite de 30 jours » (a cell of the printed table cut in two rows): the row goes on with
      // the cells above, read together with them.
      const dessus = lignes[lignes.length - 1];
      if (libelle === "" && dessus !== undefined && dessus.ligne === numero - 1 && !dessus.attribut && lignes.filter((l) => l.ligne === dessus.ligne).length === 1 && this.suiteDesCellules(r, colonnesNiveaux)) {
        lignes[lignes.length - 1] = this.prolonger(dessus, r, colonnesNiveaux, niveaux);
        continue;
      }
      // A row with no label whose values each name one case (« | 200 % de la BR – non adhérents DPTM »,
      // « | Etablissements non conventionnés : 80 % … »): the second case of the line above.
      const casSeuls = libelle === "" && precedente !== undefined ? this.casDeContinuation(r, colonnesNiveaux) : undefined;
      if (casSeuls !== undefined) {
        const parent = lignes[lignes.length - 1];
        if (casSeuls.sorte !== "secteur") {
          const adresse = this.adresseLibelle(r, colonnesLibelle);
          this.alerte(
            "SOUS_CAS",
            "info",
            `Ligne ${numero} : second cas de « ${court(precedente!.libelle)} » (${casSeuls.qualificatif}) ; lu et vérifié avec des alertes seulement, à vérifier à la main.`,
            { ligne: numero, ...(adresse ? { adresse } : {}) },
          );
          // « Etablissements non conventionnés : 80 % des frais réels … » under the conventionné case: the same care,
          // another case of it, kept as a line of its own.
          if (parent !== undefined && !parent.attribut) {
            const poste = parent.poste === null ? null : (posteParCode(parent.poste) ?? null);
            lignes.push({
              poste: parent.poste,
              reconnaissance: { ...parent.reconnaissance, raison: `Second cas (${casSeuls.qualificatif}) de la ligne ${parent.ligne} (« ${court(parent.libelle)} »).` },
              libelle: `${precedente!.libelle} — ${casSeuls.qualificatif}`,
              section: parent.section,
              ...(parent.intertitre !== undefined ? { intertitre: parent.intertitre } : {}),
              casDe: parent.ligne,
              ligne: numero,
              ...(adresse !== undefined ? { adresse } : {}),
              cellules: niveaux.map((n, i) => {
                const col = colonnesNiveaux[i]!;
                const v = this.v(r, col.c);
                const texteCas = v.type === "texte" ? lireCasUnique(separerRenvois(v.texte).texte)?.texte : undefined;
                return texteCas !== undefined ? this.celluleDuCas(r, col, n, i, poste, numero, texteCas, []) : this.celluleStandard(r, col, n, i, poste, numero, undefined, []);
              }),
            });
          }
          continue;
        }
        libelle = `${precedente!.libelle} — ${libelleDuCas(casSeuls)}`;
      }
      const { texte: libelleLu, marques: renvois } = separerRenvois(libelle);
      const adresseLibelle = this.adresseLibelle(r, colonnesLibelle);
      for (const c of colonnesLibelle) signalerNettoyage(this.v(r, c), { ligne: numero, adresse: adresseA1(this.origine, r, c) }, this.alerter);
      const inter = [intertitre, ...contexte].filter((x): x is string => x !== undefined && x !== "").join(" — ") || undefined;
      const valeurs = colonnesNiveaux.map((col, i) => (i === bande ? "" : this.texte(r, col.c)));
      const cas0 = this.sousCasDeLaLigne(r, colonnesNiveaux, bande);
      // One sector named in the values (« 300 % de la BR – adhérents DPTM »): it qualifies the line.
      const secteurSeul = cas0?.sorte === "secteur-unique" ? cas0.parNiveau.find((x) => x !== undefined)?.[0] : undefined;
      const libelleReconnu = this.avecTeteDeListe(secteurSeul ? `${libelleLu} ${libelleDuCas(secteurSeul)}` : libelleLu, teteDeListe, section);
      if (!/^\s*[-–—•]/.test(libelleLu) && libelleLu !== "") teteDeListe = libelleLu.split(/\s[-–—]\s/)[0];
      // « Bonus fidélité, après 2 années d'adhésion la garantie passe à : », « Forfait supplémentaire en euros »: the
      // line completes the one above, whose poste it takes.
      const complement = /^\W*(bonus|forfait suppl[ée]mentaire|suppl[ée]ment\b|apr[eè]s \d+ (ann[ée]es?|ans)|la garantie passe)/i.test(libelleLu) && dessus?.poste;
      const lu: { poste: Poste | null; reconnaissance: ReconnaissanceLigne; sectionLigne: Section | null; attribut?: true } = complement
        ? {
            poste: posteParCode(dessus!.poste!)!,
            reconnaissance: { origine: "libelle" as const, confiance: dessus!.reconnaissance.confiance, raison: `Complète la ligne du dessus (« ${court(dessus!.libelle)} »).` },
            sectionLigne: dessus!.section,
          }
        : this.reconnaitre(libelleReconnu, section, inter, numero, adresseLibelle, libelle, valeurs, dessus?.attribut === true && dessus.ligne === numero - 1);
      const { poste, sectionLigne, attribut } = lu;
      const complete = complement ? dessus!.ligne : undefined;
      // A correction band (« Sphère de − 6 à + 6 », « SPH > 0 et S ≤ + 6 ») says by itself that the line is a lens.
      const reconnaissance: ReconnaissanceLigne =
        poste?.code === "optique.verre.correction" && lu.reconnaissance.origine === "libelle" && /\b(sph|cyl|sph[eè]re|cylindre)\b/i.test(libelle)
          ? { ...lu.reconnaissance, confiance: Math.max(lu.reconnaissance.confiance, 0.9), raison: `${lu.reconnaissance.raison} Tranche de correction d'un verre (sphère, cylindre).` }
          : lu.reconnaissance;
      if (reconnaissance.origine === "libelle" && poste !== null && reconnaissance.confiance >= 0.8 && !reconnaissance.ambigu) section = sectionLigne ?? section;
      // « Optique | Limité à 1 équipement tous les 2 ans » : a section heading that carries a rule still opens its section.
      if (attribut) section = sectionDeTitre(libelleLu) ?? section;
      // In a sub-table, each variant of its columns (Adulte, Enfant) is a line of its own, its cells those of the
      // levels the sub-table's columns feed; a level the sub-table does not print has no value on these lines.
      if (bloc !== undefined && !attribut) {
        const variantes = [...new Set(bloc.colonnes.map((x) => x?.variante))];
        for (const variante of variantes) {
          const libelleV = variante === undefined ? libelle : `${libelle} — ${variante}`;
          // The variant (Adulte, Enfant) does not change what the line is.
          const rc = { poste, reconnaissance, sectionLigne };
          const cellulesV = niveaux.map((n, j) => {
            const i = bloc!.colonnes.findIndex((x) => x !== undefined && x.niveau === j && x.variante === variante);
            if (i < 0 || i === bande) return celluleSansObjet(n, adresseA1(this.origine, r, colonnesNiveaux[j]!.c));
            return this.avecConventionRo(this.cellule(r, colonnesNiveaux[i]!, n, rc.poste, numero), j, renvois);
          });
          lignes.push({
            poste: rc.poste?.code ?? null,
            reconnaissance: rc.reconnaissance,
            libelle: libelleV,
            section: rc.sectionLigne,
            ...(inter !== undefined ? { intertitre: inter } : {}),
            ...(renvois.length > 0 ? { renvois } : {}),
            ...(variante !== undefined ? { variante } : {}),
            ...(bande !== undefined ? { bande: this.texte(r, colonnesNiveaux[bande]!.c) } : {}),
            ligne: numero,
            ...(adresseLibelle !== undefined ? { adresse: adresseLibelle } : {}),
            cellules: cellulesV,
          });
        }
        precedente = { libelle };
        continue;
      }
      // Cells that print two cases (« CAS 80 % BRSS Hors CAS 60 % BRSS »): the doctors' sectors make two lines.
      const cas = attribut ? undefined : cas0;
      if (cas !== undefined && cas.sorte === "secteur") {
        for (const un of ["OPTAM", "NON-OPTAM"]) {
          const libelleCas = `${libelle} — ${un === "OPTAM" ? "adhérents OPTAM" : "non adhérents OPTAM"}`;
          const rc = this.reconnaitre(separerRenvois(libelleCas).texte, section, inter, numero, adresseLibelle, libelle, valeurs);
          const cellulesCas = niveaux.map((n, i) => {
            const texteCas = cas.parNiveau[i]?.find((x) => x.cas === un)?.texte;
            if (texteCas === undefined) return this.celluleStandard(r, colonnesNiveaux[i]!, n, i, rc.poste, numero, bande, renvois);
            return this.celluleDuCas(r, colonnesNiveaux[i]!, n, i, rc.poste, numero, texteCas, renvois);
          });
          lignes.push({
            poste: rc.poste?.code ?? null,
            reconnaissance: rc.reconnaissance,
            libelle: libelleCas,
            section: rc.sectionLigne,
            ...(inter !== undefined ? { intertitre: inter } : {}),
            ...(renvois.length > 0 ? { renvois } : {}),
            ligne: numero,
            ...(adresseLibelle !== undefined ? { adresse: adresseLibelle } : {}),
            cellules: cellulesCas,
          });
        }
        precedente = { libelle };
        continue;
      }
      const cellules = niveaux.map((n, i) => {
        const adresse = adresseA1(this.origine, r, colonnesNiveaux[i]!.c);
        if (i === bande) return celluleLibelle(n, adresse);
        // A service or an attribute of the contract: its values are shown as printed, not read as guarantees.
        if (attribut) return this.celluleAttribut(r, colonnesNiveaux[i]!, n, adresse, numero);
        // Two cases of another kind (établissement conventionné or not, adult or child): the first one is read.
        const un = cas?.parNiveau[i];
        if (un !== undefined && un.length > 0 && cas!.sorte === "secteur-unique") return this.celluleDuCas(r, colonnesNiveaux[i]!, n, i, poste, numero, un[0]!.texte, renvois);
        if (un !== undefined && un.length > 0) {
          const principal = un.find((x) => x.cas === "CONVENTIONNE" || x.cas === "ADULTE") ?? un[0]!;
          this.alerte(
            "SOUS_CAS",
            "info",
            un.length === 1
              ? `${adresse} (${n.nom}) : la cellule ne vaut que pour « ${principal.qualificatif} » ; les autres cas sont à vérifier à la main.`
              : `${adresse} (${n.nom}) : ${un.length} cas imprimés (${un.map((x) => x.qualificatif).join(", ")}) ; « ${principal.qualificatif} » est vérifié, les autres sont à vérifier à la main.`,
            { ligne: numero, niveau: n.nom, adresse },
          );
          return this.celluleDuCas(r, colonnesNiveaux[i]!, n, i, poste, numero, principal.texte, renvois);
        }
        return this.celluleStandard(r, colonnesNiveaux[i]!, n, i, poste, numero, bande, renvois);
      });
      precedente = { libelle };
      lignes.push({
        poste: poste?.code ?? null,
        ...(attribut ? { attribut } : {}),
        ...(complete !== undefined ? { complete } : {}),
        ...(bande !== undefined ? { bande: this.texte(r, colonnesNiveaux[bande]!.c) } : {}),
        reconnaissance,
        libelle,
        section: sectionLigne,
        ...(inter !== undefined ? { intertitre: inter } : {}),
        ...(renvois.length > 0 ? { renvois } : {}),
        ligne: numero,
        ...(adresseLibelle !== undefined ? { adresse: adresseLibelle } : {}),
        cellules,
      });
    }
    if (lignes.length === 0) throw erreur("Aucune ligne de garanties sous l'en-tête.");
    return lignes;
  }

  /**
   * « - Non remboursées par le RO » under « Lentilles correctrices - Remboursées par le RO »: an item of a list that
   * names no poste by itself takes the list's head.
   */
  private avecTeteDeListe(libelle: string, tete: string | undefined, section: Section | null): string {
    if (tete === undefined || !/^\s*[-–—•]/.test(libelle)) return libelle;
    // Without the sub-heading: a list under a line outlives the sub-heading printed higher up.
    const seul = reconnaitrePoste(libelle, { section });
    const avec = reconnaitrePoste(`${tete} ${libelle}`, { section });
    // Only an item that names nothing by itself (« - Non remboursée par le RO »): « - Vaccins prescrits » is vaccines.
    return seul.poste === null && avec.poste !== null ? `${tete} ${libelle}` : libelle;
  }

  /**
   * « − couronnes, bridges et inter de bridges » with no value, right under a line with values (or under another
   * element of its list), no sub-heading in between: an element of what that line covers.
   */
  private elementDeListe(t: string, lignes: readonly Ligne[], intertitre: string | undefined): boolean {
    if (!/^\s*[-–—•−]\s*\S/.test(t) || /:\s*(\([^)]*\))?\s*$/.test(t)) return false;
    const dessus = lignes[lignes.length - 1];
    if (dessus === undefined || dessus.intertitre !== intertitre) return false;
    return dessus.cellules.some((c) => !c.sansObjet) || (dessus.complete !== undefined && dessus.cellules.every((c) => c.sansObjet));
  }

  /** Some value of the row reads as a guarantee with an amount (a header repeated above the table has none). */
  private valeursLisibles(r: number, colonnes: readonly Colonne[]): boolean {
    return colonnes.some((col) => {
      const v = this.v(r, col.c);
      return v.type === "nombre" || (v.type === "texte" && this.montantLisible(v.texte));
    });
  }

  /** Every value the row prints only goes on with a cell above (« Dans la limite de 30 jours », « par an »). */
  private suiteDesCellules(r: number, colonnes: readonly Colonne[]): boolean {
    const textes = colonnes.map((col) => this.v(r, col.c)).filter((v) => v.type !== "vide");
    return textes.length > 0 && textes.every((v) => v.type === "texte" && SUITE_DE_CELLULE.test(plier(v.texte)));
  }

  /** The line above with each of its cells read together with the row's text below it. */
  private prolonger(dessus: Ligne, r: number, colonnes: readonly Colonne[], niveaux: readonly Niveau[]): Ligne {
    const poste = dessus.poste === null ? null : (posteParCode(dessus.poste) ?? null);
    const cellules = dessus.cellules.map((c0, i) => {
      const suite = this.texte(r, colonnes[i]!.c);
      const adresseSuite = adresseA1(this.origine, r, colonnes[i]!.c);
      if (suite === "") return c0;
      const ensemble = `${c0.correction ?? c0.texte} ${suite}`.trim();
      if (c0.sansObjet) {
        this.alerte("GARANTIE_ILLISIBLE", "alerte", `${adresseSuite} (${niveaux[i]!.nom}) : « ${court(suite)} » n'a pas de valeur au-dessus à compléter ; à vérifier à la main.`, {
          ligne: dessus.ligne,
          niveau: niveaux[i]!.nom,
          adresse: adresseSuite,
        });
        return c0;
      }
      // Read together: a condition that does not read (« 30 € dans la limite de 30 jours »: per stay, per year?) makes
      // the whole cell unread, never a cover without its limit.
      const lu = lireCellule(valeurCellule(ensemble), { niveau: niveaux[i]!.nom, ...(c0.adresse !== undefined ? { adresse: c0.adresse } : {}), ligne: dessus.ligne, poste }, this.alerter);
      return this.avecConventionRo({ ...lu, texte: ensemble, ...(c0.correction !== undefined ? { correction: ensemble } : {}) }, i, dessus.renvois ?? []);
    });
    return { ...dessus, cellules };
  }

  private celluleStandard(r: number, col: Colonne, n: Niveau, i: number, poste: Poste | null, numero: number, bande: number | undefined, renvois: readonly string[]): Cellule {
    if (i === bande) return celluleLibelle(n, adresseA1(this.origine, r, col.c));
    return this.avecConventionRo(this.cellule(r, col, n, poste, numero), i, renvois);
  }

  /** One case of a cell that prints several: its own text is read; the printed text stays what the report shows. */
  private celluleDuCas(r: number, col: Colonne, n: Niveau, i: number, poste: Poste | null, numero: number, texte: string, renvois: readonly string[]): Cellule {
    const adresse = adresseA1(this.origine, r, col.c);
    const c = lireCellule(valeurCellule(texte), { niveau: n.nom, adresse, ligne: numero, poste }, this.alerter);
    return this.avecConventionRo({ ...c, texte: this.texte(r, col.c) }, i, renvois);
  }

  /** The cases the row's cells print, by level, when a cell does not read as one guarantee. */
  private sousCasDeLaLigne(r: number, colonnes: readonly Colonne[], bande: number | undefined): { sorte: SorteSousCas | "secteur-unique"; parNiveau: (SousCas[] | undefined)[] } | undefined {
    let sorte: SorteSousCas | undefined;
    const parNiveau = colonnes.map((col, i) => {
      const v = this.v(r, col.c);
      if (i === bande || v.type !== "texte" || this.montantLisible(v.texte)) return undefined;
      const texte = separerRenvois(v.texte).texte;
      const cas = lireSousCas(texte);
      const liste = cas.length > 0 ? cas : [lireCasUnique(texte)].filter((x): x is SousCas => x !== undefined);
      if (liste.length === 0) return undefined;
      sorte ??= liste[0]!.sorte;
      return liste[0]!.sorte === sorte ? liste : undefined;
    });
    if (sorte === undefined) return undefined;
    // A single sector case on a line (« 300 % de la BR – adhérents DPTM ») names that line's sector: no split.
    if (sorte === "secteur" && !parNiveau.some((x) => x !== undefined && new Set(x.map((c) => c.cas)).size > 1)) return { sorte: "secteur-unique", parNiveau };
    return { sorte, parNiveau };
  }

  /** A continuation row (no label): the single case every non-empty value names, when they all name the same. */
  private casDeContinuation(r: number, colonnes: readonly Colonne[]): SousCas | undefined {
    let cas: SousCas | undefined;
    for (const col of colonnes) {
      const v = this.v(r, col.c);
      if (v.type === "vide") continue;
      if (v.type !== "texte") return undefined;
      const c = lireCasUnique(separerRenvois(v.texte).texte);
      if (c === undefined || (cas !== undefined && cas.cas !== c.cas)) return undefined;
      cas = c;
    }
    return cas;
  }

  /**
   * The cell of a service or attribute line: read like any cell (« Oui », « Inclus », VRAI), silently; a sentence that
   * is no guarantee is kept as printed, a service.
   */
  private celluleAttribut(r: number, col: Colonne, n: Niveau, adresse: string, numero: number): Cellule {
    const c = lireCellule(this.v(r, col.c), { niveau: n.nom, adresse, ligne: numero, poste: null }, () => {});
    if (c.erreur === undefined) return c;
    return { niveau: n.nom, texte: c.texte, garantie: { type: "service", texte: c.texte }, adresse };
  }

  /**
   * A row with a care label and no value, right under a line that has values, followed by a line that reads alone:
   * not a sub-heading (nothing below depends on it) but a line whose value the file lost or that prints none.
   */
  private ligneSansValeur(
    r: number,
    texte: string,
    section: Section | null,
    intertitre: string | undefined,
    colonnes: readonly Colonne[],
    colonnesLibelle: readonly number[],
    lignes: readonly Ligne[],
  ): boolean {
    // « Panier libre (***) : », « Équipements hors 100 % Santé classe B – Tarifs libres » under « … classe A »: headings.
    if (/:\s*$/.test(separerRenvois(texte).texte) || contreditIntertitre(texte, intertitre)) return false;
    const precedente = lignes[lignes.length - 1];
    if (precedente === undefined || precedente.ligne !== this.origine.ligne + r - 1 || precedente.cellules.every((c) => c.sansObjet)) return false;
    const propre = reconnaitrePoste(separerRenvois(texte).texte, { section });
    if (propre.poste === null || propre.confiance < 0.8) return false;
    for (let k = r + 1; k < this.V.length; k++) {
      if (this.V[k]!.length === 0) continue;
      if (!colonnes.some((col) => this.v(k, col.c).type !== "vide")) return false; // a heading or another row without value
      const libelle = colonnesLibelle.map((c) => this.texte(k, c)).filter((x) => x !== "").join(" ");
      if (libelle === "") return false;
      const suivante = reconnaitrePoste(separerRenvois(libelle).texte, { section });
      // « Pharmacie » over « Médicaments remboursés à 65 % »: the line below details this one, which is its heading.
      const detail = suivante.poste !== null && (suivante.poste.code.startsWith(`${propre.poste.code}.`) || (propre.poste.paire !== undefined && suivante.poste.paire === propre.poste.paire));
      return suivante.poste !== null && suivante.confiance >= 0.8 && !detail && suivante.poste.code !== propre.poste.code;
    }
    return true;
  }

  /** The text reads as a guarantee with an amount (« 100 % BR », « 50 € »), not a service or a sentence. */
  private montantLisible(t: string): boolean {
    if (nombreDepuisTexte(separerRenvois(t).texte) !== undefined) return true;
    try {
      const g = lireGarantie(t);
      return g.type === "formule";
    } catch {
      return false;
    }
  }

  /** The level column that holds a correction band (« SPH > 0 et S ≤ + 6 ») in a row whose other values are guarantees. */
  private bandeDeCorrection(r: number, colonnes: readonly Colonne[]): number | undefined {
    for (let i = 0; i < colonnes.length; i++) {
      const v = this.v(r, colonnes[i]!.c);
      if (v.type !== "texte" || !/\b(sph|cyl|sph[eè]re|cylindre|dioptr)/i.test(v.texte)) continue;
      if (this.texteSemblableGarantie(v.texte) && !/^\s*(sph|cyl)/i.test(v.texte)) continue;
      if (colonnes.some((col, k) => k !== i && this.semblableGarantie(r, col.c))) return i;
    }
    return undefined;
  }

  /**
   * A sub-header row inside the table: a row naming levels (« Base | | Option 1 | ») sets which level each column feeds,
   * a merged name feeding the columns to its right that no other name takes; a row of other titles (« Enfant | Adulte »)
   * sets each column's variant. Columns the sub-header does not name keep the table's own level (a column without a
   * name feeds the named level to its left).
   */
  private lireBloc(r: number, colonnes: readonly Colonne[], niveaux: readonly Niveau[], avant: Bloc | undefined): Bloc {
    const textes = colonnes.map((col) => this.texte(r, col.c));
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
  private sousEntete(r: number, colonnes: readonly Colonne[]): boolean {
    let n = 0;
    for (const col of colonnes) {
      const v = this.v(r, col.c);
      if (v.type === "vide") continue;
      if (v.type !== "texte" || v.texte.length > 80 || this.semblableGarantie(r, col.c)) return false;
      const e = analyserEntete(v.texte);
      if (!e.niveau && e.ignorer === undefined && !TITRE_DE_COLONNE.test(plier(v.texte))) return false;
      n++;
    }
    return n > 0;
  }

  /** Most of the row's values are the levels' header texts (« Formule 1 | Formule 1 bis (fermée) | … »). */
  private enteteRepetee(r: number, colonnes: readonly Colonne[]): boolean {
    let valeurs = 0;
    let noms = 0;
    for (const col of colonnes) {
      const t = this.texte(r, col.c);
      if (t === "") continue;
      valeurs++;
      const p = plier(t);
      if ([col.texte, col.haut, col.bas].some((x) => x !== undefined && plier(x) === p)) noms++;
    }
    return valeurs > 0 && noms * 2 > valeurs;
  }

  private adresseLibelle(r: number, colonnesLibelle: readonly number[]): string | undefined {
    for (let i = colonnesLibelle.length - 1; i >= 0; i--) {
      const c = colonnesLibelle[i]!;
      if (this.v(r, c).type !== "vide") return adresseA1(this.origine, r, c);
    }
    return colonnesLibelle.length > 0 ? adresseA1(this.origine, r, colonnesLibelle[colonnesLibelle.length - 1]!) : undefined;
  }

  private reconnaitre(
    libelle: string,
    section: Section | null,
    intertitre: string | undefined,
    numero: number,
    adresse: string | undefined,
    imprime: string,
    valeurs: readonly string[],
    apresAttribut = false,
  ): { poste: Poste | null; reconnaissance: ReconnaissanceLigne; sectionLigne: Section | null; attribut?: true } {
    const ou = { ligne: numero, ...(adresse ? { adresse } : {}) };
    const corrige = posteCorrigeDe(this.corrections, numero, imprime);
    if (corrige !== undefined) {
      const poste = corrige === null || corrige === "attribut" ? null : posteParCode(corrige)!;
      const raison = poste ? "Poste corrigé par l'utilisateur." : corrige === "attribut" ? "Attribut du contrat (corrigé par l'utilisateur)." : "Ligne marquée sans poste par l'utilisateur.";
      return {
        poste,
        reconnaissance: { origine: "fournie", confiance: 1, raison },
        sectionLigne: poste?.section ?? section,
        ...(corrige === "attribut" ? { attribut: true as const } : {}),
      };
    }
    const montants = valeurs.filter((t) => t !== "" && this.montantLisible(t)).length;
    if (estAttribut(libelle, intertitre, valeurs, montants, apresAttribut)) {
      return { poste: null, reconnaissance: { origine: "libelle", confiance: 1, raison: "Service ou attribut du contrat, pas un soin : gardé, non vérifié." }, sectionLigne: section, attribut: true };
    }
    if (libelle === "" && intertitre === undefined) {
      this.alerte("LIBELLE_VIDE", "alerte", `Ligne ${numero} : des garanties sans libellé ; la ligne est gardée sans poste.`, ou);
      return { poste: null, reconnaissance: { origine: "libelle", confiance: 0, raison: "Libellé vide." }, sectionLigne: section };
    }
    const r = reconnaitrePoste(libelle, { section, intertitre: intertitre ?? null });
    const reconnaissance: ReconnaissanceLigne = {
      origine: "libelle",
      confiance: r.confiance,
      raison: r.raison,
      ...(r.ambigu ? { ambigu: r.ambigu } : {}),
    };
    const affiche = libelle !== "" ? libelle : intertitre!;
    if (r.poste === null) {
      this.alerte("LIBELLE_INCONNU", "alerte", `Ligne ${numero} : « ${court(affiche)} » ne correspond à aucun poste du catalogue ; la ligne est gardée mais ne peut pas être vérifiée.`, ou);
    } else if (r.confiance < 0.5 || r.ambigu) {
      this.alerte("RECONNAISSANCE_INCERTAINE", "info", `Ligne ${numero} : « ${court(affiche)} » lu comme « ${r.poste.libelle} » (confiance ${nombreFr(r.confiance)}). ${r.raison}`, ou);
    }
    return { poste: r.poste, reconnaissance, sectionLigne: r.section };
  }

  private cellule(r: number, col: Colonne, n: Niveau, poste: Poste | null, numero: number): Cellule {
    const unite = this.options.nombres && this.options.nombres !== "auto" ? this.options.nombres : col.unite;
    const format = this.format(r, col.c);
    const adresse = adresseA1(this.origine, r, col.c);
    const corrigee = lectureCorrigeeDe(this.corrections, adresse);
    if (corrigee !== undefined) {
      // The user's reading replaces the printed one; the printed text stays what the report shows.
      const lu = lireCellule(valeurCellule(corrigee), { niveau: n.nom, adresse, ligne: numero, poste }, this.alerter);
      return { ...lu, texte: this.texte(r, col.c), correction: corrigee };
    }
    let v = this.v(r, col.c);
    // « 100 % » on a line whose « Unité » is FR is 100 % FR; « 1,5 % » with PMSS, 1,5 % PMSS.
    const base = this.colonneUnite === undefined ? undefined : plier(this.texte(r, this.colonneUnite));
    if (base !== undefined && /^(br|fr|pmss|tm)$/.test(base) && v.type === "texte" && /^\s*\d+(?:[,.]\d+)?\s*%\s*(?:\(\S{1,3}\))?\s*$/.test(separerRenvois(v.texte).texte)) {
      v = { ...v, texte: `${separerRenvois(v.texte).texte} ${base.toUpperCase()}` };
    }
    const c = lireCellule(v, { niveau: n.nom, adresse, ligne: numero, poste, ...(format ? { format } : {}), ...(unite ? { unite } : {}) }, this.alerter);
    // The language reads « + 200 € » as « 200 € » and leaves the socle to the column's convention; in a column
    // read as a total (socle included) a leading « + » more likely means « on top of the base »: say so.
    if (n.convention === "SOCLE_INCLUS" && v.type === "texte" && c.garantie?.type === "formule" && c.garantie.convention === "RO_INCLUS" && v.texte.trimStart().startsWith("+")) {
      this.alerte(
        "PLUS_DANS_UN_TOTAL",
        "alerte",
        `${c.adresse ?? `Ligne ${numero}`} (${n.nom}) : « ${court(v.texte)} » est lu comme un total (la colonne inclut « ${n.inclutNiveau} ») ; ` +
          `si le montant s'ajoute à la base, écrivez « en sus de la base » dans l'en-tête de la colonne.`,
        { ligne: numero, niveau: n.nom, ...(c.adresse !== undefined ? { adresse: c.adresse } : {}) },
      );
    }
    return c;
  }

  private signalerDoublons(lignes: readonly Ligne[]): void {
    const vus = new Map<string, Ligne>();
    for (const l of lignes) {
      if (l.poste === null || l.complete !== undefined || l.casDe !== undefined) continue;
      const avant = vus.get(l.poste);
      if (avant) {
        this.alerte("POSTE_EN_DOUBLE", "info", `Lignes ${avant.ligne} et ${l.ligne} : même poste « ${posteParCode(l.poste)!.libelle} » (« ${court(avant.libelle)} », « ${court(l.libelle)} »).`, {
          ligne: l.ligne,
          ...(l.adresse ? { adresse: l.adresse } : {}),
        });
      } else vus.set(l.poste, l);
    }
  }

  private alerte(code: AlerteImport["code"], gravite: AlerteImport["gravite"], message: string, ou: Lieu = {}): void {
    this.alertes.push({ code, gravite, message, ...ou });
  }

  private readonly alerter: Alerter = (code, gravite, message, lieu) => this.alerte(code, gravite, message, lieu);
}

const VIDE: ValeurCellule = Object.freeze({ type: "vide" });

function joindreEntete(haut: string, bas: string): string {
  if (haut === "" || plier(haut) === plier(bas)) return bas;
  if (bas === "") return haut;
  return `${haut} — ${bas}`;
}

function erreur(message: string): RembError {
  return new RembError("ARGUMENT_INVALIDE", message);
}

function jourDepuisSerieSur(n: number): Jour | undefined {
  try {
    return jourDepuisSerie(n);
  } catch {
    return undefined;
  }
}

const MOIS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

/** « 01/01/2026 », « 2026-01-01 », « 1er janvier 2026 » in a title row. */

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
  const re = /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|\b(\d{1,2})(?: ?er)? (janv|fevr?|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)[a-z]*\.? (\d{4})\b/g;
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
  const edition = /\b(?:edition|version|mise a jour|maj)\b\W{0,3}(?:(\d{1,2})[/.-](\d{4})|(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) (\d{4}))\b/.exec(replier(t));
  if (!edition) return undefined;
  const mois = edition[1] !== undefined ? Number(edition[1]) : MOIS.indexOf(edition[3]!) + 1;
  if (mois < 1 || mois > 12) return undefined;
  try {
    return jourDepuisIso(`${edition[2] ?? edition[4]!}-${String(mois).padStart(2, "0")}-01`);
  } catch {
    return undefined;
  }
}

/** « Abréviations : … », « BR : base de remboursement… », « Légende »: a glossary printed with the table. */
function estGlossaire(t: string): boolean {
  return /^\s*(?:abr[ée]viations?|l[ée]gende|lexique|glossaire)\b/i.test(t) || /^\s*[A-Z][A-Z0-9-]{1,7}\s?:\s+\p{L}/u.test(t);
}

/**
 * Whether a text stands where a guarantee stands, by text: it depends on the text alone, and grids repeat theirs
 * (« 100 % BR », « Néant ») from one file to the next. Bounded like the other memos.
 */
const SEMBLABLES = new Map<string, boolean>();
const SEMBLABLES_MAX = 20_000;

/**
 * A row without values that is a sentence (a rule, a condition, a renewal period), not a heading: long, or ending
 * with a full stop, or with a verb a heading does not have.
 */
function estPhraseSansValeur(t: string): boolean {
  const u = separerRenvois(t).texte.trim();
  if (u.length < 40) return false;
  return (
    /[.;!]\s*$/.test(u) ||
    u.length > 120 ||
    /\b(est|sont|s'entend|s'entendent|s’entend|s’entendent|peut|peuvent|doit|doivent|permet|concerne|s'applique|s’applique|sauf|conformément|tous les (\d+ )?ans)\b/i.test(u)
  );
}

/** The start of a text that only goes on with the cell above (folded). */
const SUITE_DE_CELLULE = /^\W*(dans la limite|limitee?s? a|plafonnee?s? a|max(imum)?\b|par (an|annee|jour|acte|seance|beneficiaire|oreille|verre)\b|au[- ]dela|sur (presentation|justificatif)|soit\b|sans limitation)/;

/** Headers of the columns a « Total » column adds up: the Sécurité sociale's part, the complementary's parts. */
const PARTIE_DU_TOTAL = /\b(au titre|dont|part|prise en charge|remboursements?|regime de branche|securite sociale|secu|complement|complementaire|depassements?|forfaits?)\b/;

/** The cell of a level that holds part of the line's label (a correction band): no guarantee, nothing to read. */
function celluleLibelle(n: Niveau, adresse: string): Cellule {
  return celluleSansObjet(n, adresse);
}

/** A level that has no value on this line (the column holds its label, or a sub-table does not print the level). */
function celluleSansObjet(n: Niveau, adresse: string): Cellule {
  return { niveau: n.nom, texte: "", garantie: NEANT, adresse, sansObjet: true };
}

/** The columns of a sub-table: the level each one feeds, and its variant (« Adulte »). */
interface Bloc {
  readonly colonnes: readonly ({ readonly niveau: number; readonly variante?: string } | undefined)[];
}

/** A column header naming the doctors' sector: « Signataires DPTM », « Non adhérents OPTAM », « Hors OPTAM »… */
function secteurDEntete(nom: string): "OPTAM" | "NON-OPTAM" | undefined {
  const p = plier(nom);
  if (!/\b(dptm|dptam|optam|cas)\b/.test(p)) return undefined;
  return /\b(non|hors)\b/.test(p) ? "NON-OPTAM" : /\b(signataires?|adherents?|adherant)\b/.test(p) || /^(optam|dptm|dptam)\b/.test(p) ? "OPTAM" : undefined;
}

/** Words of a column title printed inside a table (a sub-table's header). */
const TITRE_DE_COLONNE = /\b(secteur|conventionnes?|non conventionnes?|adultes?|enfants?|prestations?|remboursements?|niveaux?|formules?|options?|base|garanties?|montants?|indemnisation|signataires?|adherents?|mutuelle|total|unifocaux|multifocaux|progressifs)\b/;

function estFormule(t: string): boolean {
  try {
    return lireGarantie(t).type === "formule";
  } catch {
    return false;
  }
}
