/**
 * `npm run bench`: every benchmark of REMB in one run, each section once. The script bundles this file with esbuild
 * first, as webpack does for Excel: run unbundled through tsx, every cross-module call goes through CommonJS interop
 * getters and the figures would describe tsx rather than REMB.
 *
 * This file is the only entry point. The section files export their benchmark and never run it themselves: in the
 * esbuild bundle every module shares the bundle's `module`, so a `require.main === module` guard in a section file
 * is true there too and ran each section a second time (twice the output, twice the wall time).
 *
 * `npm run bench -- moteur` (or `fonctions`) runs one section alone.
 */
import { afficher, type Mesure } from "./harnais";
import { benchCalculateurs } from "./calculateurs.bench";
import { benchFunctions } from "./functions.bench";

const SECTIONS: readonly { cle: string; titre: string; mesurer: () => Mesure[] }[] = [
  { cle: "moteur", titre: "Moteur de règles (src/core), entrées déjà converties", mesurer: benchCalculateurs },
  { cle: "fonctions", titre: "Fonctions Excel (src/functions), arguments comme Excel les passe", mesurer: benchFunctions },
];

const demandees = process.argv.slice(2);
const inconnues = demandees.filter((d) => !SECTIONS.some((s) => s.cle === d));
if (inconnues.length > 0) {
  console.error(`Section inconnue : ${inconnues.join(", ")} — attendu ${SECTIONS.map((s) => `« ${s.cle} »`).join(" ou ")}.`);
  process.exit(2);
}

const debut = performance.now();
for (const s of SECTIONS) {
  if (demandees.length > 0 && !demandees.includes(s.cle)) continue;
  console.log(`\n## ${s.titre}`);
  afficher(s.mesurer());
}
console.log(`\nDurée totale : ${((performance.now() - debut) / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s`);
