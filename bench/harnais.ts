/**
 * A minimal benchmark harness: runs `fn(i)` over a fixed set of pre-generated inputs for a time budget, several
 * rounds, and reports the median throughput. Results feed a checksum so the JIT cannot drop the work.
 */
export interface Mesure {
  nom: string;
  valeur: number;
  unite: string;
}

let puits = 0;

/**
 * A measuring loop of its own for each benchmark. One loop shared by every benchmark gets type feedback from all
 * of them: V8 optimises it for the first function measured (called directly, even inlined) and then treats the
 * call as polymorphic for all the others, which made the order of the benchmarks part of their figures (the float
 * baseline, measured first, ran in a loop that the engine had tailored for it). `new Function` compiles a fresh
 * function each time, hence fresh feedback: every benchmark is measured in a loop that sees only its function.
 */
type Boucle = (fn: (i: number) => number, debut: number, n: number) => number;
const SOURCE_BOUCLE = "return function boucle(fn, debut, n) { let s = 0; for (let k = 0; k < n; k++) s += fn(debut + k); return s; };";
function nouvelleBoucle(): Boucle {
  return new Function(SOURCE_BOUCLE)() as Boucle;
}

export function debit(nom: string, fn: (i: number) => number, options: { dureeMs?: number; tours?: number } = {}): Mesure {
  const dureeMs = options.dureeMs ?? 300;
  const tours = options.tours ?? 5;
  const boucle = nouvelleBoucle();
  // Warm-up so the measured rounds run optimised code.
  puits += boucle(fn, 0, 200_000);
  const resultats: number[] = [];
  for (let t = 0; t < tours; t++) {
    let n = 0;
    const debut = performance.now();
    let fin = debut;
    while (fin - debut < dureeMs) {
      puits += boucle(fn, n, 10_000);
      n += 10_000;
      fin = performance.now();
    }
    resultats.push((n * 1000) / (fin - debut));
  }
  resultats.sort((a, b) => a - b);
  return { nom, valeur: Math.round(resultats[Math.floor(tours / 2)]!), unite: "appels/s" };
}

/** Median wall time of one call of `fn`, in milliseconds, after `echauffement` untimed calls. */
export function duree(nom: string, fn: () => unknown, tours = 7, echauffement = 1): Mesure {
  // Warm-up calls first, so the median describes optimised code (a grid checked many times, as the CLI does).
  for (let i = 0; i < echauffement; i++) fn();
  const temps: number[] = [];
  for (let t = 0; t < tours; t++) {
    const debut = performance.now();
    const r = fn();
    temps.push(performance.now() - debut);
    if (r === undefined) puits += 1;
  }
  temps.sort((a, b) => a - b);
  return { nom, valeur: Math.round(temps[Math.floor(tours / 2)]! * 100) / 100, unite: "ms" };
}

export function afficher(mesures: readonly Mesure[]): void {
  const largeur = Math.max(...mesures.map((m) => m.nom.length));
  for (const m of mesures) {
    console.log(`${m.nom.padEnd(largeur)}  ${m.valeur.toLocaleString("fr-FR").padStart(14)} ${m.unite}`);
  }
  if (puits === Number.MIN_VALUE) console.log(""); // keeps the sink alive
}

/** Deterministic pseudo-random numbers (mulberry32) so every run measures the same inputs. */
export function aleatoire(graine: number): () => number {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
