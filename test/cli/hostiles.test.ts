import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { echapper } from "../../src/cli/echapper";
import { verifierGrille } from "../../src/core/responsable";
import { classeurBrut, dossierPiege, ensembleHostile, feuilleGrille, GRILLE_CSV } from "./hostiles";
import { dossierTemporaire, lancer, RACINE } from "./outils";

/**
 * Issue 9: hostile inputs. Each file of the hostile set (test/cli/hostiles.ts, small variants generated here) is read
 * or refused with the French message users read, in a table; the batch goes on; nothing blocks, nothing is modified,
 * nothing written, no English from a library or the system reaches the user, no control character reaches the
 * terminal. Peak memory on the full-size set is measured by bench/hostiles.bench.ts, not here.
 */

type Attendu = string | { readonly verdict: string; readonly alertes?: readonly string[] };

const ATTENDUS: Readonly<Record<string, Attendu>> = {
  "bombe-feuille.xlsx":
    "Classeur XLSX refusé : la partie « xl/worksheets/sheet1.xml » annonce 24,5 Mo une fois décompressée (au plus 3 Mo par partie, 6 Mo en tout). Celles d'un classeur de garanties font quelques centaines de Ko : ce classeur n'en est pas un (ou c'est une « bombe » ZIP). Exportez la feuille de la grille en CSV.",
  "bombe-menteuse.xlsx":
    "Classeur XLSX refusé : la partie « xl/worksheets/sheet1.xml » fait plus de 3 Mo une fois décompressée (au plus 3 Mo par partie, 6 Mo en tout). Celles d'un classeur de garanties font quelques centaines de Ko : ce classeur n'en est pas un (ou c'est une « bombe » ZIP). Exportez la feuille de la grille en CSV.",
  "bombe-textes.xlsx":
    "Classeur XLSX refusé : la partie « xl/sharedStrings.xml » fait plus de 3 Mo une fois décompressée (au plus 3 Mo par partie, 6 Mo en tout). Celles d'un classeur de garanties font quelques centaines de Ko : ce classeur n'en est pas un (ou c'est une « bombe » ZIP). Exportez la feuille de la grille en CSV.",
  "fusion-geante.xlsx":
    "Classeur XLSX refusé : plus de 20 000 cellules remplies ou fusionnées dans ses feuilles (au plus 20 000). Une grille en a quelques milliers : enregistrez la feuille de la grille seule dans un nouveau classeur, ou en CSV.",
  "fusions-nombreuses.xlsx":
    "Classeur XLSX refusé : plus de 5 000 plages de cellules fusionnées (au plus 5 000). Une grille en a quelques dizaines ; exportez la feuille de la grille en CSV.",
  "cellules.xlsx":
    "Classeur XLSX refusé : plus de 20 000 cellules remplies ou fusionnées dans ses feuilles (au plus 20 000). Une grille en a quelques milliers : enregistrez la feuille de la grille seule dans un nouveau classeur, ou en CSV.",
  "cellules-vides.xlsx": { verdict: "conforme" },
  // What exceljs would expand cell by cell (a validation on A1:XFD1048576, 2 000 <col> of 16 384 columns) is removed: read.
  "validation-geante.xlsx": { verdict: "conforme" },
  "colonnes-geantes.xlsx": { verdict: "conforme" },
  // No entity is expanded: exceljs's parser refuses the DOCTYPE, and its English message is replaced.
  "entites.xlsx":
    "Classeur XLSX illisible : sa structure interne n'est pas celle d'un classeur Excel valide. Ouvrez-le dans Excel et réenregistrez-le, ou exportez la feuille en CSV.",
  "tronque.xlsx": "Classeur XLSX endommagé : la fin de l'archive ZIP est introuvable (fichier tronqué ou incomplet ?). Téléchargez-le ou copiez-le à nouveau.",
  "deflate-casse.xlsx":
    "Classeur XLSX endommagé : la partie « xl/worksheets/sheet1.xml » ne se décompresse pas. Ouvrez-le dans Excel et réenregistrez-le, ou exportez la feuille en CSV.",
  "chiffre.xlsx": "Classeur XLSX chiffré : enregistrez-le sans mot de passe, ou exportez la feuille en CSV.",
  "methode.xlsx":
    "Classeur XLSX illisible : la partie « xl/worksheets/sheet1.xml » est compressée d'une manière qu'Excel n'utilise pas (méthode 12). Ouvrez-le dans Excel et réenregistrez-le.",
  "protege.xlsx": "Classeur protégé par mot de passe, ou ancien classeur Excel (.xls) : enregistrez-le sans mot de passe au format .xlsx, ou en CSV.",
  "sans-classeur.xlsx":
    "Archive ZIP sans classeur Excel (pas de « xl/workbook.xml ») : ce n'est pas un fichier .xlsx ; un tableau de garanties CSV, XLSX ou JSON est attendu.",
  "entrees.xlsx": "Classeur XLSX refusé : 10 001 éléments dans l'archive (au plus 10 000). Un classeur en a quelques dizaines.",
  "feuille-lointaine.xlsx":
    "Feuille « Grille » trop grande : 50 000 lignes utilisées, de la ligne 1 à la ligne 50 000 (au plus 2 000). Un tableau de garanties compte quelques centaines de lignes ; si celui-ci est plus court, effacez ce qui est rempli loin en dessous (ligne 50 000).",
  "cinquante-mille-lignes.csv":
    "Grille trop grande : plus de 2 000 lignes (ligne 2 001 remplie). Un tableau de garanties compte quelques centaines de lignes : ce fichier n'en est pas un, ou il en contient plusieurs.",
  "cellules.csv": "Grille trop grande : plus de 5 000 cellules remplies (limite atteinte ligne 385). Un tableau de garanties en compte quelques milliers.",
  "separateurs.csv":
    "Grille trop large : plus de 500 colonnes remplies à la ligne 3 (au plus 500). Un tableau de garanties a une colonne de libellés et une colonne par niveau ; le séparateur du fichier est-il le bon ?",
  "gros.csv": "Fichier trop gros (6 Mo) : au plus 5 Mo pour un tableau de garanties CSV ou JSON, qui fait d'ordinaire quelques dizaines de Ko.",
  "gros.json": "Fichier trop gros (6 Mo) : au plus 5 Mo pour un tableau de garanties CSV ou JSON, qui fait d'ordinaire quelques dizaines de Ko.",
  // A stray quote swallowing 56 lines: read, the swallowed line reported and left unchecked, never plainly « conforme ».
  "guillemet.csv": { verdict: "sous-reserve", alertes: ["LIGNES_FUSIONNEES"] },
  "utf32-bom.csv": { verdict: "sous-reserve" },
  "utf32.csv": { verdict: "sous-reserve" },
  "melange.csv":
    "Encodage mélangé : le fichier contient du texte UTF-8 (ligne 2 : « Frais de séjour;100 % BR ») et du texte Windows-1252 (ligne 3 : « Santé globale;Néant ») ; lu d'une seule façon, la moitié de ses accents serait abîmée (« SantÃ© »). Ouvrez-le dans Excel et enregistrez-le en « CSV UTF-8 (délimité par des virgules) », puis vérifiez les accents.",
  "dos.csv":
    "Encodage non reconnu : ni UTF-8, ni Windows-1252 (ligne 2 : « Frais de s‚jour;100 % BR »), sans doute un texte DOS ou Mac. Ouvrez-le dans Excel et enregistrez-le en « CSV UTF-8 (délimité par des virgules) », puis vérifiez les accents.",
  "abime.csv":
    "Accents abîmés dans le fichier (ligne 3 : « SantÃ© globale;Néant ») : « Ã© » pour « é », le texte a été converti deux fois avant d'arriver ici. REMB ne vérifie pas un texte abîmé : repartez du fichier d'origine, ou corrigez les accents puis enregistrez en « CSV UTF-8 ».",
  // JSON.parse would build 100 000 nested arrays (4 Mio of « [ »: 240 Mo) before failing: refused by a scan first.
  "profond.json": "JSON invalide : plus de 32 niveaux de crochets ou d'accolades imbriqués (ligne 1) ; une grille en a quatre.",
  // JSON keys never reach an object's prototype: « __proto__ » is an unknown level like any other.
  "proto.json": "Grille JSON invalide (lignes[0].garanties) : niveau « __proto__ » inconnu (niveaux : Base).",
  "echap-\u001b[31mrouge\u001b[0m.csv": { verdict: "conforme" },
};

