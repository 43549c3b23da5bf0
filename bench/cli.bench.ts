/**
 * Benchmark of the command line (target: `remb verifier` on a folder of 1 000 grid files in ≤ 5 s, one process,
 * everything included). Generates 1 000 realistic grids (variants of a 60-line insurer grid: 2 to 5 levels, values,
 * dates of effect, UTF-8 or Windows-1252, « ; » or « , », in 10 sub-folders) into a temporary folder and times the
 * CLI end to end as a child process:
 *
 * - through the real launcher (`node bin/remb.mjs`) and the real validator, text and --json: the figure the target is
 *   about;
 * - through bench/cli-factice.ts, the same CLI bundled the same way with a stand-in validator that walks each grid and
 *   returns findings (see that file): the CLI's own cost, without the validator's (it was the only figure while the
 *   validator was a stub);
 * - startup alone (`--version`): node itself, the launcher with its bundle, the same through tsx, and `npx remb`;
 * - 100 XLSX workbooks of the same grids (exceljs), per file.
 *
 * `npx tsx bench/cli.bench.ts` runs it alone; `npm run bench` runs it as the section « CLI ».
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Mesure } from "./harnais";

const RACINE = path.resolve(__dirname, "..");
const BIN = path.join(RACINE, "bin/remb.mjs");
const GRILLES = 1000;
const OBJECTIF_MS = 5000;

type Ligne = readonly [libelle: string, valeur: (niveau: number, variante: number) => string];

const pct = (base: number, pas: number) => (k: number, v: number) => `${base + pas * k + 10 * (v % 3)} % BR`;
const eur =
  (base: number, pas: number, suffixe = "") =>
  (k: number, v: number) =>
    `${base + pas * k + 5 * (v % 4)} €${suffixe}`;
const fixe = (t: string) => () => t;

/** One section title, then its lines: the layout of docs/format-grille.md §1, as insurers print it. */
const MODELE: readonly (string | Ligne)[] = [
  "HOSPITALISATION",
  ["Frais de séjour", pct(100, 50)],
  ["Honoraires chirurgicaux OPTAM", pct(100, 50)],
  ["Honoraires chirurgicaux non OPTAM", pct(100, 30)],
  ["Forfait journalier hospitalier", fixe("Frais réels")],
  ["Chambre particulière", eur(30, 15, " / jour")],
  ["Lit d'accompagnement", eur(20, 5, " / jour")],
  ["Transport sanitaire", pct(100, 25)],
  "SOINS COURANTS",
  ["Consultation généraliste OPTAM", pct(100, 25)],
  ["Consultation généraliste non OPTAM", pct(100, 20)],
  ["Consultation spécialiste OPTAM", pct(100, 50)],
  ["Consultation spécialiste non OPTAM", pct(100, 30)],
  ["Actes techniques médicaux OPTAM", pct(100, 50)],
  ["Actes techniques médicaux non OPTAM", pct(100, 30)],
  ["Imagerie médicale OPTAM", pct(100, 25)],
  ["Imagerie médicale non OPTAM", pct(100, 20)],
  ["Auxiliaires médicaux", pct(100, 25)],
  ["Analyses et examens de laboratoire", pct(100, 25)],
  ["Médicaments remboursés à 65 %", fixe("100 % BR")],
  ["Médicaments remboursés à 30 %", fixe("100 % BR")],
  ["Médicaments remboursés à 15 %", fixe("100 % BR")],
  ["Matériel médical", pct(100, 50)],
  "DENTAIRE",
  ["Soins dentaires", pct(100, 25)],
  ["Prothèses dentaires 100 % Santé", fixe("Frais réels dans la limite des HLF")],
  ["Prothèses dentaires à tarifs maîtrisés", pct(125, 75)],
  ["Prothèses dentaires à tarifs libres", pct(125, 75)],
  ["Orthodontie remboursée", pct(100, 75)],
  ["Implants dentaires", eur(0, 150, " / an")],
  ["Parodontologie", eur(0, 50, " / an")],
  "OPTIQUE",
  ["Équipement 100 % Santé", fixe("Frais réels dans la limite des PLV")],
  ["Verres simples", eur(50, 50)],
  ["Verres complexes", eur(100, 100)],
  ["Verres très complexes", eur(150, 100)],
  ["Monture", eur(30, 20)],
  ["Lentilles remboursées", (k) => `100 % BR + ${50 * k} € / an`],
  ["Lentilles non remboursées", eur(0, 50, " / an")],
  ["Chirurgie réfractive", eur(0, 150, " / œil")],
  "AIDES AUDITIVES",
  ["Aides auditives 100 % Santé", fixe("Frais réels dans la limite des PLV")],
  ["Aides auditives classe II", eur(400, 200)],
  ["Piles et accessoires", pct(100, 0)],
  "PRÉVENTION ET MÉDECINES DOUCES",
  ["Ostéopathie", (k) => `${20 + 10 * k} € / séance, max 3 séances / an`],
  ["Chiropraxie", (k) => `${20 + 10 * k} € / séance, max 3 séances / an`],
  ["Acupuncture", (k) => `${20 + 10 * k} € / séance, max 3 séances / an`],
  ["Psychologue", (k) => `${30 + 10 * k} € / séance`],
  ["Diététicien", eur(0, 25, " / an")],
  ["Vaccins non remboursés", eur(0, 20, " / an")],
  ["Cure thermale", pct(100, 0)],
  ["Sevrage tabagique", eur(0, 25, " / an")],
];

