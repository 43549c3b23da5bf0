import { isoDepuisJour, type Jour } from "../core/dates";
import { lectureDeGrille, type LectureGrille } from "../core/grille";
import type { Constat } from "../core/responsable";
import type { Gravite } from "./arguments";
import { montre } from "./rapport-texte";
import { verdict, type ResultatFichier, type Resume, type Verdict } from "./resultat";

/**
 * `remb verifier --json`: one JSON document on stdout (schema in docs/cli.md, version 1). Every key is always
 * present (null when it does not apply) so that pipelines can rely on the shape. The document is written grid by
 * grid as files are checked, so memory stays flat on large batches; the text is exactly
 * JSON.stringify(document, null, 2) + "\n" (a test checks it).
 */
export const VERSION_JSON = 1;

export interface GrilleJsonSortie {
  readonly fichier: string;
  readonly format: string | null;
  readonly nom: string | null;
  readonly source: { readonly feuille: string | null; readonly encodage: string | null; readonly separateur: string | null } | null;
  readonly date?: string;
  readonly origineDate?: string;
  /** The printed text the grid's date was read from (« Garanties au 01/01/2025 »), when origineDate is « grille ». */
  readonly texteDate?: string | null;
  readonly conforme?: boolean;
  /** « conforme », « sous-reserve » (no erreur, alertes to check) or « non-conforme ». */
  readonly verdict?: Verdict;
  readonly comptes?: { readonly erreurs: number; readonly alertes: number; readonly infos: number };
  readonly constats?: readonly ConstatJson[];
  /** With --lecture: what was understood of each line and cell (src/core/grille/lecture.ts); null without. */
  readonly lecture?: LectureGrille | null;
  readonly erreur?: { readonly etape: string; readonly code: string | null; readonly message: string; readonly interne: boolean };
}

export interface ConstatJson {
  readonly gravite: string;
  readonly regle: string;
  readonly poste: string | null;
  readonly libelle: string | null;
  readonly niveau: string | null;
  readonly ligne: number | null;
  readonly adresse: string | null;
  readonly valeur: string | null;
  readonly message: string;
  readonly reference: string;
}

export function jsonResultat(r: ResultatFichier, seuil: Gravite, lecture = false): GrilleJsonSortie {
  const g = r.grille;
  const commun = {
    fichier: r.chemin,
    format: r.format ?? null,
    nom: g ? g.nom : null,
    source: g ? { feuille: g.source.feuille ?? null, encodage: g.source.encodage ?? null, separateur: g.source.separateur ?? null } : null,
  };
  if (r.erreur !== undefined) {
    return { ...commun, erreur: { etape: r.erreur.etape, code: r.erreur.code ?? null, message: r.erreur.message, interne: r.erreur.interne } };
  }
  const rp = r.rapport;
  return {
    ...commun,
    date: isoDepuisJour(rp.date),
    origineDate: rp.origineDate,
    texteDate: rp.origineDate === "grille" ? (r.grille.texteDateEffet ?? null) : null,
    conforme: rp.erreurs === 0,
    verdict: verdict(rp),
    comptes: { erreurs: rp.erreurs, alertes: rp.alertes, infos: rp.infos },
    constats: rp.constats.filter((c) => montre(c, seuil)).map(jsonConstat),
    lecture: lecture ? lectureDeGrille(r.grille) : null,
  };
}

function jsonConstat(c: Constat): ConstatJson {
  return {
    gravite: c.gravite,
    regle: c.regle,
    poste: c.poste,
    libelle: c.libelle ?? null,
    niveau: c.niveau ?? null,
    ligne: c.ligne ?? null,
    adresse: c.adresse ?? null,
    valeur: c.valeur ?? null,
    message: c.message,
    reference: c.reference,
  };
}

/** Streams `{ version, date, gravite, grilles: [...], resume, codeSortie }`, pretty-printed like JSON.stringify(…, null, 2). */
export class EcrivainJson {
  private premier = true;

  constructor(
    private readonly ecrire: (s: string) => void,
    date: Jour | undefined,
    gravite: Gravite,
  ) {
    const d = JSON.stringify(date === undefined ? null : isoDepuisJour(date));
    this.ecrire(`{\n  "version": ${VERSION_JSON},\n  "date": ${d},\n  "gravite": ${JSON.stringify(gravite)},\n  "grilles": [`);
  }

  /**
   * One grid, written piece by piece (its keys, each finding, each line of the reading): a grid of 5 000 cells
   * read with --lecture makes tens of Mo of JSON, which are never held as one string (nor twice, re-indented).
   */
  grille(g: GrilleJsonSortie): void {
    let tampon = this.premier ? "\n    " : ",\n    ";
    // Pieces are gathered into writes of about 64 Ko: one write per piece would be one system call each.
    ecrireJson(g, "    ", 3, (s) => {
      tampon += s;
      if (tampon.length >= 65536) {
        this.ecrire(echapperJson(tampon));
        tampon = "";
      }
    });
    this.ecrire(echapperJson(tampon));
    this.premier = false;
  }

  fin(resume: Resume, codeSortie: number): void {
    const r = JSON.stringify(resume, null, 2).replace(/\n/g, "\n  ");
    this.ecrire(`${this.premier ? "]" : "\n  ]"},\n  "resume": ${r},\n  "codeSortie": ${codeSortie}\n}\n`);
  }
}

/**
 * Writes JSON.stringify(v, null, 2) re-indented by `retrait`, exactly, in pieces: objects and arrays down to
 * `profondeur` levels are opened and written member by member, deeper values in one piece each.
 */
function ecrireJson(v: unknown, retrait: string, profondeur: number, ecrire: (s: string) => void): void {
  const entier = () => ecrire(JSON.stringify(v, null, 2).replace(/\n/g, `\n${retrait}`));
  if (profondeur === 0 || v === null || typeof v !== "object") return entier();
  const dedans = `${retrait}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return ecrire("[]");
    ecrire("[");
    v.forEach((x, i) => {
      ecrire(`${i === 0 ? "" : ","}\n${dedans}`);
      // JSON.stringify writes null for what it cannot represent in an array.
      if (x === undefined || typeof x === "function" || typeof x === "symbol") ecrire("null");
      else ecrireJson(x, dedans, profondeur - 1, ecrire);
    });
    return ecrire(`\n${retrait}]`);
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return entier();
  const cles = Object.keys(v).filter((k) => {
    const x = (v as Record<string, unknown>)[k];
    return x !== undefined && typeof x !== "function" && typeof x !== "symbol";
  });
  if (cles.length === 0) return ecrire("{}");
  ecrire("{");
  cles.forEach((k, i) => {
    ecrire(`${i === 0 ? "" : ","}\n${dedans}${JSON.stringify(k)}: `);
    ecrireJson((v as Record<string, unknown>)[k], dedans, profondeur - 1, ecrire);
  });
  ecrire(`\n${retrait}}`);
}

/**
 * JSON.stringify leaves C1 controls (U+0080–U+009F, which some terminals obey: U+009B opens an escape sequence), DEL
 * and the bidi overrides raw: `cat rapport.json` must not run them. \uXXXX escapes parse back to the same text.
 */
export function echapperJson(s: string): string {
  return /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(s)
    ? s.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    : s;
}