/** Words of the English messages met before issue 9 (zip, V8, libuv, exceljs, JSON.parse, zlib). */
const ANGLAIS =
  /\b(corrupted|can't|cannot|invalid string|name too long|lstat|unexpected|expected|error|undefined|properties|zip:|end of central|incorrect header|invalid (block|distance|stored)|not valid json|at position)\b/i;

interface GrilleJson {
  readonly fichier: string;
  readonly verdict?: string;
  readonly constats?: readonly { readonly reference: string }[];
  readonly erreur?: { readonly message: string; readonly interne: boolean };
}

async function lot(
  args: readonly string[],
  cwd: string,
  delaisLecture = { silenceMs: 400, totalMs: 5_000 },
): Promise<{ code: number; grilles: GrilleJson[]; stdout: string; stderr: string }> {
  const l = await lancer(["verifier", ...args, "--json"], { cwd, verifier: verifierGrille, delaisLecture });
  return { code: l.code, grilles: (JSON.parse(l.stdout) as { grilles: GrilleJson[] }).grilles, stdout: l.stdout, stderr: l.stderr };
}

function resultat(g: GrilleJson): Attendu {
  if (g.erreur) return g.erreur.message;
  return { verdict: g.verdict! };
}

function empreintes(dossier: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const nom of readdirSync(dossier, { recursive: true }) as string[]) {
    const p = path.join(dossier, nom);
    const st = statSync(p, { throwIfNoEntry: false });
    m.set(nom, st?.isFile() ? `${st.mtimeMs} ${createHash("sha256").update(readFileSync(p)).digest("hex")}` : "autre");
  }
  return m;
}

