/**
 * A claims table for `remb calculer` benchmarks and tests: `n` seeded pseudo-random lines (same file every run) on
 * the soins, dental and hospital postes of assets/grilles/conforme.csv, French CSV (« ; », « 1234,56 »), with a
 * beneficiary column and a few lines that must be rejected (one in ten thousand: unreadable amount, missing date,
 * unknown poste). Written in blocks: ten million lines never sit in memory.
 *
 *   node .bench/sinistres.js 10000000 sinistres.csv   (bundled by bench/run.ts's esbuild step, or through tsx)
 */
import { openSync, writeSync, closeSync } from "node:fs";
import { aleatoire } from "./harnais";

export const POSTES_FACTICES: readonly { code: string; br: [number, number]; depassement: number; taux: string }[] = [
  { code: "soins.generaliste.optam", br: [2650, 3000], depassement: 0.2, taux: "0,6" },
  { code: "soins.generaliste.non-optam", br: [2500, 2650], depassement: 0.8, taux: "0,6" },
  { code: "soins.specialiste.optam", br: [3000, 6000], depassement: 0.5, taux: "0,7" },
  { code: "soins.specialiste.non-optam", br: [3000, 6000], depassement: 1.2, taux: "0,7" },
  { code: "soins.auxiliaires", br: [1500, 5000], depassement: 0, taux: "0,6" },
  { code: "soins.biologie", br: [500, 8000], depassement: 0, taux: "0,6" },
  { code: "soins.imagerie.optam", br: [2000, 20000], depassement: 0.3, taux: "0,7" },
  { code: "soins.pharmacie.65", br: [200, 5000], depassement: 0, taux: "" },
  { code: "hospi.honoraires.optam", br: [10000, 80000], depassement: 0.5, taux: "0,8" },
  { code: "dentaire.soins", br: [2300, 8000], depassement: 0, taux: "" },
];

export function ecrireSinistres(chemin: string, n: number, graine = 7): void {
  const r = aleatoire(graine);
  const fd = openSync(chemin, "w");
  let morceau = "id;date_soins;beneficiaire;poste;frais;base;taux_ro;secteur;retenue\n";
  const euros = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, "0")}`;
  for (let i = 0; i < n; i++) {
    const p = POSTES_FACTICES[Math.floor(r() * POSTES_FACTICES.length)]!;
    const br = p.br[0] + Math.floor(r() * (p.br[1] - p.br[0]));
    const fr = br + (r() < 0.5 ? Math.floor(r() * p.depassement * br) : 0);
    const jour = Math.floor(r() * 1096);
    const d = new Date(Date.UTC(2024, 0, 1) + jour * 86400000).toISOString().slice(0, 10);
    const benef = `B${Math.floor(r() * 200000)}`;
    const retenue = p.code.startsWith("soins.generaliste") || p.code.startsWith("soins.specialiste") || p.code === "soins.biologie" ? "PF" : "";
    let frais = euros(fr);
    let date = d;
    let code = p.code;
    const defaut = r();
    if (defaut < 0.00004) frais = "12,3,4";
    else if (defaut < 0.00007) date = "";
    else if (defaut < 0.0001) code = "soins.inconnu";
    morceau += `${i + 1};${date};${benef};${code};${frais};${euros(br)};${p.taux};${p.code.includes("non-optam") ? "NON-OPTAM" : ""};${retenue}\n`;
    if (morceau.length > 1 << 20) {
      writeSync(fd, morceau);
      morceau = "";
    }
  }
  writeSync(fd, morceau);
  closeSync(fd);
}

if (process.argv[1]?.endsWith("sinistres-factices.ts") || process.argv[1]?.endsWith("sinistres.js")) {
  ecrireSinistres(process.argv[3] ?? "sinistres.csv", Number(process.argv[2] ?? 100_000));
}
