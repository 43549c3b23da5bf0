import v8 from "node:v8";
import vm from "node:vm";
import { executer } from "./cli";
import { demarrerTravailleur, estTravailleurCalculer } from "./calculer/travailleur";

// The bundle is also the script of `remb calculer`'s worker threads: a worker computes blocks and nothing else.
if (estTravailleurCalculer()) demarrerTravailleur();

/**
 * A folder is checked file by file, and each file's grid, report and workbook are garbage once its report is written.
 * V8 collects old garbage only when its heap nears a limit sized from the machine's memory (4 Gio here): a batch of
 * hostile files grew to 250 Mo of dead objects. So after a file, when the process holds more than this, a full
 * collection is asked for (V8 exposes `gc` only behind a flag, set here for this process alone). The test is on the
 * heap in use, which a collection brings back to what is alive (~30 Mo with exceljs loaded), not on the resident size,
 * which V8 does not give back at once: under the threshold nothing happens, and a batch of 1 000 small grids pays a
 * handful of collections.
 */
const TAS_AVANT_COLLECTE = 64 * 1024 * 1024;

function collecteur(): () => void {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    return () => {
      const m = process.memoryUsage();
      if (m.heapUsed + m.external > TAS_AVANT_COLLECTE) gc();
    };
  } catch {
    return () => {};
  }
}

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
  executer(argv, { stdout, apresFichier: collecteur(), scriptTravailleur: __filename }).then(
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
