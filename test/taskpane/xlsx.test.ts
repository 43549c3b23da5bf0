import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { lireXlsx as lireXlsxCli } from "../../src/cli/xlsx";
import { jourDepuisIso } from "../../src/core/dates";
import { grilleDepuisTableau, lectureDeGrille, lireCsv, detecterSeparateur, remplirFusions, decoderOctets } from "../../src/core/grille";
import { verifierGrille } from "../../src/core/responsable";
import { lireXlsx } from "../../src/taskpane/xlsx";

/**
 * The pane's XLSX reader (fflate and a small scanner, no exceljs) must read a workbook as the CLI's exceljs reader
 * does: the same grid, the same reading, the same findings, on the sample workbooks and on workbooks made from the
 * 35 real published grids of the corpus with the features printed grids use (shared and inline strings, rich text,
 * % and € formats, dates, formulas with cached results, error values, merged cells, hidden sheets).
 */
const RACINE = path.resolve(__dirname, "../..");
const EXEMPLES = path.join(RACINE, "assets/grilles");
const CORPUS = path.join(RACINE, "test/fixtures/grilles-reelles");
const DATE = jourDepuisIso("2026-06-01");

function resultat(valeurs: readonly (readonly unknown[])[], formats: readonly (readonly (string | undefined)[])[], origine: string) {
  const g = grilleDepuisTableau(valeurs, { origine, formats });
  return { lecture: lectureDeGrille(g), constats: verifierGrille(g, { date: DATE }).constats, nom: g.nom, date: g.dateEffet };
}

async function comparer(octets: Uint8Array): Promise<number> {
  const cli = await lireXlsxCli(octets);
  const volet = lireXlsx(octets);
  assert.deepEqual(
    volet.map((f) => f.nom),
    cli.map((f) => f.nom),
  );
  let lues = 0;
  for (const [i, c] of cli.entries()) {
    const v = volet[i]!;
    if (c.cellules.length === 0) {
      assert.equal(v.valeurs.length, 0);
      continue;
    }
    assert.deepEqual([v.ligne, v.colonne], [c.origine.ligne, c.origine.colonne], `${c.nom} : origine`);
    const valeurs = remplirFusions(v.valeurs, v.fusions);
    const formats = remplirFusions(v.formats, v.fusions) as (string | undefined)[][];
    const origine = `'${c.nom.replace(/'/g, "''")}'!${String.fromCharCode(64 + c.origine.colonne)}${c.origine.ligne}`;
    let attendu: ReturnType<typeof resultat> | Error;
    try {
      attendu = resultat(c.cellules, c.formats, origine);
    } catch (e) {
      attendu = e as Error;
    }
    if (attendu instanceof Error) {
      assert.throws(() => resultat(valeurs, formats, origine), { message: attendu.message });
      continue;
    }
    assert.deepEqual(resultat(valeurs, formats, origine), attendu, `${c.nom} : même grille, même lecture, mêmes constats`);
    lues++;
  }
  return lues;
}

describe("Lecteur XLSX du volet (sans exceljs)", () => {
  for (const f of readdirSync(EXEMPLES).filter((x) => x.endsWith(".xlsx"))) {
    it(`${f} : lu comme par la CLI`, async () => {
      assert.equal(await comparer(new Uint8Array(readFileSync(path.join(EXEMPLES, f)))), 1);
    });
  }

  it("conforme.xlsx : nombres, formats % et €, cellules fusionnées, tels qu'Office.js les donne", () => {
    const [f] = lireXlsx(new Uint8Array(readFileSync(path.join(EXEMPLES, "conforme.xlsx"))));
    assert.ok(f);
    assert.deepEqual([f.nom, f.ligne, f.colonne, f.fusions.length], ["Garanties 2026", 1, 1, 9]);
    assert.deepEqual([...new Set(f.formats.flat())].sort(), ['#,##0 "€"', "0%", undefined].sort());
    const i = f.formats.findIndex((l) => l.includes("0%"));
    const j = f.formats[i]!.indexOf("0%");
    assert.equal(typeof f.valeurs[i]![j], "number", "« 150 % » is 1.5 with a % format, as Excel holds it");
    // A merged range gives its value in its top-left cell only (Office.js), the rest is empty.
    const z = f.fusions[0]!;
    assert.notEqual(f.valeurs[z.ligne]![z.colonne], null);
    assert.equal(f.valeurs[z.ligne]![z.colonne + z.colonnes - 1], null);
  });

  it("les 35 grilles réelles du corpus, en classeurs : même lecture et mêmes constats que la CLI", async function () {
    this.timeout(60_000);
    const dossiers = readdirSync(CORPUS).filter((d) => !d.includes("."));
    assert.ok(dossiers.length >= 30);
    let lues = 0;
    for (const d of dossiers) {
      const texte = decoderOctets(new Uint8Array(readFileSync(path.join(CORPUS, d, "grille.csv")))).texte;
      const lignes = lireCsv(texte, detecterSeparateur(texte));
      lues += await comparer(await classeur(lignes, d));
    }
    assert.ok(lues >= dossiers.length, `${lues} feuilles lues`);
  });

  it("refuse ce qui n'est pas un classeur, avec un message qui dit quoi faire", () => {
    assert.throws(() => lireXlsx(new Uint8Array()), /Fichier vide/);
    assert.throws(() => lireXlsx(new TextEncoder().encode("Garanties;Niveau 1")), /archive ZIP attendue/);
    assert.throws(() => lireXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])), /illisible|sans xl\/workbook/);
  });
});

/**
 * A workbook from a grid's CSV cells, written the ways real files are: numbers with % or € formats where the text
 * says so, a date, a formula with its cached result, rich text, an error value, merged section rows, and a hidden
 * second sheet with a formula.
 */
async function classeur(lignes: string[][], nom: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(nom.slice(0, 31));
  lignes.forEach((l, r) => {
    l.forEach((t, c) => {
      const cell = ws.getCell(r + 2, c + 2);
      const pc = /^(\d+(?:,\d+)?) ?%$/.exec(t.trim());
      const eur = /^(\d+(?:,\d+)?) ?€$/.exec(t.trim());
      if (pc) {
        cell.value = Number(pc[1]!.replace(",", ".")) / 100;
        cell.numFmt = "0%";
      } else if (eur) {
        cell.value = Number(eur[1]!.replace(",", "."));
        cell.numFmt = '#,##0.00 "€"';
      } else if (t === "") {
        // nothing
      } else if ((r + c) % 7 === 3) {
        cell.value = { richText: [{ text: t.slice(0, 3), font: { bold: true } }, { text: t.slice(3) }] };
      } else cell.value = t;
    });
    // A section row (a label alone) merged across the table, as printed grids do.
    if (l.length > 2 && l[0] !== "" && l.slice(1).every((x) => x === "")) ws.mergeCells(r + 2, 2, r + 2, l.length + 1);
  });
  const bas = lignes.length + 3;
  ws.getCell(bas, 2).value = { formula: "1+1", result: 2 };
  ws.getCell(bas, 3).value = { error: "#N/A" };
  ws.getCell(bas, 4).value = new Date(Date.UTC(2026, 0, 1));
  ws.getCell(bas, 4).numFmt = "dd/mm/yyyy";
  ws.getCell(bas, 5).value = true;
  const cachee = wb.addWorksheet("Cachée", { state: "hidden" });
  cachee.getCell("A1").value = "Notes & « renvois » <1>";
  cachee.getCell("A2").value = { formula: 'A1&"!"', result: "Notes & « renvois » <1>!" };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