/** Excel's « CSV (séparateur : point-virgule) » on a French Windows: Windows-1252 (« € » = 0x80, « — » = 0x97, « œ » = 0x9C). */
function windows1252(texte: string): Uint8Array {
  const speciaux: Record<string, number> = { "€": 0x80, "’": 0x92, "—": 0x97, œ: 0x9c };
  return Uint8Array.from(texte, (c) => speciaux[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f));
}

/** The i-th grid as rows of cells (same content for the CSV and XLSX variants). */
export function grille(i: number): string[][] {
  const niveaux = 2 + (i % 4);
  const annee = 2024 + (i % 3);
  const lignes: string[][] = [
    [`Mutuelle ${1 + (i % 37)} — Gamme ${["Essentiel", "Confort", "Sérénité", "Pro"][i % 4]} ${annee} (${i})`],
    [`Date d'effet : 01/01/${annee} — contrat responsable`],
    ["Garanties", ...Array.from({ length: niveaux }, (_, k) => `Niveau ${k + 1}`)],
  ];
  for (const m of MODELE) lignes.push(typeof m === "string" ? [m] : [m[0], ...Array.from({ length: niveaux }, (_, k) => m[1](k, i))]);
  return lignes;
}

function csv(lignes: string[][], sep: string): string {
  const champ = (c: string) => (c.includes(sep) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c);
  const largeur = Math.max(...lignes.map((l) => l.length));
  return lignes.map((l) => [...l, ...Array(largeur - l.length).fill("")].map(champ).join(sep)).join("\r\n") + "\r\n";
}

export function genererCsv(dossier: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const sous = path.join(dossier, `assureur-${String(i % 10).padStart(2, "0")}`);
    if (i < 10) mkdirSync(sous, { recursive: true });
    const texte = csv(grille(i), i % 7 === 3 ? "," : ";");
    writeFileSync(path.join(sous, `grille-${String(i).padStart(4, "0")}.csv`), i % 5 === 2 ? windows1252(texte) : "\ufeff" + texte);
  }
}

async function genererXlsx(dossier: string, n: number): Promise<void> {
  const ExcelJS = (await import("exceljs")).default;
  for (let i = 0; i < n; i++) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Garanties");
    for (const l of grille(i)) ws.addRow(l);
    await wb.xlsx.writeFile(path.join(dossier, `grille-${String(i).padStart(4, "0")}.xlsx`));
  }
}

interface Execution {
  ms: number;
  code: number | null;
  stdout: string;
}

