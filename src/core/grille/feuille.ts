import { RembError } from "../errors";
import { adresseA1, origineDepuis, type Origine } from "./adresse";
import type { Alerter, Lieu } from "./cellule";
import { lireGarantie } from "./lire-garantie";
import type { AlerteImport, OptionsImport } from "./modele";
import { analyserEntete } from "./niveaux";
import { nombreDepuisTexte } from "./nombre";
import { separerRenvois } from "./renvois";
import { lireCasUnique, lireSousCas } from "./sous-cas";
import { estFormatDate } from "./nombre";
import { nombreFr, valeurCellule, type ValeurCellule } from "./valeur-cellule";

/** Beyond these sizes the input is not a guarantee grid (a grid has ~150 rows and a dozen columns). */
const LIGNES_MAX = 200_000;
const COLONNES_MAX = 500;

/**
 * The cells of the sheet being read, as values (valeur-cellule.ts), with what every step of the import needs: a
 * cell's value, text and number format, whether it stands where a guarantee stands, its A1 address, and the list
 * of import alerts. The layout (disposition.ts), the header and levels (construire-niveaux.ts), the title rows
 * (titres.ts), the RO conventions (convention-ro.ts) and the lines (lignes.ts) read the sheet through it.
 */
export class Feuille {
  readonly origine: Origine;
  readonly V: ValeurCellule[][] = [];
  largeur = 0;
  readonly alertes: AlerteImport[] = [];

  constructor(
    brut: readonly (readonly unknown[])[],
    readonly options: OptionsImport,
  ) {
    this.origine = origineDepuis(options.origine);
    this.lireValeurs(brut);
  }

  private lireValeurs(brut: readonly (readonly unknown[])[]): void {
    if (!Array.isArray(brut)) throw erreur("Grille invalide : un tableau de lignes (tableau à deux dimensions) est attendu.");
    if (brut.length > LIGNES_MAX) {
      throw erreur(`Grille trop grande : ${brut.length} lignes (au plus ${LIGNES_MAX}). Un tableau de garanties compte quelques centaines de lignes.`);
    }
    let nonVides = 0;
    for (let r = 0; r < brut.length; r++) {
      const ligne = brut[r];
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

  v(r: number, c: number): ValeurCellule {
    return this.V[r]?.[c] ?? VIDE;
  }

  texte(r: number, c: number): string {
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

  format(r: number, c: number): string | undefined {
    const f = this.options.formats?.[r]?.[c];
    return typeof f === "string" && f !== "" ? f : undefined;
  }

  /**
   * Every non-empty cell of the row has the same text, starting left of `avant` (a title or a section row
   * merged across the table, which exceljs repeats in every cell of the merge).
   */
  uniforme(r: number, avant = Infinity): boolean {
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

  colonnesTexte(r: number, depuis: number): number[] {
    const cols: number[] = [];
    const ligne = this.V[r]!;
    for (let c = depuis; c < ligne.length; c++) if (ligne[c]!.type !== "vide") cols.push(c);
    return cols;
  }

  /**
   * A value that stands where a guarantee stands: a number (not date-formatted), a boolean, an error value, or a
   * text that reads as a guarantee (labels and level names do not).
   */
  semblableGarantie(r: number, c: number): boolean {
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

  texteSemblableGarantie(t: string): boolean {
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
          (/[0-9]\s*(%|€)/.test(t) &&
            !/100\s*%\s*sant/i.test(t) &&
            (/^[\s(+~]*[0-9]/.test(t) || lireSousCas(t).length > 0 || lireCasUnique(t) !== undefined)) ||
          /^(frais r[ée]els|ticket mod[ée]rateur)\b/i.test(t);
      }
    }
    if (SEMBLABLES.size >= SEMBLABLES_MAX) SEMBLABLES.clear();
    SEMBLABLES.set(t, oui);
    return oui;
  }

  /** The text reads as a guarantee with an amount (« 100 % BR », « 50 € »), not a service or a sentence. */
  montantLisible(t: string): boolean {
    if (nombreDepuisTexte(separerRenvois(t).texte) !== undefined) return true;
    try {
      const g = lireGarantie(t);
      return g.type === "formule";
    } catch {
      return false;
    }
  }

  adresseLibelle(r: number, colonnesLibelle: readonly number[]): string | undefined {
    for (let i = colonnesLibelle.length - 1; i >= 0; i--) {
      const c = colonnesLibelle[i]!;
      if (this.v(r, c).type !== "vide") return adresseA1(this.origine, r, c);
    }
    return colonnesLibelle.length > 0 ? adresseA1(this.origine, r, colonnesLibelle[colonnesLibelle.length - 1]!) : undefined;
  }

  alerte(code: AlerteImport["code"], gravite: AlerteImport["gravite"], message: string, ou: Lieu = {}): void {
    this.alertes.push({ code, gravite, message, ...ou });
  }

  readonly alerter: Alerter = (code, gravite, message, lieu) => this.alerte(code, gravite, message, lieu);
}

const VIDE: ValeurCellule = Object.freeze({ type: "vide" });

/** A grid that cannot be read: the input's fault, with a French message. */
export function erreur(message: string): RembError {
  return new RembError("ARGUMENT_INVALIDE", message);
}

/**
 * Whether a text stands where a guarantee stands, by text: it depends on the text alone, and grids repeat theirs
 * (« 100 % BR », « Néant ») from one file to the next. Bounded like the other memos.
 */
const SEMBLABLES = new Map<string, boolean>();
const SEMBLABLES_MAX = 20_000;

function estFormule(t: string): boolean {
  try {
    return lireGarantie(t).type === "formule";
  } catch {
    return false;
  }
}
