import { RembError } from "../errors";
import { jourDepuisIso, type Jour } from "../dates";
import donnees from "./articles.json";

/**
 * The Code de la sécurité sociale articles the calculators and the contrat-responsable rules cite, as data
 * (articles.json): the dated versions of the articles whose version matters for a date (which R871-2 binds a
 * contract of 2017), and named references (article, paragraph, what it says) so that no calculator writes an
 * article or a figure in its code. test/core/params/references.test.ts checks both against the snapshot of the
 * texts (textes/css.json).
 */

export interface VersionArticleJson {
  /** First day in force (ISO). */
  readonly debut: string;
  readonly legiarti: string;
  /** The text that made this version, for display. */
  readonly par?: string;
  readonly note?: string;
}

export interface ArticleJson {
  readonly article: string;
  /** Oldest first, without gaps: each version runs until the next one starts. */
  readonly versions: readonly VersionArticleJson[];
}

export interface ReferenceNommeeJson {
  /** The name the code uses (« r871_2.4.plafond »). */
  readonly nom: string;
  readonly article: string;
  readonly alinea?: string;
  /** What the article says, in French, shown after the article. */
  readonly objet?: string;
  /** Words of the article's text that carry `objet`: checked against every version held by the snapshot from `depuis`. */
  readonly extrait?: string;
  /** First day the paragraph says so (ISO), when later than the article's first listed version. */
  readonly depuis?: string;
}

export interface ArticlesJson {
  readonly sujet: string;
  readonly verifieLe: string;
  readonly articles: readonly ArticleJson[];
  readonly references: readonly ReferenceNommeeJson[];
}

export const ARTICLES = donnees as ArticlesJson;

/** Every article number articles.json names (for the snapshot script). */
export const ARTICLES_CITES: readonly string[] = [...new Set([...ARTICLES.articles.map((a) => a.article), ...ARTICLES.references.map((r) => r.article)])];

const VERSIONS = new Map<string, readonly (readonly [Jour, string])[]>(
  ARTICLES.articles.map((a) => [a.article, a.versions.map((v) => [jourDepuisIso(v.debut), v.legiarti] as const)]),
);
const REFERENCES = new Map<string, ReferenceNommeeJson>(ARTICLES.references.map((r) => [r.nom, r]));

/** The LEGIARTI id of the article's version in force on `jour`; undefined before the first listed version or for an article without a table. */
export function versionEnVigueur(article: string, jour: Jour): string | undefined {
  let id: string | undefined;
  for (const [debut, v] of VERSIONS.get(article) ?? []) if (jour >= debut) id = v;
  return id;
}

/** The version of `article` in force on `jour` with its period (end exclusive; null: still in force). */
export function periodeEnVigueur(article: string, jour: Jour): { readonly id: string; readonly debut: Jour; readonly fin: Jour | null } | undefined {
  const versions = VERSIONS.get(article) ?? [];
  let k = -1;
  versions.forEach(([debut], i) => {
    if (jour >= debut) k = i;
  });
  if (k < 0) return undefined;
  return { id: versions[k]![1], debut: versions[k]![0], fin: versions[k + 1]?.[0] ?? null };
}

/** « R871-2 4° CSS (LEGIARTI000052861614) », the version in force on `jour` when articles.json dates the article. */
export function citerArticle(article: string, alinea: string | undefined, jour: Jour): string {
  const id = versionEnVigueur(article, jour);
  return `${article}${alinea ? ` ${alinea}` : ""} CSS${id ? ` (${id})` : ""}`;
}

/** A named reference of articles.json for `jour`: « R871-2 4° b) CSS (LEGIARTI…) : plafond par aide auditive… ». */
export function referenceNommee(nom: string, jour: Jour): string {
  const r = REFERENCES.get(nom);
  if (!r) throw new RembError("PARAMETRE_INCONNU", `Référence inconnue : « ${nom} » (src/core/params/articles.json).`);
  const article = citerArticle(r.article, r.alinea, jour);
  return r.objet ? `${article} : ${r.objet}` : article;
}
