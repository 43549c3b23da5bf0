import { executer } from "./cli";
import { demarrerTravailleur, estTravailleurCalculer } from "./calculer/travailleur";

// The bundle is also the script of `remb calculer`'s worker threads: a worker computes blocks and nothing else.
if (estTravailleurCalculer()) demarrerTravailleur();

/**
 * Entry point of the CLI bundle (bin/remb.mjs builds it with esbuild and loads it): the real process, the real
 * validator (the default of executer).
 */
export function main(argv: readonly string[]): void {
  // `remb verifier grilles/ | head`: the reader went away. No EPIPE stack trace; the remaining output is dropped but
  // the run goes on, so the exit code is still the verdict on every file (what `set -o pipefail` reports).
  let lecteurParti = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    lecteurParti = true;
  });
  const stdout = { write: (s: string) => lecteurParti || process.stdout.write(s), isTTY: process.stdout.isTTY };
  // Worker threads run this same bundle (its path: __filename once bundled by esbuild).
  executer(argv, { stdout, scriptTravailleur: __filename }).then(
    (code) => {
      // exitCode rather than exit(): stdout may still be flushing to a pipe.
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`remb : erreur interne : ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
