import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { grilleDepuisXlsx } from "../../src/cli/xlsx";
import { grilleDepuisCsv } from "../../src/core/grille";
import { verifierGrille } from "../../src/core/responsable";
import { classeur, dossierTemporaire, FIXTURES, RACINE } from "./outils";

/**
 * The real thing: `node bin/remb.mjs …` as a child process, with the real validator. The bundle is built into a fresh
 * cache folder (REMB_CLI_CACHE) so the first-use build is exercised too.
 */
const BIN = path.join(RACINE, "bin/remb.mjs");

interface Grille {
  fichier: string;
  nom: string | null;
  conforme?: boolean;
  comptes?: { erreurs: number; alertes: number; infos: number };
  constats?: { gravite: string; regle: string; poste: string | null; adresse: string | null; message: string; reference: string }[];
  erreur?: { etape: string; message: string; interne: boolean };
}

describe("cli: end to end (bin/remb.mjs in a child process)", function () {
  this.timeout(60_000);
  const cache = dossierTemporaire("remb-cli-cache-");
  const env: NodeJS.ProcessEnv = { ...process.env, REMB_CLI_CACHE: cache.chemin };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.REMB_DEBUG;
  const remb = (args: string[], cwd = RACINE) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8" });
    if (r.error) throw r.error;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  after(() => cache.supprimer());

  it("builds the bundle on first use, then reuses it; rebuilds when an input changed", () => {
    const v = remb(["--version"]);
    assert.equal(v.stderr, "");
    assert.equal(v.stdout, `remb ${(JSON.parse(readFileSync(path.join(RACINE, "package.json"), "utf8")) as { version: string }).version}\n`);
    assert.equal(v.code, 0);
    const bundle = path.join(cache.chemin, "cli.cjs");
    const meta = path.join(cache.chemin, "cli.meta.json");
    assert.ok(existsSync(bundle) && existsSync(meta));
    const entrees = Object.keys((JSON.parse(readFileSync(meta, "utf8")) as { entrees: Record<string, unknown> }).entrees);
    for (const f of ["src/cli/main.ts", "src/cli/cli.ts", "src/core/responsable/verifier.ts", "package.json", "scripts/cli-bundle.mjs"])
      assert.ok(entrees.includes(f), f);
    assert.ok(!entrees.some((f) => f.includes("exceljs")), "exceljs stays outside the bundle (loaded for XLSX only)");

    const construit = statSync(bundle).mtimeMs;
    remb(["--version"]);
    assert.equal(statSync(bundle).mtimeMs, construit, "up to date: not rebuilt");

    // Pretend src/cli/cli.ts changed since the build (its recorded size differs).
    const m = JSON.parse(readFileSync(meta, "utf8")) as { entrees: Record<string, [number, number]> };
    m.entrees["src/cli/cli.ts"]![1] += 1;
    writeFileSync(meta, JSON.stringify(m));
    assert.equal(remb(["--version"]).code, 0);
    assert.notEqual(statSync(bundle).mtimeMs, construit, "stale: rebuilt");
  });

  it("falls back to a temporary folder when the cache folder cannot be written", () => {
    const tmp = dossierTemporaire("remb-cli-tmpdir-");
    try {
      // /dev/null/… cannot be created (ENOTDIR), as a read-only node_modules cannot be written.
      const r = spawnSync(process.execPath, [BIN, "--version"], {
        cwd: RACINE,
        env: { ...env, REMB_CLI_CACHE: "/dev/null/remb-cli", TMPDIR: tmp.chemin },
        encoding: "utf8",
      });
      assert.equal(r.stderr, "");
      assert.equal(r.status, 0);
      assert.deepEqual(readdirSync(tmp.chemin).filter((n) => n.startsWith("remb-cli-")).length, 1);
    } finally {
      tmp.supprimer();
    }
  });

  it("wrong command line → 2, French message on stderr, nothing on stdout", () => {
    for (const [args, message] of [
      [["verifier"], "remb : Aucun fichier ni dossier à vérifier."],
      [["verifier", "x.csv", "--date", "2026-02-30"], "remb : Date invalide pour --date : « 2026-02-30 » n'existe pas."],
      [["verifier", "x.csv", "--json", "--couleur"], "remb : Option inconnue : --couleur."],
      [["controler", "x.csv"], "remb : Commande inconnue : « controler »."],
    ] as const) {
      const r = remb([...args]);
      assert.equal(r.code, 2, args.join(" "));
      assert.ok(r.stderr.startsWith(message), r.stderr);
      assert.equal(r.stdout, "");
    }
  });

  it("a reader that goes away (| head) gets no EPIPE trace; the exit code is still the verdict on every file", async () => {
    const tmp = dossierTemporaire();
    try {
      // ~180 KB of report, far more than a pipe holds (64 KB), so the CLI is still writing when the reader leaves.
      const grille = readFileSync(path.join(FIXTURES, "grilles/mutuelle-exemple.csv"));
      for (let i = 0; i < 400; i++) writeFileSync(path.join(tmp.chemin, `g${i}.csv`), grille);
      const complet = remb(["verifier", tmp.chemin]);
      const enfant = spawn(process.execPath, [BIN, "verifier", tmp.chemin], { cwd: RACINE, env, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      enfant.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      enfant.stdout.once("data", () => enfant.stdout.destroy());
      const code = await new Promise<number | null>((ok) => enfant.on("close", ok));
      assert.equal(stderr, "");
      assert.equal(code, complet.code);
    } finally {
      tmp.supprimer();
    }
  });

  it("aide → 0, the French help on stdout", () => {
    const r = remb(["aide", "verifier"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^remb verifier — vérifie des grilles de garanties/);
    assert.match(r.stdout, /Codes de sortie :/);
  });

  it("unreadable inputs → 2 with the importer's French message; text without colours through a pipe", () => {
    const vide = path.relative(RACINE, path.join(RACINE, "test/fixtures/grilles/csv/vide.csv"));
    const r = remb(["verifier", vide, "test/fixtures/grilles/csv/binaire.bin", "absent.xlsx"]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "");
    assert.doesNotMatch(r.stdout, /\x1b\[/);
    assert.match(r.stdout, /^test\/fixtures\/grilles\/csv\/vide\.csv\n {2}Résultat {7}ILLISIBLE — Fichier vide : aucun octet à lire\.\n/);
    assert.match(r.stdout, /ILLISIBLE — Contenu binaire : ce fichier n'est pas un texte CSV/);
    assert.match(r.stdout, /ILLISIBLE — Fichier ou dossier introuvable : « absent\.xlsx »\./);
    assert.match(r.stdout, /\n3 grilles : 0 conforme, 0 non conforme, 3 illisibles\.\n$/);
    const j = remb(["verifier", "--json", vide, "absent.xlsx"]);
    assert.equal(j.code, 2);
    const doc = JSON.parse(j.stdout) as { grilles: Grille[]; codeSortie: number };
    assert.deepEqual(
      doc.grilles.map((g) => [g.fichier, g.erreur?.etape, g.erreur?.message]),
      [
        [vide, "lecture", "Fichier vide : aucun octet à lire."],
        ["absent.xlsx", "lecture", "Fichier ou dossier introuvable : « absent.xlsx »."],
      ],
    );
    assert.equal(doc.codeSortie, 2);
  });

  /** Real grids through the real validator: a report that holds together, the same verdict in text and JSON. */
  function verifierReel(fichiers: string[]): { code: number | null; grilles: Grille[] } {
    const r = remb(["verifier", "--json", ...fichiers]);
    assert.equal(r.stderr, "", "nothing on stderr");
    const doc = JSON.parse(r.stdout) as { grilles: Grille[]; codeSortie: number };
    assert.equal(doc.codeSortie, r.code);
    assert.deepEqual(
      doc.grilles.map((g) => g.fichier),
      fichiers,
    );
    for (const g of doc.grilles) {
      assert.equal(g.erreur, undefined, `${g.fichier} : ${g.erreur?.message}`);
      assert.ok(g.comptes && g.constats, g.fichier);
      const n = (gr: string) => g.constats!.filter((c) => c.gravite === gr).length;
      assert.deepEqual(g.comptes, { erreurs: n("erreur"), alertes: n("alerte"), infos: n("info") });
      assert.equal(g.conforme, g.comptes.erreurs === 0);
      assert.ok(g.constats.every((c) => c.message.trim() !== "" && c.reference.trim() !== ""));
    }
    assert.equal(r.code, doc.grilles.some((g) => g.conforme === false) ? 1 : 0);
    const t = remb(["verifier", ...fichiers]);
    assert.equal(t.code, r.code);
    assert.equal(t.stderr, "");
    return { code: r.code, grilles: doc.grilles };
  }

  it("real grids (CSV, JSON) through the real validator", () => {
    const r = verifierReel([
      path.relative(RACINE, path.join(FIXTURES, "grilles/mutuelle-exemple.csv")),
      path.relative(RACINE, path.join(FIXTURES, "grilles/sous-dossier/formule-confort.json")),
    ]);
    // formule-confort.json: responsible, 2025, forfait journalier « Néant », 900 € for single-vision glasses.
    const erreurs = r.grilles[1]!.constats!.filter((c) => c.gravite === "erreur").map((c) => [c.regle, c.poste]);
    assert.deepEqual(erreurs, [
      ["R871-2 6°", "hospi.forfait-journalier"],
      ["R871-2 3° plafond", "optique.verre.simple"],
    ]);
    assert.equal(r.grilles[0]!.conforme, true);
    assert.equal(r.code, 1);
  });

  it("an XLSX workbook through the bundle: exceljs, left out of it, is found and loaded", async () => {
    const tmp = dossierTemporaire();
    try {
      const fichier = path.join(tmp.chemin, "classeur.xlsx");
      writeFileSync(fichier, await classeur());
      const r = verifierReel([fichier]);
      assert.equal(r.grilles[0]!.nom, "Santé Plus");
    } finally {
      tmp.supprimer();
    }
  });

  for (const [fichier, attendu] of [
    ["assets/grilles/conforme.csv", 0],
    ["assets/grilles/erreurs.xlsx", 1],
  ] as const) {
    it(`README example ${fichier} → exit ${attendu}, the findings of verifierGrille passed on unchanged`, async () => {
      const r = verifierReel([fichier]);
      assert.equal(r.code, attendu);
      // In-process reference: the same import and validator (the grid's printed date of effect, so no « today »).
      const octets = readFileSync(path.join(RACINE, fichier));
      const grille = fichier.endsWith(".xlsx") ? await grilleDepuisXlsx(octets) : grilleDepuisCsv(octets);
      const rapport = verifierGrille(grille);
      const champs = (c: { gravite: string; regle: string; poste: string | null; adresse?: string | null; message: string; reference: string }) => [
        c.gravite,
        c.regle,
        c.poste,
        c.adresse ?? null,
        c.message,
        c.reference,
      ];
      assert.deepEqual(r.grilles[0]!.constats!.map(champs), rapport.constats.map(champs));
    });
  }
});
