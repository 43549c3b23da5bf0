/**
 * Bench-only entry of the CLI: the same `executer` as bin/remb.mjs, with a stand-in validator instead of
 * verifierGrille, to measure the CLI's own cost apart from the validator's. bench/cli.bench.ts bundles it with
 * esbuild exactly as the launcher bundles src/cli/main.ts and runs it as a child process, so the figure covers
 * startup, traversal, reading, import and report writing; only the validator's own time is missing.
 *
 * The stand-in walks every line and cell of the grid and reports one `alerte` per import alert (as the real validator
 * does with « lecture » findings) plus one `erreur` on every third grid, so the report has findings to format.
 */
import { executer, type Verificateur } from "../src/cli/cli";
import { aujourdhui } from "../src/core/dates";
import type { Constat } from "../src/core/responsable";

const verifier: Verificateur = (g, o) => {
  const constats: Constat[] = [];
  for (const a of g.alertes) {
    if (a.gravite !== "alerte") continue;
    constats.push({
      regle: "lecture",
      gravite: "alerte",
      message: a.message,
      reference: "Import de la grille",
      poste: null,
      ...(a.niveau ? { niveau: a.niveau } : {}),
      ...(a.ligne ? { ligne: a.ligne } : {}),
      ...(a.adresse ? { adresse: a.adresse } : {}),
    });
  }
  let cellules = 0;
  for (const l of g.lignes) for (const c of l.cellules) if (c.garantie !== undefined) cellules++;
  const l0 = g.lignes[0];
  if (l0 && cellules % 3 === 0) {
    const c = l0.cellules[0]!;
    constats.push({
      regle: "R871-2 2°",
      gravite: "erreur",
      message: "Constat factice du banc d'essai.",
      reference: "—",
      poste: l0.poste,
      libelle: l0.libelle,
      niveau: c.niveau,
      valeur: c.texte,
      ligne: l0.ligne,
      ...(c.adresse ? { adresse: c.adresse } : {}),
    });
  }
  const n = (gr: string) => constats.filter((c) => c.gravite === gr).length;
  const [date, origineDate] =
    o.date !== undefined ? [o.date, "option" as const] : g.dateEffet !== undefined ? [g.dateEffet, "grille" as const] : [aujourdhui(), "aujourdhui" as const];
  return { grille: g.nom, date, origineDate, constats, erreurs: n("erreur"), alertes: n("alerte"), infos: n("info"), conforme: n("erreur") === 0 };
};

executer(process.argv.slice(2), { verifier }).then((code) => {
  process.exitCode = code;
});
