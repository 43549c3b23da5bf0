/**
 * `npm run bench`: every benchmark of REMB in one run. The script bundles this file with esbuild first, as webpack
 * does for Excel: run unbundled through tsx, every cross-module call goes through CommonJS interop getters and the
 * figures would describe tsx rather than REMB.
 */
import { afficher, type Mesure } from "./harnais";
import { benchCalculateurs } from "./calculateurs.bench";
import { benchFunctions } from "./functions.bench";
import { benchGrilles } from "./grilles.bench";
import { benchCli } from "./cli.bench";

function section(titre: string, mesures: readonly Mesure[]): void {
  console.log(`\n## ${titre}`);
  afficher(mesures);
}

section("Moteur de règles (src/core), entrées déjà converties", benchCalculateurs());
section("Fonctions Excel (src/functions), arguments comme Excel les passe", benchFunctions());
section("Grilles de garanties (import, vérification contrat responsable)", benchGrilles());
// Async (it generates XLSX workbooks): last, so the sections above print as before.
void benchCli().then((m) => section("CLI (remb verifier, processus complet) : 1 000 grilles CSV de 60 lignes, démarrage, XLSX", m));