function lancer(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Execution {
  const debut = performance.now();
  const r = spawnSync(args[0]!, args.slice(1), { cwd: RACINE, env, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = performance.now() - debut;
  if (r.error) throw r.error;
  return { ms, code: r.status, stdout: r.stdout };
}

/** Median wall time of `tours` runs; every run must satisfy `verifier` (the CLI did the work, not an early exit). */
function mediane(nom: string, args: readonly string[], tours: number, verifier: (e: Execution) => void, env?: NodeJS.ProcessEnv): Mesure {
  const temps: number[] = [];
  for (let t = 0; t < tours; t++) {
    const e = lancer(args, env);
    verifier(e);
    temps.push(e.ms);
  }
  temps.sort((a, b) => a - b);
  return { nom, valeur: Math.round(temps[Math.floor(tours / 2)]!), unite: "ms" };
}

function attendre(code: number, resume: RegExp): (e: Execution) => void {
  return (e) => {
    if (e.code !== code || !resume.test(e.stdout)) throw new Error(`bench CLI : code ${e.code} (attendu ${code}), fin de sortie : ${e.stdout.slice(-300)}`);
  };
}

export async function benchCli(): Promise<Mesure[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "remb-bench-cli-"));
  try {
    const csvDir = path.join(tmp, "grilles");
    genererCsv(csvDir, GRILLES);
    const xlsxDir = path.join(tmp, "xlsx");
    mkdirSync(xlsxDir);
    await genererXlsx(xlsxDir, 100);

    // The stand-in entry, bundled like the launcher's (exceljs left out, loaded from node_modules).
    const factice = path.join(RACINE, ".bench/cli-factice.cjs");
    // Required at run time from the project (not bundled into .bench/run.js: esbuild cannot bundle itself).
    const esbuild = createRequire(path.join(RACINE, "package.json"))("esbuild") as typeof import("esbuild");
    esbuild.buildSync({
      absWorkingDir: RACINE,
      entryPoints: ["bench/cli-factice.ts"],
      bundle: true,
      platform: "node",
      target: "node20",
      external: ["exceljs"],
      logLevel: "warning",
      outfile: factice,
    });

    const node = process.execPath;
    const version = /^remb \d/;
    const mesures: Mesure[] = [];
    const cacheNeuf = () => ({ ...process.env, REMB_CLI_CACHE: mkdtempSync(path.join(tmp, "cache-")) });
    mesures.push(mediane("Démarrage : node -e 0 (référence)", [node, "-e", "0"], 7, () => {}));
    // First use: an empty cache folder, so the launcher builds the bundle.
    mesures.push(
      mediane("Démarrage : remb --version, première utilisation (construction du bundle)", [node, BIN, "--version"], 1, attendre(0, version), cacheNeuf()),
    );
    lancer([node, BIN, "--version"]); // the project's own cache up to date before timing
    mesures.push(mediane("Démarrage : node bin/remb.mjs --version (bundle à jour)", [node, BIN, "--version"], 7, attendre(0, version)));
    mesures.push(
      mediane(
        "Démarrage : même CLI par tsx (node --import tsx)",
        [node, "--import", "tsx", "--eval", 'import("./src/cli/main.ts").then((m) => (m.main ?? m.default.main)(["--version"]))'],
        7,
        attendre(0, version),
      ),
    );
    mesures.push(mediane("Démarrage : npx remb --version", ["npx", "remb", "--version"], 3, attendre(0, version)));

    // Every grid read and checked: no « illisible », no « non vérifiée » (exit 2 would say so).
    const toutVerifie = attendre(1, new RegExp(`^${GRILLES} grilles : \\d+ conformes?, \\d+ non conformes?, 0 illisible\\.$`, "m"));
    const jsonVerifie = (e: Execution) => {
      const doc = JSON.parse(e.stdout) as { resume: { grilles: number; illisibles: number; nonVerifiees: number } };
      if (e.code !== 1 || doc.resume.grilles !== GRILLES || doc.resume.illisibles !== 0 || doc.resume.nonVerifiees !== 0)
        throw new Error(`bench CLI --json : ${JSON.stringify(doc.resume)}`);
    };
    mesures.push(mediane(`${GRILLES} CSV, node bin/remb.mjs, validateur réel, texte`, [node, BIN, "verifier", csvDir], 3, toutVerifie));
    mesures.push(mediane(`${GRILLES} CSV, node bin/remb.mjs, validateur réel, --json`, [node, BIN, "verifier", csvDir, "--json"], 3, jsonVerifie));
    mesures.push(mediane(`${GRILLES} CSV, validateur factice, texte`, [node, factice, "verifier", csvDir], 3, toutVerifie));
    mesures.push(mediane(`${GRILLES} CSV, validateur factice, --json`, [node, factice, "verifier", csvDir, "--json"], 3, jsonVerifie));
    const x = mediane(
      "100 XLSX, node bin/remb.mjs, validateur réel",
      [node, BIN, "verifier", xlsxDir],
      3,
      attendre(1, /^100 grilles : \d+ conformes?, \d+ non conformes?, 0 illisible\.$/m),
    );
    mesures.push(x, { nom: "  soit par classeur XLSX", valeur: Math.round(x.valeur / 10) / 10, unite: "ms" });
    const pire = Math.max(...mesures.filter((m) => m.nom.startsWith(`${GRILLES} CSV, node bin/remb.mjs`)).map((m) => m.valeur));
    mesures.push({
      nom: `Objectif ${GRILLES} fichiers ≤ ${OBJECTIF_MS} ms : ${pire <= OBJECTIF_MS ? "atteint" : "MANQUÉ"} (pire cas, validateur réel)`,
      valeur: pire,
      unite: "ms",
    });
    return mesures;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Run alone only when this file is the script (`npx tsx bench/cli.bench.ts`): inside the .bench/run.js bundle,
// `require.main === module` is true for every bundled file.
if (/cli\.bench\.ts$/.test(process.argv[1] ?? "")) {
  void benchCli().then(async (m) => (await import("./harnais")).afficher(m));
}
