import { executer } from "./cli";

/**
 * Entry point of the CLI bundle (bin/remb.mjs builds it with esbuild and loads it): the real process, the real
 * validator (the default of executer).
 */
export function main(argv: readonly string[]): void {
  // `remb verifier grilles/ | head`: the reader went away; stop quietly instead of dying on an EPIPE stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  executer(argv).then(
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
