/**
 * Reading the Code de la sécurité sociale out of the npm package @socialgouv/legi-data (the DILA's LEGI base,
 * one consolidation of the code per package version). Shared by scripts/legi-instantane.ts (writes the committed
 * snapshot) and scripts/legi-nouveautes.ts (lists what changed since). The package is fetched on demand with
 * `npm pack` into the system's temporary folder: it is never a dependency of REMB (about 50 MB per version).
 *
 * What a package holds, per article: the list of all its versions (LEGIARTI id, state, start and end dates, future
 * ones included) and the text of the ONE version in force on the package's consolidation date. Older texts come
 * from older package versions, hence the list of package versions in the snapshot script.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PAQUET = "@socialgouv/legi-data";
/** The Code de la sécurité sociale in the LEGI base. */
export const CODE_CSS = "LEGITEXT000006073189";

/** One version of an article, as listed by the package (dates ISO; `fin` null: no end planned). */
export interface VersionArticle {
  readonly id: string;
  readonly etat: string;
  readonly debut: string;
  readonly fin: string | null;
}

/** One article as found in one consolidation: its versions and the text of the version then in force. */
export interface ArticlePaquet {
  readonly num: string;
  readonly cid: string;
  /** The version in force on the consolidation date (its text is `texte`). */
  readonly id: string;
  readonly texte: string;
  readonly versions: readonly VersionArticle[];
  /** The texts that made the current version (« Décret n°2025-1131 du 26 novembre 2025 - art. 1 »). */
  readonly modifiePar: readonly string[];
}

export interface Consolidation {
  /** The package version it comes from. */
  readonly paquet: string;
  /** The consolidation date of the code in that package (ISO). */
  readonly date: string;
  /** Articles by number (« R871-2 »). */
  readonly articles: ReadonlyMap<string, ArticlePaquet>;
}

/** The LEGI dates are UTC midnights in milliseconds; 2999-01-01 means « no end planned ». */
function iso(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined) return null;
  const d = new Date(ms).toISOString().slice(0, 10);
  return d >= "2999-01-01" ? null : d;
}

/** The newest version number published on the registry (`npm view`). */
export function derniereVersion(): string {
  return execFileSync("npm", ["view", PAQUET, "version"], { encoding: "utf8" }).trim();
}

/** The package's folder for a version, fetched with `npm pack` the first time (kept in the temporary folder). */
export function dossierPaquet(version: string): string {
  const dossier = join(tmpdir(), "remb-legi-data", version);
  const code = join(dossier, "package", "data", `${CODE_CSS}.json`);
  if (existsSync(code)) return dossier;
  mkdirSync(dossier, { recursive: true });
  console.error(`Téléchargement de ${PAQUET}@${version} (npm pack)…`);
  execFileSync("npm", ["pack", `${PAQUET}@${version}`, "--silent"], { cwd: dossier, stdio: ["ignore", "ignore", "inherit"] });
  const archive = readdirSync(dossier).find((f) => f.endsWith(".tgz"));
  if (!archive) throw new Error(`npm pack n'a pas produit d'archive pour ${PAQUET}@${version}`);
  execFileSync("tar", ["xzf", archive], { cwd: dossier });
  if (!existsSync(code)) throw new Error(`${PAQUET}@${version} ne contient pas le Code de la sécurité sociale (${CODE_CSS})`);
  return dossier;
}

interface Noeud {
  type?: string;
  data?: Record<string, unknown>;
  children?: Noeud[];
}

/** The articles numbered `nums` in the CSS of one package version. */
export function lireConsolidation(version: string, nums: ReadonlySet<string>): Consolidation {
  const fichier = join(dossierPaquet(version), "package", "data", `${CODE_CSS}.json`);
  const code = JSON.parse(readFileSync(fichier, "utf8")) as Noeud;
  const date = String(code.data?.["dateDebutVersion"] ?? code.data?.["dateModif"] ?? "");
  const articles = new Map<string, ArticlePaquet>();
  const parcourir = (n: Noeud): void => {
    if (n.type === "article" && n.data) {
      const a = n.data;
      const num = String(a["num"]);
      if (nums.has(num)) {
        const versions = ((a["articleVersions"] as Record<string, unknown>[] | undefined) ?? []).map((v) => ({
          id: String(v["id"]),
          etat: String(v["etat"]),
          debut: iso(v["dateDebut"] as number)!,
          fin: iso(v["dateFin"] as number),
        }));
        const liens = (a["lienModifications"] as Record<string, unknown>[] | undefined) ?? [];
        const article: ArticlePaquet = {
          num,
          cid: String(a["cid"]),
          id: String(a["id"]),
          texte: String(a["texte"] ?? "")
            .replace(/\s+/g, " ")
            .trim(),
          versions,
          modifiePar: liens.filter((l) => l["linkOrientation"] === "cible").map((l) => String(l["textTitle"])),
        };
        // The same number twice in one code would make every citation ambiguous: refuse rather than guess.
        if (articles.has(num)) throw new Error(`article ${num} présent deux fois dans ${PAQUET}@${version}`);
        articles.set(num, article);
      }
    }
    for (const c of n.children ?? []) parcourir(c);
  };
  parcourir(code);
  return { paquet: version, date, articles };
}
