import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as fonctions from "../functions";
import { CATALOGUE } from "../catalogue";
import { CONTENU, type ArgumentExemple } from "./contenu";
import { pageFonction, pageIndex, type MetaFonction } from "./rendu";
import { jourDepuisIso, serieDepuisJour } from "../../core/dates";

/**
 * Every help page (file name → HTML), with the examples computed by the real functions. Used by scripts/aide.ts to
 * write assets/help and by test/functions/aide.test.ts to check that the committed pages are still true.
 */

const SOURCE = path.resolve(__dirname, "../functions.ts");

/** The example arguments as Excel passes them: every argument a matrix, empty ones null, up to the declared count. */
function argumentsExcel(args: readonly ArgumentExemple[], declares: number): unknown[] {
  const tous = [...args, ...new Array<null>(Math.max(0, declares - args.length)).fill(null)];
  return tous.map((a) => {
    if (a === null) return null;
    if (typeof a === "object" && "plage" in a) return a.cellules.map((l) => [...l]);
    if (typeof a === "object") return [["pct" in a ? Number(`${a.pct}e-2`) : serieDepuisJour(jourDepuisIso(a.date))]];
    return [[a]];
  });
}

/** The example's result, as Excel would show it (REMB.VERIFIER answers asynchronously). */
export async function resultatExemple(id: string, args: readonly ArgumentExemple[], declares: number): Promise<unknown> {
  const f = (fonctions as Record<string, unknown>)[id.toLowerCase()] as ((...a: unknown[]) => unknown) | undefined;
  if (!f) throw new Error(`REMB.${id} absente de functions.ts`);
  const plages = args.map((a) => (a !== null && typeof a === "object" && "plage" in a ? `Feuil1!${a.plage}` : ""));
  return await f(...argumentsExcel(args, declares), { functionName: id, address: "Feuil1!A1", parameterAddresses: plages });
}

export async function metadonnees(): Promise<MetaFonction[]> {
  const r = await generateCustomFunctionsMetadata(SOURCE);
  if (r.errors.length > 0) throw new Error(r.errors.join("\n"));
  return (JSON.parse(r.metadataJson) as { functions: MetaFonction[] }).functions;
}

export async function pagesAide(): Promise<Map<string, string>> {
  const metas = await metadonnees();
  const pages = new Map<string, string>();
  for (const m of metas) {
    const c = CONTENU[m.id];
    if (!c) throw new Error(`Pas de contenu d'aide pour REMB.${m.id} (src/functions/aide/contenu.ts)`);
    const resultats: unknown[] = [];
    for (const e of c.exemples) resultats.push(await resultatExemple(m.id, e.args, m.parameters.length));
    pages.set(`${m.id.toLowerCase()}.html`, pageFonction(m, c, resultats));
  }
  pages.set("index.html", pageIndex(CATALOGUE));
  return pages;
}
