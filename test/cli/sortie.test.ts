import assert from "node:assert/strict";
import { arbreDeTest, comparerGolden, dossierTemporaire, lancer } from "./outils";

/**
 * Text and JSON reports against golden files (test/fixtures/cli/sortie-*), on a tree with every kind of outcome:
 * conforme with alerts and infos, non conforme, XLSX with its sheet, no date on the grid, unreadable files of every
 * sort, a validator that refuses a grid (RembError) and one that crashes (defect).
 */
describe("cli: reports (golden files)", () => {
  const tmp = dossierTemporaire();
  const ARGS = ["verifier", "grilles", "illisibles", "binaire.bin", "introuvable.csv"];
  before(() => arbreDeTest(tmp.chemin));
  after(() => tmp.supprimer());

  it("text: one block per file, findings with rule, poste, level, cell, value, message, reference; summary line", async () => {
    const r = await lancer(ARGS, { cwd: tmp.chemin });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "");
    assert.doesNotMatch(r.stdout, /\x1b\[/, "no colour when stdout is not a terminal");
    comparerGolden("sortie-texte.txt", r.stdout);
  });

  it("JSON: one document, nothing else on stdout, the same text as JSON.stringify(…, null, 2)", async () => {
    const r = await lancer([...ARGS, "--json"], { cwd: tmp.chemin });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "");
    const doc = JSON.parse(r.stdout) as { codeSortie: number; grilles: unknown[] };
    // Streamed grid by grid, yet byte-identical to stringifying the whole document.
    assert.equal(r.stdout, JSON.stringify(doc, null, 2) + "\n");
    assert.equal(doc.codeSortie, r.code);
    comparerGolden("sortie.json", r.stdout);
  });

  it("--date reaches the validator for every grid and is shown as the option's date", async () => {
    const r = await lancer(["verifier", "grilles", "--date", "15/06/2026"], { cwd: tmp.chemin });
    assert.deepEqual([...new Set(r.appels.map((a) => a.options.date))], [20619]); // 2026-06-15
    assert.equal(r.appels.length, 4);
    assert.equal((r.stdout.match(/Date appliquée 15\/06\/2026 \(option --date\)/g) ?? []).length, 4);
  });

  it("without --date the validator gets no date (it picks the grid's, else today)", async () => {
    const r = await lancer(["verifier", "grilles"], { cwd: tmp.chemin });
    assert.ok(r.appels.every((a) => !("date" in a.options)));
    assert.match(r.stdout, /Date appliquée 01\/01\/2026 \(lue sur la grille : « Date d'effet : 01\/01\/2026 — contrat responsable »\)/);
    assert.match(r.stdout, /Date appliquée 01\/03\/2026 \(date du jour : ni --date ni date d'effet sur la grille\)/);
  });

  it("--gravite erreur lists errors only; counts stay complete and the hidden findings are counted", async () => {
    const r = await lancer(["verifier", "grilles/sous-dossier/formule-confort.json", "--gravite", "erreur"], { cwd: tmp.chemin });
    comparerGolden("sortie-gravite-erreur.txt", r.stdout);
    const j = JSON.parse(
      (await lancer(["verifier", "grilles/sous-dossier/formule-confort.json", "--gravite", "erreur", "--json"], { cwd: tmp.chemin })).stdout,
    );
    assert.deepEqual(j.grilles[0].comptes, { erreurs: 2, alertes: 1, infos: 1 });
    assert.deepEqual(
      j.grilles[0].constats.map((c: { gravite: string }) => c.gravite),
      ["erreur", "erreur"],
    );
  });

  describe("colours", () => {
    const fichier = ["verifier", "grilles/sous-dossier/formule-confort.json", "grilles/mutuelle-exemple.csv"];
    const cas: [string, { tty: boolean; env: Record<string, string> }, boolean][] = [
      ["terminal", { tty: true, env: {} }, true],
      ["terminal, NO_COLOR=1", { tty: true, env: { NO_COLOR: "1" } }, false],
      ["terminal, NO_COLOR empty (ignored, as no-color.org says)", { tty: true, env: { NO_COLOR: "" } }, true],
      ["terminal, TERM=dumb", { tty: true, env: { TERM: "dumb" } }, false],
      ["pipe", { tty: false, env: {} }, false],
      ["pipe, FORCE_COLOR=1", { tty: false, env: { FORCE_COLOR: "1" } }, true],
      ["terminal, FORCE_COLOR=0", { tty: true, env: { FORCE_COLOR: "0" } }, false],
      ["pipe, FORCE_COLOR=1 and NO_COLOR=1", { tty: false, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }, false],
    ];
    for (const [nom, o, couleurs] of cas) {
      it(`${nom} → ${couleurs ? "colours" : "plain text"}`, async () => {
        const r = await lancer(fichier, { cwd: tmp.chemin, ...o });
        assert.equal(/\x1b\[/.test(r.stdout), couleurs);
      });
    }

    it("coloured text is the plain text plus SGR sequences only", async () => {
      const avec = await lancer(fichier, { cwd: tmp.chemin, tty: true });
      const sans = await lancer(fichier, { cwd: tmp.chemin });
      assert.equal(avec.stdout.replace(/\x1b\[[0-9;]*m/g, ""), sans.stdout);
      comparerGolden("sortie-couleurs.txt", avec.stdout);
    });

    it("--json never colours, even on a terminal with FORCE_COLOR", async () => {
      const r = await lancer([...fichier, "--json"], { cwd: tmp.chemin, tty: true, env: { FORCE_COLOR: "1" } });
      assert.doesNotMatch(r.stdout, /\x1b\[/);
    });
  });

  it("a crash of the validator shows its stack on stderr only with REMB_DEBUG", async () => {
    const sans = await lancer(["verifier", "illisibles/plante.json"], { cwd: tmp.chemin });
    assert.equal(sans.stderr, "");
    const avec = await lancer(["verifier", "illisibles/plante.json"], { cwd: tmp.chemin, env: { REMB_DEBUG: "1" } });
    assert.match(avec.stderr, /^remb : illisibles\/plante\.json :\nTypeError: Cannot read properties of undefined/);
    assert.equal(avec.stdout, sans.stdout);
  });
});
