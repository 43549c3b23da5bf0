/**
 * Writes src/core/params/textes/css.json, the committed snapshot of the Code de la sécurité sociale articles REMB
 * cites: for each article, every version (LEGIARTI id, LEGI state, start and end dates) and, where a consolidation
 * of the package held it in force, the version's text.
 *
 * Run: `npx tsx scripts/legi-instantane.ts` (fetches the package versions below with `npm pack` into the system's
 * temporary folder on first use; about 12 MB each). The output depends only on those package versions and on the
 * articles the data cites, so a second run writes the same file.
 *
 * Which articles: the list (the articles the contrat-responsable rules and the RO rest on) plus every
 * article a parameter's reference or src/core/params/articles.json names. test/core/params/references.test.ts
 * checks every cited version against this file; scripts/legi-nouveautes.ts lists what the newest package has
 * that the snapshot lacks.
 */
import { writeFileSync } from "node:fs";
import { FICHIERS_PARAMETRES } from "../src/core/params";
import { ARTICLES_CITES } from "../src/core/params/articles";
import type { ArticleInstantane, InstantaneCss, VersionInstantane } from "../src/core/params/instantane";
import { lireConsolidation, PAQUET, CODE_CSS, type Consolidation } from "./legi-paquet";

/**
 * The package versions read, newest first: each carries one consolidation of the CSS (the date in the comment), so
 * the texts of the versions in force on those dates. The newest gives the version lists. To refresh the snapshot,
 * put the newest published version first (scripts/legi-nouveautes.ts names it).
 */
export const VERSIONS_PAQUET: readonly string[] = [
  "2.513.0", // CSS consolidated on 2026-03-14
  "2.263.0", // 2023-06-01
  "2.229.0", // 2023-02-15
  "2.100.0", // 2021-12-15
  "2.24.0", // 2021-01-01
  "1.46.0", // 2020-11-02
];

/** Always in the snapshot, cited or not yet: the articles the contrat responsable, the RO and its participations rest on. */
const ARTICLES_DE_BASE: readonly string[] = [
  "R871-1",
  "R871-2",
  "L871-1",
  "L160-13",
  "R160-5",
  "R160-16",
  "D160-3",
  "D160-6",
  "D160-8",
  "D160-9",
  "D160-10",
  "D160-11",
  "D160-12",
  "L863-8",
  "L862-4",
  "L162-5-10",
  "D911-1",
  "L160-8",
  "R160-6",
  "R160-8",
  "R160-17",
  "R160-19",
  "R160-20",
  "L162-5-3",
  "L162-9",
  "L162-58",
  "L165-3",
  "L174-4",
  "R174-5",
  "R174-5-1",
];

/** Every article number the data cites. */
export function articlesCites(): Set<string> {
  const nums = new Set<string>([...ARTICLES_DE_BASE, ...ARTICLES_CITES]);
  for (const f of Object.values(FICHIERS_PARAMETRES)) {
    for (const p of f.parametres) {
      for (const v of p.valeurs) for (const r of [v.reference, ...(v.autresReferences ?? [])]) if (r.article) nums.add(r.article);
    }
  }
  return nums;
}

/** Article numbers in the code's order of reading: « D160-9 » < « D160-10 », « L162-5 » < « L162-5-3 ». */
export function comparerArticles(a: string, b: string): number {
  const cle = (s: string) => [s.charAt(0), ...s.slice(1).split("-").map(Number)] as const;
  const x = cle(a);
  const y = cle(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const u = x[i];
    const v = y[i];
    if (u === undefined) return -1;
    if (v === undefined) return 1;
    if (u !== v) return u < v ? -1 : 1;
  }
  return 0;
}

export function construireInstantane(consolidations: readonly Consolidation[], nums: ReadonlySet<string>): InstantaneCss {
  const [recente] = consolidations;
  if (!recente) throw new Error("aucune consolidation lue");
  const articles: Record<string, ArticleInstantane> = {};
  for (const num of [...nums].sort(comparerArticles)) {
    const a = recente.articles.get(num);
    if (!a) throw new Error(`article ${num} absent de ${PAQUET}@${recente.paquet} (abrogé ou mal écrit ?)`);
    const versions: VersionInstantane[] = a.versions.map((v) => {
      // The text of a version: from the newest consolidation that held it in force.
      const lu = consolidations.find((c) => c.articles.get(num)?.id === v.id);
      const texte = lu?.articles.get(num)?.texte;
      return { id: v.id, etat: v.etat, debut: v.debut, fin: v.fin, ...(texte ? { texte, lu: lu!.date } : {}) };
    });
    articles[num] = { cid: a.cid, versions, modifiePar: a.modifiePar };
  }
  return {
    source: `${PAQUET} (base LEGI de la DILA, Code de la sécurité sociale ${CODE_CSS})`,
    paquets: consolidations.map((c) => ({ version: c.paquet, consolidation: c.date })),
    articles,
  };
}

if (process.argv[1] !== undefined && /legi-instantane\.ts$/.test(process.argv[1])) {
  const nums = articlesCites();
  const consolidations = VERSIONS_PAQUET.map((v) => lireConsolidation(v, nums));
  const instantane = construireInstantane(consolidations, nums);
  const cible = new URL("../src/core/params/textes/css.json", import.meta.url);
  writeFileSync(cible, `${JSON.stringify(instantane, null, 1)}\n`, "utf8");
  const nbVersions = Object.values(instantane.articles).reduce((n, a) => n + a.versions.length, 0);
  const nbTextes = Object.values(instantane.articles).reduce((n, a) => n + a.versions.filter((v) => v.texte).length, 0);
  console.log(
    `src/core/params/textes/css.json écrit : ${Object.keys(instantane.articles).length} articles, ${nbVersions} versions, ${nbTextes} textes ` +
      `(CSS consolidé au ${instantane.paquets[0]!.consolidation}, ${PAQUET}@${instantane.paquets[0]!.version}).`,
  );
}
