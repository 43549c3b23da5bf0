import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { grilleDepuisXlsx, lireXlsx } from "../../src/cli/xlsx";
import { estRembError } from "../../src/core/errors";
import { unparseGarantie } from "../../src/core/garantie";
import { grilleDepuisCsv } from "../../src/core/grille";

async function octets(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A grid laid out as insurers do: title, date cell, level names merged above réseau / hors réseau, merged sections and values. */
async function classeurReseau(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Notes").getCell("A1").value = "Lisez-moi : pas de grille ici";
  const ws = wb.addWorksheet("Garanties 2026");
  ws.getCell("B2").value = "Tableau des garanties Santé Pro";
  ws.getCell("B3").value = "Date d'effet";
  ws.getCell("C3").value = new Date(Date.UTC(2026, 0, 1));
  ws.getCell("B5").value = "Postes";
  ws.getCell("C5").value = "Niveau 1";
  ws.mergeCells("C5:D5");
  ws.getCell("E5").value = "Niveau 2";
  ws.mergeCells("E5:F5");
  ["Réseau", "Hors réseau", "Réseau", "Hors réseau"].forEach((t, i) => (ws.getRow(6).getCell(3 + i).value = t));
  ws.getCell("B7").value = "OPTIQUE";
  ws.mergeCells("B7:F7");
  ws.getCell("B8").value = { richText: [{ text: "Verres " }, { text: "simples", font: { bold: true } }] };
  ws.getCell("C8").value = 200;
  ws.getCell("C8").numFmt = '#,##0.00 "€"';
  ws.getCell("D8").value = 150;
  ws.getCell("D8").numFmt = "#,##0 €";
  ws.getCell("E8").value = { formula: "C8*1.5", result: 300 } as ExcelJS.CellFormulaValue;
  ws.getCell("E8").numFmt = "0 €";
  ws.getCell("F8").value = "250 €";
  ws.getCell("B9").value = "Forfait journalier";
  ws.getCell("C9").value = "Frais réels";
  ws.mergeCells("C9:F9");
  ws.getCell("B10").value = { text: "Consultation généraliste OPTAM", hyperlink: "https://example.org" };
  for (const a of ["C10", "D10"]) {
    ws.getCell(a).value = 1.5;
    ws.getCell(a).numFmt = "0%";
  }
  for (const a of ["E10", "F10"]) {
    ws.getCell(a).value = 2;
    ws.getCell(a).numFmt = "0%";
  }
  ws.getCell("B11").value = "Consultation généraliste non OPTAM";
  ws.getCell("C11").value = { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell("D11").value = "130 % BR";
  ws.getCell("E11").value = new Date(Date.UTC(2026, 5, 1));
  ws.getCell("F11").value = "=cmd|' /C calc'!A0";
  return octets(wb);
}

describe("cli/xlsx: reading workbooks", () => {
  it("gives one 2-D array per sheet, as Office.js would: merges filled, cached results, rich text, dates as serials with their format", async () => {
    const feuilles = await lireXlsx(await classeurReseau());
    assert.deepEqual(
      feuilles.map((f) => f.nom),
      ["Notes", "Garanties 2026"],
    );
    const f = feuilles[1]!;
    assert.deepEqual(f.origine, { feuille: "Garanties 2026", ligne: 2, colonne: 2 });
    assert.equal(f.fusions, 4);
    assert.deepEqual(f.cellules[3], ["Postes", "Niveau 1", "Niveau 1", "Niveau 2", "Niveau 2"]);
    assert.deepEqual(f.cellules[5], ["OPTIQUE", "OPTIQUE", "OPTIQUE", "OPTIQUE", "OPTIQUE"]);
    assert.deepEqual(f.cellules[6], ["Verres simples", 200, 150, 300, "250 €"]);
    assert.deepEqual(f.cellules[7], ["Forfait journalier", "Frais réels", "Frais réels", "Frais réels", "Frais réels"]);
    assert.deepEqual(f.cellules[8], ["Consultation généraliste OPTAM", 1.5, 1.5, 2, 2]);
    assert.deepEqual(f.cellules[9], ["Consultation généraliste non OPTAM", "#DIV/0!", "130 % BR", 46174, "=cmd|' /C calc'!A0"]);
    assert.equal(f.cellules[1]![1], 46023); // 2026-01-01 in the 1900 date system
    assert.equal(f.formats[8]![1], "0%");
    assert.equal(f.formats[6]![2], "#,##0 €");
  });

  it("imports the grid with real A1 addresses, réseau levels and the reading of each format", async () => {
    const g = await grilleDepuisXlsx(await classeurReseau());
    assert.equal(g.nom, "Tableau des garanties Santé Pro");
    assert.equal(g.dateEffet, 20454);
    assert.deepEqual(g.source, { format: "xlsx", feuille: "Garanties 2026", lignesEntete: [5, 6] });
    assert.deepEqual(
      g.niveaux.map((n) => [n.nom, n.variante, n.famille, n.adresse]),
      [
        ["Niveau 1 — Réseau", "reseau", "Niveau 1", "'Garanties 2026'!C6"],
        ["Niveau 1 — Hors réseau", "hors-reseau", "Niveau 1", "'Garanties 2026'!D6"],
        ["Niveau 2 — Réseau", "reseau", "Niveau 2", "'Garanties 2026'!E6"],
        ["Niveau 2 — Hors réseau", "hors-reseau", "Niveau 2", "'Garanties 2026'!F6"],
      ],
    );
    const vue = g.lignes.map((l) => [l.ligne, l.adresse, l.poste, l.cellules.map((c) => (c.erreur ? `#${c.texte}` : unparseGarantie(c.garantie!)))]);
    assert.deepEqual(vue, [
      [8, "'Garanties 2026'!B8", "optique.verre.simple", ["200 €", "150 €", "300 €", "250 €"]],
      [9, "'Garanties 2026'!B9", "hospi.forfait-journalier", ["Frais réels", "Frais réels", "Frais réels", "Frais réels"]],
      [10, "'Garanties 2026'!B10", "soins.generaliste.optam", ["150 % BR", "150 % BR", "200 % BR", "200 % BR"]],
      [11, "'Garanties 2026'!B11", "soins.generaliste.non-optam", ["##DIV/0!", "130 % BR", "#2026-06-01", "#=cmd|' /C calc'!A0"]],
    ]);
    assert.deepEqual(
      g.alertes.map((a) => `${a.code}@${a.adresse}`),
      [
        "VALEUR_INATTENDUE@'Garanties 2026'!C11",
        "VALEUR_INATTENDUE@'Garanties 2026'!E11",
        "FORMULE_SUSPECTE@'Garanties 2026'!F11",
        "GARANTIE_ILLISIBLE@'Garanties 2026'!F11",
      ],
    );
  });

  it("reads the same grid from XLSX and from its CSV export", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("G");
    const lignes = [
      ["Garanties", "Niveau 1", "Niveau 2"],
      ["Frais de séjour", "100 % BR", "200 % BR"],
      ["Chambre particulière", "-", "50 € / nuit"],
      ["Verres complexes", "150 €", "300 €"],
    ];
    lignes.forEach((l) => ws.addRow(l));
    const x = await grilleDepuisXlsx(await octets(wb));
    const c = grilleDepuisCsv(lignes.map((l) => l.join(";")).join("\r\n"), { origine: "G!A1" });
    const vue = (g: typeof x) => g.lignes.map((l) => [l.adresse, l.poste, l.cellules.map((k) => [k.adresse, unparseGarantie(k.garantie!)])]);
    assert.deepEqual(vue(x), vue(c));
  });

  it("picks the named sheet, and names the sheet in errors", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Vide");
    const a = wb.addWorksheet("Sans en-tête");
    a.addRow(["Frais de séjour", "100 % BR"]);
    a.addRow(["Forfait journalier", "Frais réels"]);
    const o = await octets(wb);
    await assert.rejects(grilleDepuisXlsx(o), /Feuille « Sans en-tête » : Aucune ligne d'en-tête trouvée/);
    await assert.rejects(grilleDepuisXlsx(o, { feuille: "Autre" }), /Feuille « Autre » absente du classeur \(feuilles : Vide, Sans en-tête\)/);
    const vide = new ExcelJS.Workbook();
    vide.addWorksheet("Feuil1");
    await assert.rejects(grilleDepuisXlsx(await octets(vide)), /Classeur vide/);
  });

  it("refuses empty, non-ZIP and corrupt files with a French RembError", async () => {
    const cas: [Uint8Array, RegExp][] = [
      [new Uint8Array(), /Fichier vide/],
      [new Uint8Array(Buffer.from("Garanties;Niveau 1\n")), /n'est pas un classeur XLSX/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), /^Classeur XLSX endommagé : la fin de l'archive ZIP est introuvable/],
    ];
    for (const [o, motif] of cas) {
      await assert.rejects(lireXlsx(o), (e: unknown) => {
        assert.ok(estRembError(e), String(e));
        assert.match(e.message, motif);
        return true;
      });
    }
    const tronque = (await classeurReseau()).slice(0, 2000);
    await assert.rejects(
      lireXlsx(tronque),
      (e: unknown) => estRembError(e) && /^Classeur XLSX endommagé : la fin de l'archive ZIP est introuvable/.test(e.message),
    );
  });
});
