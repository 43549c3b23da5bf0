/**
 * The committed snapshot of the Code de la sécurité sociale articles REMB cites (textes/css.json), written by
 * scripts/legi-instantane.ts from the npm package @socialgouv/legi-data. Not imported by the engine at run time
 * (the texts weigh far more than the values): the reference test, the docs generator and the scripts read it.
 */
export interface VersionInstantane {
  /** LEGIARTI identifier of the version (Légifrance: https://www.legifrance.gouv.fr/codes/article_lc/<id>). */
  readonly id: string;
  /** LEGI state: VIGUEUR, MODIFIE, ABROGE_DIFF (ends on a known future date), VIGUEUR_DIFF (starts later), MODIFIE_MORT_NE (never in force)… */
  readonly etat: string;
  /** First day in force (ISO). */
  readonly debut: string;
  /** First day no longer in force (ISO), null when no end is planned. */
  readonly fin: string | null;
  /** The version's text, when a consolidation of the package held it in force. */
  readonly texte?: string;
  /** Consolidation date of the package the text was read from. */
  readonly lu?: string;
}

export interface ArticleInstantane {
  readonly cid: string;
  /** Every version, oldest first. */
  readonly versions: readonly VersionInstantane[];
  /** The texts that made the newest version read. */
  readonly modifiePar: readonly string[];
}

export interface InstantaneCss {
  readonly source: string;
  /** The package versions read, with their consolidation dates, newest first. */
  readonly paquets: readonly { readonly version: string; readonly consolidation: string }[];
  /** Articles by number (« R871-2 »), sorted. */
  readonly articles: Readonly<Record<string, ArticleInstantane>>;
}

/** A version never in force (LEGI's « mort-né »: its end precedes its start). */
export function jamaisEnVigueur(v: VersionInstantane): boolean {
  return v.etat === "MODIFIE_MORT_NE" || (v.fin !== null && v.fin <= v.debut);
}

/**
 * Text as compared: one space for any run of spaces (regular, no-break, thin), apostrophes unified, lower case.
 * The LEGI texts write « 1 700 euros » with a plain space and « l' article » with a stray one. Not texte/plier.ts:
 * accents are kept on purpose, an extract that differs from the official text by an accent is a wrong quotation.
 */
export function normaliserTexte(s: string): string {
  return s
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/' /g, "'")
    .toLowerCase()
    .trim();
}
