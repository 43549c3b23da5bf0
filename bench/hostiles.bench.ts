/**
 * Hostile inputs (issue 9): the CLI's peak memory and time on each file of the hostile set at the sizes the issue
 * reported (an XLSX sheet inflating to 1 Gio from a 1 Mo file, a shared-strings bomb, 50 000 CSV rows, merges and
 * validations over whole sheets…), on devices, a FIFO nobody writes to and an endless process substitution, on the
 * largest inputs the readers accept, and on the whole set as one folder. Target: ≤ 200 Mo whatever the input.
 *
 * Each run is `node --import bench/rss-pointe.mjs bin/remb.mjs verifier --json --lecture <entrée>` in a child process
 * (the output mode that costs the most), whose peak RSS the preloaded hook reports. The files come from
 * test/cli/hostiles.ts, where the tests use small variants of the same set. `npm run bench -- hostiles` runs it alone.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Mesure } from "./harnais";
import { echapper } from "../src/cli/echapper";
import { csvPire, ensembleHostile, xlsxPire } from "../test/cli/hostiles";

const RACINE = path.resolve(__dirname, "..");
const BIN = path.join(RACINE, "bin/remb.mjs");
const CROCHET = path.join(RACINE, "bench/rss-pointe.mjs");
const OBJECTIF_MO = 200;

interface Resultat {
  readonly cas: string;
  readonly mo: number;
  readonly s: number;
  readonly dit: string;
}

function executer(cas: string, commande: readonly string[], cwd: string, bash = false): Resultat {
  const debut = performance.now();
  const argv = [process.execPath, "--import", CROCHET, BIN, "verifier", ...commande];
  // Through a shell that forks (no `exec`): Linux keeps a process's peak RSS across fork and exec, so a child forked
  // straight from this bench (80 Mo and more, with the generated set) would report at least the bench's own size.
  const r = bash
    ? spawnSync("bash", ["-c", `${argv.map((a) => (a.startsWith("<(") ? a : `'${a}'`)).join(" ")}; exit $?`], { cwd, encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync("sh", ["-c", '"$@"; exit $?', "sh", ...argv], { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  const s = (performance.now() - debut) / 1000;
  const ko = /REMB_RSS_MAX_KO=(\d+)/.exec(r.stderr ?? "");
  if (!ko) throw new Error(`bench hostiles : ${cas} sans mesure de mémoire (code ${r.status}) : ${(r.stderr ?? "").slice(-400)}`);
  return { cas, mo: Math.round(Number(ko[1]) / 1024), s: Math.round(s * 10) / 10, dit: ceQueDit(r.stdout) };
}

/** The verdict, or the start of the message, of a one-file JSON report; the summary line of a text report. */
function ceQueDit(stdout: string): string {
  try {
    const g = (JSON.parse(stdout) as { grilles: { verdict?: string; erreur?: { message: string } }[] }).grilles[0]!;
    return g.erreur ? g.erreur.message : `lue : ${g.verdict}`;
  } catch {
    return stdout.trim().split("\n").pop() ?? "";
  }
}

export async function benchHostiles(): Promise<Mesure[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "remb-bench-hostiles-"));
  try {
    const lot = path.join(tmp, "lot");
    mkdirSync(lot);
    const debut = performance.now();
    for (const h of ensembleHostile(true)) await h.ecrire(path.join(lot, h.nom));
    console.log(`(jeu hostile généré en ${Math.round((performance.now() - debut) / 1000)} s : bombes de 1 Gio décompressé, 50 000 lignes…)`);
    const acceptes = path.join(tmp, "acceptes");
    mkdirSync(acceptes);
    writeFileSync(path.join(acceptes, "plus-grand-accepte.csv"), csvPire());
    writeFileSync(path.join(acceptes, "plus-grand-accepte.xlsx"), xlsxPire());
    execFileSync("mkfifo", [path.join(tmp, "tube-sans-ecrivain.csv")]);

    const resultats: Resultat[] = [];
    for (const h of ensembleHostile(true)) resultats.push(executer(h.nom, ["--json", "--lecture", path.join("lot", h.nom)], tmp));
    for (const f of ["plus-grand-accepte.csv", "plus-grand-accepte.xlsx"]) resultats.push(executer(f, ["--json", "--lecture", path.join("acceptes", f)], tmp));
    resultats.push(executer("/dev/zero", ["--json", "/dev/zero"], tmp));
    resultats.push(executer("/dev/urandom", ["--json", "/dev/urandom"], tmp));
    resultats.push(executer("tube (FIFO) sans écrivain", ["--json", "tube-sans-ecrivain.csv"], tmp));
    resultats.push(executer('<(yes "Frais;100 % BR") (substitution de processus sans fin)', ["--json", '<(yes "Frais;100 % BR")'], tmp, true));
    const n = ensembleHostile(true).length + 2;
    const dossier = executer(`dossier des ${n} fichiers (hostiles et 2 plus grands acceptés), en un lancement`, ["lot", "acceptes"], tmp);
    resultats.push(dossier);
    // Six copies: memory must not grow with the number of files (each is read, checked, reported, then let go).
    for (let k = 1; k <= 6; k++) {
      cpSync(lot, path.join(tmp, "six", `lot-${k}`), { recursive: true });
      cpSync(acceptes, path.join(tmp, "six", `acceptes-${k}`), { recursive: true });
    }
    const six = executer(`le même dossier six fois (${6 * n} fichiers), en un lancement`, ["six"], tmp);
    resultats.push(six);

    const largeur = Math.max(...resultats.map((r) => echapper(r.cas).length));
    console.log(`${"Entrée".padEnd(largeur)}  Pointe    Durée  Ce que dit REMB`);
    for (const r of resultats) {
      const alerte = r.mo > OBJECTIF_MO ? "  ⚠ au-delà de l'objectif" : "";
      console.log(
        `${echapper(r.cas).padEnd(largeur)}  ${String(r.mo).padStart(3)} Mo  ${r.s.toLocaleString("fr-FR").padStart(5)} s  ${echapper(r.dit).slice(0, 110)}${alerte}`,
      );
    }
    const pire = resultats.reduce((a, b) => (b.mo > a.mo ? b : a));
    return [
      { nom: `Pointe de mémoire, pire lancement (${echapper(pire.cas)}) — objectif ≤ ${OBJECTIF_MO} Mo`, valeur: pire.mo, unite: "Mo" },
      { nom: "Pointe de mémoire, tout le jeu en un lancement", valeur: dossier.mo, unite: "Mo" },
      { nom: "Durée, tout le jeu en un lancement", valeur: dossier.s, unite: "s" },
      { nom: `Pointe de mémoire, le jeu six fois (${6 * n} fichiers)`, valeur: six.mo, unite: "Mo" },
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
