import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Verificateur } from "../../src/cli/cli";
import type { Grille } from "../../src/core/grille";
import { unparseGarantie } from "../../src/core/garantie";
import { arbreDeTest, dossierTemporaire, fauxVerificateur, lancer } from "./outils";

/** --responsable, --collectif, --nombres reach the grid the validator is given, for every format. */
describe("cli: import options", () => {
  const tmp = dossierTemporaire();
  const grilles: Grille[] = [];
  const espion: Verificateur = (g, o) => {
    grilles.push(g);
    return fauxVerificateur()(g, o);
  };
  const vus = async (...argv: string[]) => {
    grilles.length = 0;
    await lancer(["verifier", ...argv], { cwd: tmp.chemin, verifier: espion });
    return grilles.map((g) => [g.nom, g.responsable, g.collectif]);
  };
  before(async () => {
    await arbreDeTest(tmp.chemin);
    // Bare numbers: « auto » reads 150 as 150 % BR with an alert; « euros » as 150 €.
    writeFileSync(path.join(tmp.chemin, "nombres.csv"), "Garanties;Niveau 1\nChambre particulière;150\nFrais de séjour;150\n");
  });
  after(() => tmp.supprimer());

  const FICHIERS = ["grilles/mutuelle-exemple.csv", "grilles/sous-dossier/formule-confort.json", "grilles/classeur.xlsx", "grilles/sous-dossier/sans-date.csv"];

  it("without options the grid says what it is (title « contrat responsable », JSON field) or nothing", async () => {
    assert.deepEqual(await vus(...FICHIERS), [
      ["Mutuelle Exemple — Garanties 2026", true, undefined],
      ["Formule Confort", true, undefined],
      ["Santé Plus", undefined, undefined],
      ["Grille", undefined, undefined],
    ]);
  });

  it("--non-responsable --collectif override every grid, JSON included", async () => {
    assert.deepEqual(await vus(...FICHIERS, "--non-responsable", "--collectif"), [
      ["Mutuelle Exemple — Garanties 2026", false, true],
      ["Formule Confort", false, true],
      ["Santé Plus", false, true],
      ["Grille", false, true],
    ]);
  });

  it("--responsable --individuel", async () => {
    assert.deepEqual(
      (await vus(...FICHIERS, "--responsable", "--individuel")).map((g) => g.slice(1)),
      [
        [true, false],
        [true, false],
        [true, false],
        [true, false],
      ],
    );
  });

  it("--nombres sets the unit of bare numbers in CSV grids", async () => {
    const lire = async (...o: string[]) => {
      await vus("nombres.csv", ...o);
      return grilles[0]!.lignes.map((l) => (l.cellules[0]!.garantie ? unparseGarantie(l.cellules[0]!.garantie) : "#"));
    };
    assert.deepEqual(await lire(), ["150 €", "150 % BR"]);
    assert.deepEqual(await lire("--nombres", "euros"), ["150 €", "150 €"]);
    assert.deepEqual(await lire("--nombres", "pourcentage"), ["150 % BR", "150 % BR"]);
  });
});
