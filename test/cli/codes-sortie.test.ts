import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { arbreDeTest, dossierTemporaire, lancer } from "./outils";

/**
 * Exit codes: 0 all conforme without alert, 1 an `erreur` finding, 2 anything unreadable or unverifiable or a wrong
 * command line, 3 no erreur but a grid « conforme sous réserve » (alerts: rows or cells not checked…); 2 wins over 1,
 * 1 over 3. Run on the tree of outils.arbreDeTest with the fake validator, whose findings per grid
 * are in test/fixtures/cli/constats-factices.json (« Mutuelle Exemple » : alerte + info; « Formule Confort » and
 * « Santé Plus » : erreurs; « Grille » (sans-date.csv): none).
 */
const CAS: readonly { nom: string; argv: string[]; code: number; resume?: RegExp }[] = [
  { nom: "no finding", argv: ["grilles/sous-dossier/sans-date.csv"], code: 0, resume: /^1 grille : 1 conforme, 0 non conforme, 0 illisible\.$/m },
  {
    nom: "alerts and infos only: conforme sous réserve",
    argv: ["grilles/mutuelle-exemple.csv"],
    code: 3,
    resume: /^1 grille : 0 conforme, 1 conforme sous réserve, 0 non conforme, 0 illisible\.$/m,
  },
  { nom: "conforme and conforme sous réserve", argv: ["grilles/sous-dossier/sans-date.csv", "grilles/mutuelle-exemple.csv"], code: 3 },
  { nom: "an erreur finding (JSON grid)", argv: ["grilles/sous-dossier/formule-confort.json"], code: 1 },
  { nom: "an erreur finding (XLSX grid)", argv: ["grilles/classeur.xlsx"], code: 1 },
  {
    nom: "conforme and non conforme",
    argv: ["grilles/mutuelle-exemple.csv", "grilles/classeur.xlsx"],
    code: 1,
    resume: /^2 grilles : 0 conforme, 1 conforme sous réserve, 1 non conforme, 0 illisible\.$/m,
  },
  { nom: "the whole folder", argv: ["grilles"], code: 1, resume: /^4 grilles : 1 conforme, 1 conforme sous réserve, 2 non conformes, 0 illisible\.$/m },
  { nom: "one unreadable file", argv: ["illisibles/vide.csv"], code: 2 },
  { nom: "conforme and unreadable", argv: ["grilles/mutuelle-exemple.csv", "illisibles/vide.csv"], code: 2 },
  {
    nom: "non conforme and unreadable: 2 wins over 1",
    argv: ["grilles/classeur.xlsx", "binaire.bin"],
    code: 2,
    resume: /^2 grilles : 0 conforme, 1 non conforme, 1 illisible\.$/m,
  },
  { nom: "missing file", argv: ["grilles/mutuelle-exemple.csv", "absent.csv"], code: 2 },
  { nom: "empty folder", argv: ["grilles/mutuelle-exemple.csv", "vide"], code: 2 },
  {
    nom: "the validator refuses the grid (RembError)",
    argv: ["illisibles/trop-ancienne.json"],
    code: 2,
    resume: /^1 grille : 0 conforme, 0 non conforme, 0 illisible, 1 non vérifiée\.$/m,
  },
  { nom: "the validator crashes", argv: ["illisibles/plante.json", "grilles/mutuelle-exemple.csv"], code: 2 },
];

describe("cli: exit codes", () => {
  const tmp = dossierTemporaire();
  before(async () => {
    await arbreDeTest(tmp.chemin);
    mkdirSync(path.join(tmp.chemin, "vide"));
  });
  after(() => tmp.supprimer());

  for (const c of CAS) {
    it(`${c.nom} → ${c.code}`, async () => {
      const texte = await lancer(["verifier", ...c.argv], { cwd: tmp.chemin });
      assert.equal(texte.code, c.code, texte.stdout);
      if (c.resume) assert.match(texte.stdout, c.resume);
      // Same verdict in JSON, and the document says it too.
      const json = await lancer(["verifier", "--json", ...c.argv], { cwd: tmp.chemin });
      assert.equal(json.code, c.code);
      assert.equal(JSON.parse(json.stdout).codeSortie, c.code);
    });
  }

  it("a file that fails does not stop the others: every file is reported, in order", async () => {
    const r = await lancer(["verifier", "illisibles/vide.csv", "grilles/mutuelle-exemple.csv", "absent.csv", "grilles/classeur.xlsx"], { cwd: tmp.chemin });
    // A block starts with the file's path at the start of a line; the last such line is the summary.
    const titres = r.stdout.split("\n").filter((l) => /^\S/.test(l));
    assert.deepEqual(titres.slice(0, -1), ["illisibles/vide.csv", "grilles/mutuelle-exemple.csv", "absent.csv", "grilles/classeur.xlsx"]);
    assert.deepEqual(
      r.appels.map((a) => a.grille),
      ["Mutuelle Exemple — Garanties 2026", "Santé Plus"],
    );
  });

  const USAGE: readonly [string, string[], RegExp][] = [
    ["no command", [], /^remb : Commande manquante\./],
    ["unknown option", ["verifier", "a.csv", "--jsn"], /^remb : Option inconnue : --jsn\. Vouliez-vous dire --json \?/],
    ["bad date", ["verifier", "grilles", "--date", "2026-02-30"], /^remb : Date invalide pour --date : « 2026-02-30 » n'existe pas\.\n$/],
    ["bad date with --json", ["verifier", "grilles", "--json", "--date", "hier"], /^remb : Date invalide pour --date : « hier »/],
  ];
  for (const [nom, argv, message] of USAGE) {
    it(`wrong command line (${nom}) → 2, French message on stderr, nothing on stdout, nothing checked`, async () => {
      const r = await lancer(argv, { cwd: tmp.chemin });
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, "");
      assert.equal(r.appels.length, 0);
    });
  }

  it("aide and --version → 0 on stdout", async () => {
    for (const argv of [["aide"], ["--help"], ["aide", "verifier"], ["verifier", "-h"]]) {
      const r = await lancer(argv);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^remb( verifier)? — /);
      assert.equal(r.stderr, "");
    }
    const v = await lancer(["--version"]);
    assert.match(v.stdout, /^remb \d+\.\d+\.\d+\n$/);
  });

  it("the help of verifier documents every option the parser accepts and the four exit codes", async () => {
    const aide = (await lancer(["aide", "verifier"])).stdout;
    for (const o of [
      "--date",
      "--json",
      "--feuille",
      "--responsable",
      "--non-responsable",
      "--collectif",
      "--individuel",
      "--nombres",
      "--gravite",
      "--aide",
    ]) {
      assert.ok(aide.includes(o), o);
    }
    for (const code of ["0  ", "1  ", "2  ", "3  "]) assert.ok(aide.includes(`\n  ${code}`), code);
  });
});
