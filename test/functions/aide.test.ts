import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { metadonnees, pagesAide, resultatExemple } from "../../src/functions/aide/pages";
import { CONTENU } from "../../src/functions/aide/contenu";

/**
 * The help pages are generated (scripts/aide.ts) with results computed by the real functions. Regenerating them
 * here and comparing with the committed files makes a page that shows a result the function no longer returns a
 * failing test: run `npx tsx scripts/aide.ts` and review the change.
 */

const DOSSIER = path.resolve(__dirname, "../../assets/help");

describe("pages d'aide (assets/help)", function () {
  let pages: Map<string, string>;

  before(async () => {
    pages = await pagesAide();
  });

  it("une page par fonction déclarée, plus l'index", async () => {
    const ids = (await metadonnees()).map((m) => `${m.id.toLowerCase()}.html`);
    assert.deepEqual([...pages.keys()].sort(), [...ids, "index.html"].sort());
    const presentes = readdirSync(DOSSIER).filter((f) => f.endsWith(".html"));
    assert.deepEqual(presentes.sort(), [...pages.keys()].sort(), "pages en trop ou manquantes dans assets/help");
  });

  it("les pages commitées sont à jour (exemples recalculés par les fonctions réelles)", () => {
    for (const [nom, html] of pages) {
      const fichier = readFileSync(path.join(DOSSIER, nom), "utf8");
      assert.equal(fichier, html, `${nom} n'est plus à jour : lancez « npx tsx scripts/aide.ts »`);
    }
  });

  it("chaque fonction a des exemples, et aucun exemple ne rend une erreur", async () => {
    for (const m of await metadonnees()) {
      const c = CONTENU[m.id]!;
      assert.ok(c.exemples.length > 0, `REMB.${m.id} : aucun exemple`);
      for (const e of c.exemples) {
        const r = (await resultatExemple(m.id, e.args, m.parameters.length)) as unknown[][];
        const erreurs = r.flat().filter((v) => v !== null && typeof v === "object");
        assert.deepEqual(erreurs, [], `REMB.${m.id}(${JSON.stringify(e.args)})`);
      }
    }
  });

  it("chaque page est en français et cite au moins une référence", () => {
    for (const [nom, html] of pages) {
      assert.match(html, /<html lang="fr">/, nom);
      if (nom !== "index.html") assert.match(html, /<h2>Références<\/h2>\n<ul>\n<li>/, nom);
    }
  });
});
