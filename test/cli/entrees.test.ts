import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatDuContenu, listerEntrees, type Entree } from "../../src/cli/entrees";
import { dossierTemporaire, lancer } from "./outils";

/** What listerEntrees returns, shortened: [shown path, format or « ? », or « ! » + the problem]. */
function resume(entrees: readonly Entree[]): string[][] {
  return entrees.map((e) => [e.chemin, e.probleme !== undefined ? `! ${e.probleme}` : (e.format ?? "?")]);
}

describe("cli: inputs (files and folders)", () => {
  const tmp = dossierTemporaire();
  const r = tmp.chemin;
  const f = (rel: string, contenu = "x") => {
    mkdirSync(path.dirname(path.join(r, rel)), { recursive: true });
    writeFileSync(path.join(r, rel), contenu);
  };
  before(() => {
    for (const rel of [
      "lot/b.csv",
      "lot/B.CSV",
      "lot/a-b.csv",
      "lot/a/z.json",
      "lot/e.xlsx",
      "lot/m.xlsm",
      "lot/vieux.xls",
      "lot/t.tsv",
      "lot/notes.txt",
      "lot/lisez-moi.md",
      "lot/.cache/cache.csv",
      "lot/.DS_Store",
      "lot/~$e.xlsx",
      "lot/z/y/profond.csv",
      "seul/explicite.txt",
      "seul/sans-extension",
      "autres/notes.md",
    ]) {
      f(rel);
    }
    mkdirSync(path.join(r, "vide"));
    symlinkSync(path.join(r, "lot"), path.join(r, "lot/z/boucle"));
    symlinkSync(path.join(r, "nulle-part.csv"), path.join(r, "lot/casse.csv"));
    symlinkSync(path.join(r, "nulle-part.md"), path.join(r, "lot/casse.md"));
    symlinkSync(path.join(r, "seul/explicite.txt"), path.join(r, "lot/lien.csv"));
  });
  after(() => tmp.supprimer());

  it("walks folders depth-first in code-unit order of names; hidden files, Excel lock files, other extensions and link loops are skipped", () => {
    assert.deepEqual(resume(listerEntrees(["lot"], r)), [
      ["lot/B.CSV", "csv"],
      ["lot/a/z.json", "json"],
      ["lot/a-b.csv", "csv"],
      ["lot/b.csv", "csv"],
      ["lot/casse.csv", "! Fichier ou dossier introuvable : « lot/casse.csv »."],
      ["lot/e.xlsx", "xlsx"],
      ["lot/lien.csv", "csv"],
      ["lot/m.xlsm", "xlsx"],
      ["lot/t.tsv", "csv"],
      ["lot/vieux.xls", "csv"],
      ["lot/z/y/profond.csv", "csv"],
    ]);
  });

  it("the order does not depend on how the folder is written (./lot/, absolute path)", () => {
    const noms = (arg: string) => listerEntrees([arg], r).map((e) => path.relative(r, e.absolu));
    assert.deepEqual(noms("./lot/"), noms("lot"));
    assert.deepEqual(noms(path.join(r, "lot")), noms("lot"));
  });

  it("explicit files keep their order; a file named twice (directly and through its folder) is checked once", () => {
    assert.deepEqual(resume(listerEntrees(["lot/e.xlsx", "lot/a", "lot/a/z.json", "lot/e.xlsx"], r)), [
      ["lot/e.xlsx", "xlsx"],
      ["lot/a/z.json", "json"],
    ]);
  });

  it("explicit files: .txt is CSV (Excel's « Texte Unicode »), an unknown extension is decided by the content", () => {
    assert.deepEqual(resume(listerEntrees(["seul/explicite.txt", "seul/sans-extension"], r)), [
      ["seul/explicite.txt", "csv"],
      ["seul/sans-extension", "?"],
    ]);
  });

  it("a missing path, an empty folder or a folder without grids is a problem entry, not a silent pass", () => {
    assert.deepEqual(resume(listerEntrees(["absent.csv", "vide", "autres"], r)), [
      ["absent.csv", "! Fichier ou dossier introuvable : « absent.csv »."],
      ["vide", "! Aucune grille dans le dossier « vide » (fichiers .csv, .xlsx ou .json attendus)."],
      ["autres", "! Aucune grille dans le dossier « autres » (fichiers .csv, .xlsx ou .json attendus)."],
    ]);
  });

  const CONTENUS: readonly [string, number[] | string, string][] = [
    ["ZIP (XLSX)", [0x50, 0x4b, 0x03, 0x04], "xlsx"],
    ["JSON", '{"niveaux": []}', "json"],
    ["JSON after blanks", ' \r\n\t{"a":1}', "json"],
    ["JSON after a UTF-8 BOM", "\ufeff{}", "json"],
    ["CSV", "Garanties;Niveau 1", "csv"],
    ["JSON array (not REMB JSON): CSV reader decides", "[1]", "csv"],
    ["PDF: CSV reader names it", "%PDF-1.7", "csv"],
    ["empty", "", "csv"],
  ];
  for (const [nom, contenu, format] of CONTENUS) {
    it(`content sniffing: ${nom} → ${format}`, () => {
      const o = typeof contenu === "string" ? new TextEncoder().encode(contenu) : new Uint8Array(contenu);
      assert.equal(formatDuContenu(o), format);
    });
  }

  it("a file without extension is read with the format of its content", async () => {
    const csv = "Garanties;Niveau 1\nFrais de séjour;100 % BR\n";
    f("sniff/grille-csv", csv);
    f("sniff/grille-json", JSON.stringify({ nom: "Sans extension", niveaux: ["Base"], lignes: [{ libelle: "Frais de séjour", garanties: ["100 % BR"] }] }));
    const l = await lancer(["verifier", "sniff/grille-csv", "sniff/grille-json", "--json"], { cwd: r });
    const doc = JSON.parse(l.stdout) as { grilles: { fichier: string; format: string; nom: string }[] };
    assert.deepEqual(
      doc.grilles.map((g) => [g.fichier, g.format, g.nom]),
      [
        ["sniff/grille-csv", "csv", "Grille"],
        ["sniff/grille-json", "json", "Sans extension"],
      ],
    );
    assert.equal(l.code, 0);
  });
});