describe("cli: hostile inputs (issue 9)", function () {
  this.timeout(120_000);
  const tmp = dossierTemporaire("remb-hostile-");
  const r = tmp.chemin;
  const lotDir = path.join(r, "lot");
  let avant: Map<string, string>;
  let resultats: GrilleJson[] = [];
  let code = -1;

  before(async () => {
    mkdirSync(lotDir);
    for (const h of ensembleHostile(false)) await h.ecrire(path.join(lotDir, h.nom));
    avant = empreintes(r);
    const l = await lot(["lot"], r);
    resultats = l.grilles;
    code = l.code;
  });
  after(() => tmp.supprimer());

  it("the set has every case of the table, and only those", () => {
    assert.deepEqual(resultats.map((g) => path.basename(g.fichier)).sort(), Object.keys(ATTENDUS).sort());
  });

  for (const [fichier, attendu] of Object.entries(ATTENDUS)) {
    it(`${echapper(fichier)} → ${typeof attendu === "string" ? attendu.slice(0, 80) : attendu.verdict}`, () => {
      const g = resultats.find((x) => path.basename(x.fichier) === fichier)!;
      if (typeof attendu === "string") {
        assert.equal(resultat(g), attendu);
        assert.equal(g.erreur!.interne, false);
      } else {
        assert.equal(g.verdict, attendu.verdict, JSON.stringify(g.erreur ?? g.constats));
        for (const a of attendu.alertes ?? [])
          assert.ok(
            g.constats!.some((c) => c.reference.includes(a)),
            `${a} attendue`,
          );
      }
    });
  }

  it("a grid with a row that could not be checked is never plainly CONFORME: sous réserve, the row listed with its line and why, exit code 3", async () => {
    const l = await lancer(["verifier", "lot/guillemet.csv", "lot/utf32-bom.csv"], { cwd: r, verifier: verifierGrille });
    assert.equal(l.code, 3);
    assert.doesNotMatch(l.stdout, /Résultat +CONFORME —/);
    assert.equal(l.stdout.match(/Résultat +CONFORME SOUS RÉSERVE — 0 erreur, \d+ alertes? à vérifier/g)?.length, 2);
    assert.match(l.stdout, /Ligne 3 : un guillemet ouvert ligne 3 du fichier n'est fermé que ligne 58 ; ces 56 lignes sont lues comme une seule cellule/);
    assert.match(l.stdout, /Ligne 3 : « Santé globale » ne correspond à aucun poste du catalogue ; la ligne est gardée mais ne peut pas être vérifiée\./);
    assert.match(l.stdout, /^2 grilles : 0 conforme, 2 conformes sous réserve, 0 non conforme, 0 illisible\.$/m);
  });

  it("the batch goes on past every hostile file; exit code 2 (files could not be read)", () => {
    assert.equal(code, 2);
  });

  it("no English fragment from a library or the system reaches the user", () => {
    for (const g of resultats) if (g.erreur) assert.doesNotMatch(g.erreur.message, ANGLAIS, g.fichier);
  });

  it("inputs are never modified and nothing is written beside them (no archive entry extracted)", () => {
    assert.deepEqual(empreintes(r), avant);
  });

  it("no prototype pollution from JSON keys", () => {
    assert.equal((Object.prototype as Record<string, unknown>).pollue, undefined);
    assert.equal(({} as Record<string, unknown>).pollue, undefined);
  });

  it("a FIFO nobody writes to is refused after the silence delay instead of hanging", async () => {
    const tube = path.join(r, "tube.csv");
    execFileSync("mkfifo", [tube]);
    const debut = Date.now();
    const l = await lot(["tube.csv"], r, { silenceMs: 300, totalMs: 5_000 });
    assert.ok(Date.now() - debut < 3_000);
    assert.equal(l.grilles[0]!.erreur!.message, "Aucune donnée reçue de « tube.csv » en 0,3 s : c'est un tube (FIFO) sans programme qui y écrive ?");
  });

  it("a FIFO fed with a grid is read; fed forever, it is refused at the size limit", async () => {
    const tube = path.join(r, "tube-grille.csv");
    execFileSync("mkfifo", [tube]);
    writeFileSync(path.join(r, "grille.csv"), GRILLE_CSV);
    const ecrivain = spawn("sh", ["-c", "sleep 0.2; cat grille.csv > tube-grille.csv"], { cwd: r });
    const lu = await lot(["tube-grille.csv"], r, { silenceMs: 3_000, totalMs: 10_000 });
    ecrivain.kill();
    assert.equal(lu.grilles[0]!.erreur, undefined, JSON.stringify(lu.grilles[0]));
    const sans = path.join(r, "sans-fin.csv");
    execFileSync("mkfifo", [sans]);
    const yes = spawn("sh", ["-c", 'exec yes "Frais de séjour;100 % BR" > sans-fin.csv'], { cwd: r });
    try {
      const l = await lot(["sans-fin.csv"], r, { silenceMs: 3_000, totalMs: 20_000 });
      assert.equal(
        l.grilles[0]!.erreur!.message,
        "« sans-fin.csv » n'est pas un fichier ordinaire et fournit plus de 5 Mo : ce n'est pas une grille (/dev/zero, /dev/urandom ?).",
      );
    } finally {
      yes.kill();
    }
  });

  it("/dev/zero and /dev/urandom are refused at the size limit, not read whole", async () => {
    const l = await lot(["/dev/zero", "/dev/urandom"], r);
    assert.deepEqual(
      l.grilles.map((g) => g.erreur?.message),
      [
        "« /dev/zero » n'est pas un fichier ordinaire et fournit plus de 20 Mo : ce n'est pas une grille (/dev/zero, /dev/urandom ?).",
        "« /dev/urandom » n'est pas un fichier ordinaire et fournit plus de 20 Mo : ce n'est pas une grille (/dev/zero, /dev/urandom ?).",
      ],
    );
  });

  it("in a folder, a FIFO named like a grid is named and not read; a link loop is not followed", async () => {
    const d = path.join(r, "piege");
    dossierPiege(d, (p) => execFileSync("mkfifo", [p]));
    const debut = Date.now();
    const l = await lot(["piege"], r, { silenceMs: 10_000, totalMs: 60_000 });
    assert.ok(Date.now() - debut < 5_000);
    assert.deepEqual(
      l.grilles.map((g) => [g.fichier, g.erreur?.message ?? g.verdict]),
      [
        ["piege/sous/grille.csv", "sous-reserve"],
        [
          "piege/sous/tube.csv",
          "« piege/sous/tube.csv » n'est pas un fichier ordinaire (tube nommé, périphérique ou socket) : il n'est pas lu depuis un dossier ; donnez son chemin seul pour le lire.",
        ],
      ],
    );
  });

  it("a socket, a path too long, a NUL byte in a path: French messages saying what to do", async () => {
    const sock = path.join(r, "prise.csv");
    const serveur = net.createServer().listen(sock);
    await new Promise((ok) => serveur.once("listening", ok));
    try {
      const long = `${"x".repeat(300)}.csv`;
      const l = await lot(["prise.csv", long, "nul\u0000.csv"], r);
      assert.deepEqual(
        l.grilles.map((g) => g.erreur?.message),
        [
          "« prise.csv » n'est pas un fichier lisible (socket, ou périphérique absent) : une grille CSV, XLSX ou JSON est attendue.",
          `Chemin trop long (304 caractères) : « ${long.slice(0, 70)}…${long.slice(-70)} ». Un nom de fichier fait au plus 255 octets, un chemin 4 096 ; raccourcissez-le.`,
          "Chemin invalide (il contient un caractère nul) : « nul\u0000.csv ».",
        ],
      );
      for (const g of l.grilles) assert.doesNotMatch(g.erreur!.message, ANGLAIS);
    } finally {
      serveur.close();
    }
  });

  it("control characters in file names, sheet names and cells never reach the terminal raw", async () => {
    // U+009B is a C1 control some terminals obey as « ESC [ »; XML 1.0 allows it in a sheet name.
    writeFileSync(path.join(r, "feuille-c1.xlsx"), classeurBrut(feuilleGrille(), [], "Grille\u009b31m"));
    const l = await lancer(["verifier", "lot/echap-\u001b[31mrouge\u001b[0m.csv", "feuille-c1.xlsx", "nul\u0000.csv", "--lecture"], {
      cwd: r,
      verifier: verifierGrille,
    });
    assert.doesNotMatch(l.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.match(l.stdout, /lot\/echap-\\x1B\[31mrouge\\x1B\[0m\.csv/);
    assert.match(l.stdout, /Chemin invalide \(il contient un caractère nul\) : « nul\\x00\.csv »\./);
    const j = (await lot(["feuille-c1.xlsx"], r)).stdout;
    assert.doesNotMatch(j, /[\u007f-\u009f]/);
    assert.match(j, /Grille\\u009b31m/);
  });

  it("echapper: C0, DEL, C1 and bidi controls as escapes; other text untouched", () => {
    assert.equal(echapper("a\u001b[2Jb\tc\nd\re\u007f\u009b\u202eé € «»"), "a\\x1B[2Jb\\tc\\nd\\re\\x7F\\x9B\\u{202E}é € «»");
    assert.equal(echapper("Frais de séjour"), "Frais de séjour");
  });

  it("a process substitution <(…) through the real launcher: a grid is read, an endless one refused", function () {
    const bash = spawnSync("bash", ["--version"]);
    if (bash.status !== 0) this.skip();
    writeFileSync(path.join(r, "grille.csv"), GRILLE_CSV);
    const bin = path.join(RACINE, "bin/remb.mjs");
    const lu = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" verifier --json <(cat grille.csv)`], { cwd: r, encoding: "utf8" });
    const g = (JSON.parse(lu.stdout) as { grilles: GrilleJson[] }).grilles[0]!;
    assert.equal(g.erreur, undefined, lu.stdout);
    assert.match(g.fichier, /^\/dev\/fd\/\d+$/);
    const sansFin = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" verifier --json <(yes "Frais;100 % BR")`], {
      cwd: r,
      encoding: "utf8",
      timeout: 60_000,
    });
    const e = (JSON.parse(sansFin.stdout) as { grilles: GrilleJson[] }).grilles[0]!;
    assert.match(e.erreur!.message, /^« \/dev\/fd\/\d+ » n'est pas un fichier ordinaire et fournit plus de 20 Mo : ce n'est pas une grille/);
  });
});
