/**
 * The task pane's figures (issue « task pane »), measured in Debian's Chromium on the built dist/ in demo mode:
 *
 * - a 120-line × 6-level grid selected in the demo workbook: from the click on « Utiliser la sélection » to the
 *   findings shown (read, import, reading, check, rendering of the lines and findings, next frame), target ≤ 150 ms;
 *   the round trips to read it (target ≤ 2) and to write the report sheet (target ≤ 3);
 * - sizes (minified, gzip -9): the pane's first script and the chunks it loads, and functions.js.
 *
 * `npm run build` first; `npm run bench -- volet` runs this section alone.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { grille120x6 } from "./grille-120x6";
import type { Mesure } from "./harnais";
import { DIST, lancer, ouvrirVolet, servirDist } from "../test/taskpane/navigateur/harnais";

const TOURS = 15;

export async function benchVolet(): Promise<Mesure[]> {
  if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ absent : lancez « npm run build » avant « npm run bench -- volet ».");
  const serveur = await servirDist();
  const navigateur = await lancer();
  try {
    const v = await ouvrirVolet(navigateur, serveur, { largeur: 350, hauteur: 900 });
    const p = v.page;
    await p.evaluate((m) => {
      const d = window.rembDemo!;
      d.ajouterFeuille("Grille 120x6").poserValeurs(0, 0, m);
      d.selectionner(`'Grille 120x6'!A1:G${m.length}`);
    }, grille120x6());
    const temps: number[] = [];
    let syncsLecture = 0;
    for (let i = 0; i < TOURS + 1; i++) {
      const r = await p.evaluate(async () => {
        const d = window.rembDemo!;
        const verdict = document.getElementById("verdict")!;
        verdict.textContent = "";
        const avant = d.syncs;
        const t0 = performance.now();
        await new Promise<void>((ok) => {
          const o = new MutationObserver(() => {
            if (verdict.textContent) {
              o.disconnect();
              ok();
            }
          });
          o.observe(verdict, { childList: true, characterData: true, subtree: true });
          document.getElementById("b-selection")!.click();
        });
        // The findings are in the DOM: wait for the frame that shows them.
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        return { ms: performance.now() - t0, syncs: d.syncs - avant, lignes: document.querySelectorAll("#lignes > li").length, verdict: verdict.textContent };
      });
      if (r.lignes !== 120) throw new Error(`grille de référence mal lue : ${r.lignes} lignes (${r.verdict})`);
      if (i > 0) temps.push(r.ms); // the first click also compiles the pane's code
      syncsLecture = r.syncs;
    }
    temps.sort((a, b) => a - b);
    const ecriture = await p.evaluate(async () => {
      const d = window.rembDemo!;
      const avant = d.syncs;
      const t0 = performance.now();
      document.getElementById("b-rapport")!.click();
      const m = document.getElementById("m-ecriture")!;
      while (!/écrit|impossible/.test(m.textContent ?? "")) await new Promise((ok) => setTimeout(ok, 2));
      return { ms: performance.now() - t0, syncs: d.syncs - avant, message: m.textContent };
    });
    if (!/Rapport écrit/.test(ecriture.message ?? "")) throw new Error(ecriture.message ?? "rapport non écrit");
    if (v.erreurs.length > 0) throw new Error(v.erreurs.join("\n"));
    const arrondi = (x: number) => Math.round(x * 10) / 10;
    return [
      {
        nom: "120 × 6 : clic « Utiliser la sélection » → constats affichés (médiane, objectif ≤ 150)",
        valeur: arrondi(temps[Math.floor(temps.length / 2)]!),
        unite: "ms",
      },
      { nom: "120 × 6 : idem, le plus lent de " + TOURS, valeur: arrondi(temps.at(-1)!), unite: "ms" },
      { nom: "120 × 6 : allers-retours pour lire la sélection (objectif ≤ 2)", valeur: syncsLecture, unite: "sync" },
      { nom: "rapport de la grille 120 × 6 : allers-retours pour l'écrire (objectif ≤ 3)", valeur: ecriture.syncs, unite: "sync" },
      { nom: "rapport de la grille 120 × 6 : clic → feuille écrite", valeur: arrondi(ecriture.ms), unite: "ms" },
      ...tailles(),
    ];
  } finally {
    await navigateur.close();
    await serveur.fermer();
  }
}

function tailles(): Mesure[] {
  const ko = (f: string) => Math.round(gzipSync(readFileSync(path.join(DIST, f)), { level: 9 }).length / 102.4) / 10;
  const min = (f: string) => Math.round(statSync(path.join(DIST, f)).size / 102.4) / 10;
  // Chunks without a name are the ones webpack split out to share them: the core the pane and REMB.VERIFIER both load.
  const partages = readdirSync(DIST).filter((f) => /^\d+\.js$/.test(f));
  return [
    { nom: "taskpane.js, premier script du volet (gzip, objectif ≤ 30)", valeur: ko("taskpane.js"), unite: "Kio" },
    { nom: "volet.js, premier écran (gzip)", valeur: ko("volet.js"), unite: "Kio" },
    { nom: "controle.js, lecture et rapport (gzip)", valeur: ko("controle.js"), unite: "Kio" },
    ...partages.map((f) => ({ nom: `${f}, partagé (cœur avec REMB.VERIFIER, ou entre chunks du volet) (gzip)`, valeur: ko(f), unite: "Kio" })),
    { nom: "xlsx.js, import XLSX (gzip)", valeur: ko("xlsx.js"), unite: "Kio" },
    { nom: "demo.js, mode démonstration (gzip)", valeur: ko("demo.js"), unite: "Kio" },
    { nom: "functions.js (minifié)", valeur: min("functions.js"), unite: "Kio" },
  ];
}
