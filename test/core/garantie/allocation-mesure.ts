import { jourDepuisIso } from "../../../src/core/dates";
import { evaluerGarantie, parseGarantie, type ContexteGarantie } from "../../../src/core/garantie";

/**
 * Run in a fresh Node process by garantie.test.ts: bytes allocated by 100 000 memoised parses + evaluations.
 * A separate process, because other test files can change V8's field representations of shared object shapes
 * (a double in `fr` somewhere) and make the measure depend on test order rather than on this code. The caller
 * gives a large young generation so that no scavenge hides an allocation during the measure.
 */
const textes = ["150 % BR", "100 % BR + 50 € / an", "1,5 % PMSS / jour", "30 € / séance (max 4 / an)", "TM en sus du RO"];
const ctx: ContexteGarantie = { date: jourDepuisIso("2026-03-10"), br: 3000, fr: 5400, roBrut: 2100, unites: 3 };

// The checksum stays a small integer (| 0): a growing double would itself be boxed on every row.
function tour(n: number): number {
  let puits = 0;
  for (let i = 0; i < n; i++) puits = (puits + evaluerGarantie(parseGarantie(textes[i % 5]!), ctx)) | 0;
  return puits;
}

tour(50_000); // warm-up: the JIT compiles the hot path
const avant = process.memoryUsage().heapUsed;
const puits = tour(100_000);
const apres = process.memoryUsage().heapUsed;
process.stdout.write(JSON.stringify({ octets: apres - avant, puits }));
