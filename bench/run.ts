/**
 * `npm run bench`: every benchmark of REMB in one run, each section once. The script bundles this file with esbuild
 * first, as webpack does for Excel: run unbundled through tsx, every cross-module call goes through CommonJS interop
 * getters and the figures would describe tsx rather than REMB.
 *
 * This file is the only entry point. The section files export their benchmark and never run it themselves: in the
 * esbuild bundle every module shares the bundle's `module`, so a `require.main === module` guard in a section file
 * is true there too and ran each section a second time (twice the output, twice the wall time).
 *
 * `npm run bench -- moteur` (or `fonctions`, `grilles`, `comparaison`, `cli`, `volet`, `hostiles`) runs those sections alone; `volet`
 * needs `npm run build` first and Debian's Chromium. `calcul` (remb calculer and the SQL in DuckDB over 10 million
 * claim lines: minutes, 600 MB of files in .bench/) runs only when asked for.
 */
import { afficher, type Mesure } from "./harnais";
import { benchCalculateurs } from "./calculateurs.bench";
import { benchFunctions } from "./functions.bench";
import { benchGrilles } from "./grilles.bench";
import { benchCli } from "./cli.bench";
import { benchCalcul } from "./calcul.bench";
import { benchVolet } from "./volet.bench";
import { benchHostiles } from "./hostiles.bench";
import { benchComparaison } from "./comparaison.bench";

const SECTIONS: readonly { cle: string; titre: string; mesurer: () => Mesure[] }[] = [
  { cle: "moteur", titre: "Moteur de règles (src/core), entrées déjà converties", mesurer: benchCalculateurs },
  { cle: "fonctions", titre: "Fonctions Excel (src/functions), arguments comme Excel les passe", mesurer: benchFunctions },
  { cle: "grilles", titre: "Grilles de garanties (import, vérification contrat responsable)", mesurer: benchGrilles },
  { cle: "comparaison", titre: "Comparaison de contrats (8 niveaux × 26 scénarios ; remb comparer sur 8 grilles)", mesurer: benchComparaison },
];

const demandees = process.argv.slice(2);
const CLES = [...SECTIONS.map((s) => s.cle), "cli", "volet", "hostiles", "calcul"];
const inconnues = demandees.filter((d) => !CLES.includes(d));
if (inconnues.length > 0) {
  console.error(`Section inconnue : ${inconnues.join(", ")} — attendu ${CLES.map((c) => `« ${c} »`).join(" ou ")}.`);
  process.exit(2);
}

const debut = performance.now();
for (const s of SECTIONS) {
  if (demandees.length > 0 && !demandees.includes(s.cle)) continue;
  console.log(`\n## ${s.titre}`);
  afficher(s.mesurer());
}
// The CLI section is async (it generates XLSX workbooks): last, so the sections above print as before.
void (async () => {
  if (demandees.length === 0 || demandees.includes("cli")) {
    const m = await benchCli();
    console.log("\n## CLI (remb verifier, processus complet) : 1 000 grilles CSV de 60 lignes, démarrage, XLSX");
    afficher(m);
  }
  if (demandees.length === 0 || demandees.includes("volet")) {
    console.log("\n## Volet des grilles (dist/, mode démonstration, Chromium) : grille 120 × 6, tailles");
    afficher(await benchVolet());
  }
  if (demandees.length === 0 || demandees.includes("hostiles")) {
    console.log("\n## Entrées hostiles (remb verifier, processus complet) : pointe de mémoire et durée par entrée");
    afficher(await benchHostiles());
  }
  if (demandees.includes("calcul")) {
    console.log(
      `\n## Tables de sinistres : remb calculer et le SQL de remb sql dans DuckDB (${Number(process.env.REMB_BENCH_LIGNES ?? 10_000_000).toLocaleString("fr-FR")} lignes)`,
    );
    afficher(await benchCalcul());
  } else if (demandees.length === 0) console.log("\n(Tables de sinistres, 10 M lignes : npm run bench -- calcul)");
  console.log(`\nDurée totale : ${((performance.now() - debut) / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s`);
})();
