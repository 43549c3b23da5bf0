/**
 * `npm run bench`: every benchmark of REMB in one run. The script bundles this file with esbuild first, as webpack
 * does for Excel: run unbundled through tsx, every cross-module call goes through CommonJS interop getters and the
 * figures would describe tsx rather than REMB.
 */
import { afficher, type Mesure } from "./harnais";
import { benchCalculateurs } from "./calculateurs.bench";
import { benchFunctions } from "./functions.bench";
import { benchGrilles } from "./grilles.bench";

function section(titre: string, mesures: readonly Mesure[]): void {
  console.log(`\n## ${titre}`);
  afficher(mesures);
}

section("Moteur de règles (src/core), entrées déjà converties", benchCalculateurs());
section("Fonctions Excel (src/functions), arguments comme Excel les passe", benchFunctions());
section("Grilles de garanties (import, vérification contrat responsable)", benchGrilles());
