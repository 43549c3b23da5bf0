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

export function debit(nom: string, fn: (i: number) => number, options: { dureeMs?: number; tours?: number } = {}): Mesure {
  const dureeMs = options.dureeMs ?? 300;
  const tours = options.tours ?? 5;
  // Warm-up so the measured rounds run optimised code.
  for (let i = 0; i < 200_000; i++) puits += fn(i);
  const resultats: number[] = [];
  for (let t = 0; t < tours; t++) {
    let n = 0;
    const debut = performance.now();
    let fin = debut;
    while (fin - debut < dureeMs) {
      for (let k = 0; k < 10_000; k++) puits += fn(n + k);
      n += 10_000;
      fin = performance.now();
    }
    resultats.push((n * 1000) / (fin - debut));
  }
  resultats.sort((a, b) => a - b);
  return { nom, valeur: Math.round(resultats[Math.floor(tours / 2)]!), unite: "appels/s" };
}

/** Median wall time of one call of `fn`, in milliseconds. */
export function duree(nom: string, fn: () => unknown, tours = 7): Mesure {
  fn();
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
