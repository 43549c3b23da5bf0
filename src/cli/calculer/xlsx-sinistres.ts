import { createWriteStream } from "node:fs";

/**
 * An XLSX claims table as CSV, streamed row by row with exceljs's reader (one sheet: `feuille`, else the first).
 * Numbers are written with a point, dates as AAAA-MM-JJ, texts quoted when needed. Excel itself stops at 1 048 576
 * rows; larger tables come as CSV or Parquet.
 */
export async function xlsxVersCsv(source: string, cible: string, feuille: string | undefined): Promise<void> {
  const ExcelJS = (await import("exceljs")).default;
  const sortie = createWriteStream(cible);
  const lecteur = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit" });
  let trouvee = false;
  for await (const ws of lecteur) {
    const nom = (ws as unknown as { name?: string }).name;
    if (trouvee || (feuille !== undefined && nom !== feuille)) continue;
    trouvee = true;
    let largeur = 0;
    for await (const row of ws) {
      const valeurs = (row as unknown as { values: unknown[] }).values.slice(1);
      if (largeur === 0) largeur = valeurs.length;
      const champs: string[] = [];
      for (let i = 0; i < Math.max(largeur, valeurs.length); i++) champs.push(texte(valeurs[i]));
      if (!sortie.write(`${champs.join(";")}\n`)) await new Promise<void>((ok) => sortie.once("drain", () => ok()));
    }
  }
  await new Promise<void>((ok, ko) => sortie.end((e?: Error | null) => (e ? ko(e) : ok())));
  if (!trouvee) throw new Error(feuille !== undefined ? `feuille « ${feuille} » absente du classeur.` : "classeur sans feuille.");
}

function texte(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return String(v);
  if (typeof v === "object") {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (o.result !== undefined) return texte(o.result);
    if (o.richText !== undefined) return texte(o.richText.map((r) => r.text).join(""));
    if (o.text !== undefined) return texte(o.text);
  }
  const s = String(v);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
