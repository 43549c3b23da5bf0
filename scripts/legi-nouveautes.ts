/**
 * Lists what the published @socialgouv/legi-data has that the committed snapshot of the CSS (src/core/params/
 * textes/css.json) lacks, for the articles REMB cites: new versions (future ones included), versions whose dates
 * or state changed, a current text that differs from the one read, and the parameter values whose citation stops
 * before a new version. Next year's update starts from this list: read each new text, update the values and their
 * citations, then refresh the snapshot (scripts/legi-instantane.ts with the new package version first).
 *
 * Run: `npx tsx scripts/legi-nouveautes.ts` (newest published version) or `npx tsx scripts/legi-nouveautes.ts 2.600.0`.
 * Fetches the package with `npm pack` into the system's temporary folder. Exit code 0 either way: it is a report.
 */
import { FICHIERS_PARAMETRES } from "../src/core/params";
import type { InstantaneCss } from "../src/core/params/instantane";
import instantaneJson from "../src/core/params/textes/css.json";
import { articlesCites } from "./legi-instantane";
import { derniereVersion, lireConsolidation, PAQUET, type Consolidation } from "./legi-paquet";

export interface Nouveaute {
  readonly article: string;
  /** French, one line. */
  readonly texte: string;
}

function normaliser(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** The differences between the snapshot and one consolidation of the package, article by article. */
export function nouveautes(instantane: InstantaneCss, c: Consolidation, cites: ReadonlySet<string>): Nouveaute[] {
  const r: Nouveaute[] = [];
  for (const num of [...cites].sort()) {
    const ancien = instantane.articles[num];
    const recent = c.articles.get(num);
    if (!recent) {
      r.push({ article: num, texte: ancien ? `n'est plus dans le paquet (abrogé ?)` : `cité par les données mais absent du paquet` });
      continue;
    }
    if (!ancien) {
      r.push({ article: num, texte: `cité par les données mais absent de l'instantané : relancer scripts/legi-instantane.ts` });
      continue;
    }
    const connues = new Map(ancien.versions.map((v) => [v.id, v]));
    for (const v of recent.versions) {
      const a = connues.get(v.id);
      if (!a) {
        r.push({ article: num, texte: `nouvelle version ${v.id} (${v.etat}) du ${v.debut}${v.fin ? ` au ${v.fin}` : ""}` });
      } else if (a.debut !== v.debut || a.fin !== v.fin || a.etat !== v.etat) {
        r.push({ article: num, texte: `version ${v.id} modifiée : ${a.etat} ${a.debut} → ${a.fin ?? "…"} devient ${v.etat} ${v.debut} → ${v.fin ?? "…"}` });
      }
    }
    const lue = ancien.versions.find((v) => v.id === recent.id)?.texte;
    if (lue !== undefined && normaliser(lue) !== normaliser(recent.texte)) {
      r.push({ article: num, texte: `le texte de la version ${recent.id} a changé depuis sa lecture` });
    } else if (lue === undefined) {
      r.push({ article: num, texte: `texte de la version en vigueur ${recent.id} pas encore lu (consolidation du ${c.date})` });
    }
  }
  return r;
}

/** The parameter values whose last cited version is no longer the article's last one in the package. */
export function citationsAProlonger(c: Consolidation): string[] {
  const r: string[] = [];
  for (const f of Object.values(FICHIERS_PARAMETRES)) {
    for (const p of f.parametres) {
      p.valeurs.forEach((v, i) => {
        if (i < p.valeurs.length - 1) return;
        for (const ref of [v.reference, ...(v.autresReferences ?? [])]) {
          const a = ref.article ? c.articles.get(ref.article) : undefined;
          if (!a) continue;
          const derniere = a.versions[a.versions.length - 1]!;
          const citee = ref.legiartiFin ?? ref.legiarti;
          if (citee !== derniere.id)
            r.push(`${p.nom} (${v.debut}) : ${ref.article} cité jusqu'à ${citee}, dernière version ${derniere.id} du ${derniere.debut}`);
        }
      });
    }
  }
  return r;
}

if (process.argv[1] !== undefined && /legi-nouveautes\.ts$/.test(process.argv[1])) {
  const instantane = instantaneJson as InstantaneCss;
  const version = process.argv[2] ?? derniereVersion();
  const [lu] = instantane.paquets;
  console.log(`Instantané : ${PAQUET}@${lu!.version} (CSS consolidé au ${lu!.consolidation}). Paquet comparé : ${PAQUET}@${version}.`);
  const cites = articlesCites();
  const c = lireConsolidation(version, cites);
  console.log(`CSS consolidé au ${c.date} dans ce paquet.\n`);
  const liste = nouveautes(instantane, c, cites);
  if (liste.length === 0) console.log("Aucune nouveauté pour les articles cités.");
  for (const n of liste) console.log(`- ${n.article} : ${n.texte}`);
  const aProlonger = citationsAProlonger(c);
  if (aProlonger.length > 0) {
    console.log(`\nValeurs en vigueur dont la citation s'arrête avant la dernière version (à relire puis prolonger) :`);
    for (const l of aProlonger) console.log(`- ${l}`);
  }
}
