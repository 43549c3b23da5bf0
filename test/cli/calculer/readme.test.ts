import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { executer } from "../../../src/cli/cli";
import { Capture, dossierTemporaire, RACINE } from "../outils";

/**
 * The README's `remb calculer` example is real output: the ```console block is run in-process and must match, but for
 * the line of the duration (which only has to say the same counts) and the output file, written to a temporary folder.
 */
const README = readFileSync(path.join(RACINE, "README.md"), "utf8");
const EXEMPLES = [...README.matchAll(/```console\n\$ npx remb (calculer [^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1]!.split(" "), attendu: m[2]! }));

describe("remb calculer : l'exemple du README est une sortie réelle", () => {
  const tmp = dossierTemporaire("remb-readme-");
  after(() => tmp.supprimer());

  it("le README a l'exemple", () => assert.equal(EXEMPLES.length, 1));

  for (const e of EXEMPLES) {
    it(`npx remb ${e.args.join(" ")}`, async () => {
      const i = e.args.indexOf("--sortie");
      const sortie = e.args[i + 1]!;
      const args = [...e.args];
      args[i + 1] = path.join(tmp.chemin, sortie);
      const stdout = new Capture();
      await executer(args, { stdout, stderr: new Capture(), env: {}, cwd: RACINE });
      const obtenu = stdout.texte.replace(args[i + 1]!, sortie).split("\n");
      const attendu = e.attendu.split("\n");
      assert.equal(obtenu.length, attendu.length, stdout.texte);
      for (const [k, ligne] of attendu.entries()) {
        const duree = /^(\d[\d\u202f ]*) lignes en [\d,]+ s \([\d\u202f ]+ lignes\/s\) : (.*)$/;
        const m = duree.exec(ligne);
        if (m) assert.match(obtenu[k]!, new RegExp(`^${m[1]} lignes en [\\d,]+ s \\([\\d\\u202f ]+ lignes/s\\) : ${m[2]!.replace(/[()]/g, "\\$&")}$`));
        else assert.equal(obtenu[k], ligne, `ligne ${k + 1}`);
      }
    });
  }
});

/** The README's `remb sql --executer` example: DuckDB's totals by poste, as printed (but for the duration). */
const EXEMPLES_SQL = [...README.matchAll(/```console\n\$ npx remb (sql [^\n]*)\n([\s\S]*?)```/g)].map((m) => ({ args: m[1]!.split(" "), attendu: m[2]! }));

describe("remb sql --executer : l'exemple du README est une sortie réelle", function () {
  this.timeout(60_000);

  it("le README a l'exemple", () => assert.equal(EXEMPLES_SQL.length, 1));

  for (const e of EXEMPLES_SQL) {
    it(`npx remb ${e.args.join(" ")}`, async () => {
      const stdout = new Capture();
      await executer(e.args, { stdout, stderr: new Capture(), env: {}, cwd: RACINE });
      // The README drops the trailing spaces of the empty amount columns.
      const obtenu = stdout.texte.split("\n").map((l) => l.trimEnd());
      const attendu = e.attendu.split("\n");
      assert.equal(obtenu.length, attendu.length, stdout.texte);
      for (const [k, ligne] of attendu.entries()) {
        const duree = /^(.* : \d+ lignes en )[\d,]+ s$/.exec(ligne);
        if (duree) assert.ok(obtenu[k]!.startsWith(duree[1]!) && /[\d,]+ s$/.test(obtenu[k]!), obtenu[k]);
        else assert.equal(obtenu[k], ligne, `ligne ${k + 1}`);
      }
    });
  }
});
