import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { lancer, ouvrirVolet, RACINE, servirDist, violationsAxe, type Serveur, type Volet } from "./navigateur/harnais";

/**
 * « Comparer » in Debian's Chromium, demo mode: two sample grids loaded one after the other, their levels added and
 * ticked with the keyboard, the comparison written on new sheets of the demo workbook; axe-core on the section.
 */
let navigateur: Browser;
let serveur: Serveur;
const ouverts: Volet[] = [];

async function tabulerJusqua(page: Page, selecteur: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selecteur)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`${selecteur} jamais atteint au clavier en ${max} tabulations`);
}

async function chargerExemple(page: Page, fichier: string): Promise<void> {
  await page.selectOption("#s-exemple", fichier);
  await page.click("#b-exemple");
  await page
    .locator("#verdict")
    .filter({ hasText: /CONFORME/ })
    .waitFor({ timeout: 15_000 });
}

describe("Volet dans Chromium : comparer des contrats", function () {
  this.timeout(90_000);
  before(async function () {
    this.timeout(60_000);
    serveur = await servirDist();
    navigateur = await lancer();
  });
  afterEach(async () => {
    for (const v of ouverts.splice(0)) await v.fermer();
  });
  after(async () => {
    await navigateur?.close();
    await serveur?.fermer();
  });

  it("deux grilles d'exemple, niveaux cochés au clavier, comparaison écrite sur trois nouvelles feuilles", async () => {
    const v = await ouvrirVolet(navigateur, serveur, { largeur: 350 });
    ouverts.push(v);
    const p = v.page;
    await chargerExemple(p, "conforme.csv");
    await p.click("#b-ajouter-comparaison");
    await chargerExemple(p, "reseau.csv");
    await tabulerJusqua(p, "#b-ajouter-comparaison");
    await p.keyboard.press("Enter");
    await p
      .locator("#m-comparer")
      .filter({ hasText: /4 niveaux de « Santé Partenaires/ })
      .waitFor();
    // 3 + 4 levels, all ticked (8 at most); untick the first with the keyboard.
    assert.equal(await p.locator("#c-niveaux input:checked").count(), 7);
    await tabulerJusqua(p, "#c-niveau-0");
    await p.keyboard.press("Space");
    assert.equal(await p.locator("#c-niveaux input:checked").count(), 6);
    await tabulerJusqua(p, "#c-profil");
    await p.keyboard.press("ArrowDown");
    await p.fill("#c-date", "2026-06-01");
    await tabulerJusqua(p, "#b-comparer");
    await p.keyboard.press("Enter");
    await p
      .locator("#m-comparer")
      .filter({ hasText: /Comparaison de 6 niveaux écrite dans « Comparaison »/ })
      .waitFor({ timeout: 15_000 });
    const ecrit = await p.evaluate(() => {
      const d = window.rembDemo!;
      const f = d.feuille("Comparaison")!;
      return { feuilles: d.feuilles.map((x) => x.nom), a1: f.lire(0, 0)?.v, formule: f.lire(12, 7)?.f, copie: d.feuille("Copie client")!.lire(12, 7)?.v };
    });
    assert.ok(ecrit.feuilles.includes("Scénarios") && ecrit.feuilles.includes("Copie client"), ecrit.feuilles.join(", "));
    assert.match(String(ecrit.a1), /^Comparaison de contrats/);
    assert.match(String(ecrit.formule), /^=REMB\.SOINS\('Scénarios'!\$E\$8:\$E\$15,/);
    // S1 on the first ticked level (Horizon Niveau 2, 150 % BR): RAC 2,00 € (the PF).
    assert.equal(ecrit.copie, 2);
    assert.deepEqual(v.erreurs, []);
    assert.deepEqual(v.refusees, []);
    assert.deepEqual(await violationsAxe(p), []);
    mkdirSync(path.join(RACINE, "captures/volet"), { recursive: true });
    await p.locator("#s-comparer").evaluate((e) => e.scrollIntoView({ block: "start" }));
    await p.screenshot({ path: path.join(RACINE, "captures/volet/comparer.png") });
    // The client copy as the demo workbook shows it (the README's picture is copied from there).
    await p.selectOption("#demo-feuille", "Copie client");
    await p.locator("#demo").evaluate((e) => e.scrollIntoView({ block: "start" }));
    await p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await p.locator("#demo").screenshot({ path: path.join(RACINE, "captures/volet/comparaison-copie-client.png") });
  });
});
