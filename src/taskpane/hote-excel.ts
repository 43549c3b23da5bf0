import type { Hote } from "./excel-io";

/** excel-io's host inside Excel: Excel.run, and the ExcelApi requirement sets this Excel supports. */
export function hoteExcel(): Hote {
  const supporte = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
  return {
    run: (lot) => Excel.run(lot),
    supporte,
    // An event handler is removed on the context that added it.
    retirer: (r) =>
      Excel.run(r.context, async (ctx) => {
        r.remove();
        await ctx.sync();
      }),
    niveauApi: () => {
      for (let m = 30; m >= 1; m--) if (supporte(`1.${m}`)) return `1.${m}`;
      return "1.1";
    },
  };
}
