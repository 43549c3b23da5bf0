import ExcelJS from "exceljs";
import { FORMATS_NOMBRE, type FeuillePlan, type PlanComparaison } from "../core/comparaison";

/**
 * The comparison plan as an XLSX workbook (exceljs, CLI only): formulas with their cached values (what Excel shows
 * before it recalculates, and what a viewer without the add-in shows), a colour scale on the RAC columns, frozen
 * headers, landscape printing one page wide.
 */

export async function classeurComparaison(plan: PlanComparaison): Promise<Uint8Array> {
  const classeur = new ExcelJS.Workbook();
  classeur.creator = "REMB";
  ecrireFeuille(classeur, plan.comparaison, true);
  ecrireFeuille(classeur, plan.scenarios, false);
  ecrireFeuille(classeur, plan.copie, true);
  ecrireFeuille(classeur, plan.simulation, false);
  const tampon = await classeur.xlsx.writeBuffer();
  return new Uint8Array(tampon as ArrayBuffer);
}

function ecrireFeuille(classeur: ExcelJS.Workbook, f: FeuillePlan, echelle: boolean): void {
  const ws = classeur.addWorksheet(f.nom, {
    views: f.figer ? [{ state: "frozen", xSplit: f.figer.colonnes, ySplit: f.figer.lignes }] : [],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  f.largeurs.forEach((l, i) => (ws.getColumn(i + 1).width = l));
  f.cellules.forEach((ligne, r) =>
    ligne.forEach((c, k) => {
      if (c.valeur === null && c.formule === undefined) return;
      const cell = ws.getCell(r + 1, k + 1);
      if (c.formule !== undefined) {
        const resultat = c.valeur === "#VALUE!" ? { error: "#VALUE!" as const } : (c.valeur ?? undefined);
        cell.value = {
          formula: c.formule.slice(1),
          ...(resultat === undefined ? {} : { result: resultat as ExcelJS.CellFormulaValue["result"] }),
        } as ExcelJS.CellFormulaValue;
      } else if (c.format === "date" && typeof c.valeur === "number") {
        // Serial number of the 1900 system, kept as a number with a date format (exceljs would shift a JS Date by the time zone).
        cell.value = c.valeur;
      } else {
        cell.value = c.valeur;
      }
      const fmt = c.format ? FORMATS_NOMBRE[c.format] : undefined;
      if (fmt) cell.numFmt = fmt;
      if (c.gras) cell.font = { bold: true };
    }),
  );
  if (echelle && f.echelles) {
    for (const ref of f.echelles) {
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "colorScale",
            priority: 1,
            cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
            color: [{ argb: "FF63BE7B" }, { argb: "FFFFEB84" }, { argb: "FFF8696B" }],
          },
        ],
      });
    }
  }
}
