import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { lireCorrections } from "../../src/core/grille";
import { lancer, ouvrirVolet, RACINE, servirDist, violationsAxe, type Serveur, type Volet } from "./navigateur/harnais";

/**
 * The built pane (dist/) in Debian's Chromium, in demo mode (no Excel here): whole flows with the keyboard only,
 * accessibility (axe-core, WCAG 2 A/AA) in light, dark and forced colours at 320 and 350 px, file imports, failures.
 * No page error and no request leaves 127.0.0.1 (office.js is served from its npm package). Screenshots of the main
 * states go to captures/volet/ (not versioned; the README's one is copied from there).
 */
export const CAPTURES = path.join(RACINE, "captures/volet");

let navigateur: Browser;
let serveur: Serveur;
const ouverts: Volet[] = [];

async function volet(o: Parameters<typeof ouvrirVolet>[2] = {}): Promise<Volet> {
  const v = await ouvrirVolet(navigateur, serveur, o);
  ouverts.push(v);
  return v;
}

/** A screenshot of what the user sees, scrolled to `voir` (the top of a section) when given. */
async function capture(page: Page, nom: string, voir?: string): Promise<void> {
  mkdirSync(CAPTURES, { recursive: true });
  if (voir) await page.locator(voir).evaluate((e) => e.scrollIntoView({ block: "start" }));
  // Content out of view (content-visibility: auto) is drawn in the frames after the scroll.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.screenshot({ path: path.join(CAPTURES, `${nom}.png`) });
}

/** Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabulerJusqua(page: Page, selecteur: string, max = 80, arriere = false): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selecteur)) return;
    await page.keyboard.press(arriere ? "Shift+Tab" : "Tab");
  }
  const actif = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  assert.fail(`${selecteur} jamais atteint au clavier en ${max} tabulations (focus sur ${actif})`);
}

/** The demo workbook's selection, typed in its address field (keyboard only too). */
async function selectionnerDemo(page: Page, feuille: string, plage: string): Promise<void> {
  await page.evaluate(([f, p]) => window.rembDemo!.selectionner(`'${f}'!${p}`), [feuille, plage] as const);
}

function sansErreurs(v: Volet): void {
  assert.deepEqual(v.erreurs, [], "aucune erreur de page ni de console");
  assert.deepEqual(v.refusees, [], `aucune requête hors de 127.0.0.1 : ${v.refusees.join(", ")}`);
}

async function attendreVerdict(page: Page): Promise<string> {
  await page
    .locator("#verdict")
    .filter({ hasText: /CONFORME/ })
    .waitFor({ timeout: 15_000 });
  return (await page.locator("#verdict").textContent()) ?? "";
}

describe("Volet dans Chromium (mode démonstration)", function () {
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

  it("s'ouvre hors d'Excel sur le classeur de démonstration : contexte, versions, aide ; rien ne sort de 127.0.0.1", async () => {
    const v = await volet();
    const p = v.page;
    assert.match((await p.locator("#contexte").textContent())!, /Mode démonstration/);
    assert.match((await p.locator("#parametres").textContent())!, /^REMB \d+\.\d+\.\d+ · paramètres légaux vérifiés le \d\d\/\d\d\/\d{4}/);
    assert.equal(await p.locator("a[href='assets/help/index.html']").count(), 1);
    assert.ok((await p.locator("#demo-feuille option").count()) >= 4, "les quatre grilles d'exemple");
    assert.ok(serveur.requetes.includes("/taskpane.html"));
    sansErreurs(v);
    await capture(p, "1-ouverture");
  });

  it("clavier seul : charger la sélection, corriger un poste, aller à la cellule d'un constat, écrire le rapport", async () => {
    const v = await volet({ largeur: 350 });
    const p = v.page;
    await selectionnerDemo(p, "Tableau de garanties", "A1:D42");
    const avant = await p.evaluate(() => JSON.stringify([...window.rembDemo!.feuille("Tableau de garanties")!.cellules]));

    await tabulerJusqua(p, "#b-selection");
    await p.keyboard.press("Enter");
    assert.match(await attendreVerdict(p), /^NON CONFORME — \d+ erreurs/);
    await capture(p, "2-lecture", "#s-lecture");
    await capture(p, "2-constats", "#s-controle");

    // Correct the poste of the first line: open it, type the option's first letters in the list, apply.
    const ligne = await p.locator("#lignes details").first().getAttribute("id");
    const n = ligne!.replace("ligne-", "");
    await tabulerJusqua(p, `#${ligne} > summary`);
    await p.keyboard.press("Enter");
    await p.locator(`#l-${n}-poste`).waitFor();
    await tabulerJusqua(p, `#l-${n}-poste`);
    await p.keyboard.type("Aucun");
    assert.equal(await p.locator(`#l-${n}-poste`).inputValue(), "aucun");
    await tabulerJusqua(p, `#l-${n}-corriger`);
    await p.keyboard.press("Enter");
    await p
      .locator("#message")
      .filter({ hasText: /Enregistrée dans le classeur/ })
      .waitFor();
    assert.equal(await p.evaluate(() => document.activeElement?.id), `l-${n}-corriger`, "le focus reste où l'utilisateur était");
    assert.match((await p.locator(`#${ligne} > summary`).textContent())!, /Poste non reconnu corrigé|corrigé/);
    const stock = await p.evaluate(() => window.rembDemo!.reglages.get("REMB.corrections.v1") as Record<string, unknown>);
    assert.deepEqual(lireCorrections(JSON.stringify(stock["feuille:Tableau de garanties"])).lignes, { [n]: null });
    await capture(p, "3-correction", `#${ligne}`);

    // Check at another date: the date field, then « Vérifier » with the keyboard.
    await tabulerJusqua(p, "#d-controle");
    await p.locator("#d-controle").fill("2019-06-01");
    await tabulerJusqua(p, "#b-verifier");
    const verdictAvant = await p.locator("#verdict").textContent();
    await p.keyboard.press("Enter");
    await p.waitForFunction((v) => document.getElementById("verdict")!.textContent !== v, verdictAvant);
    assert.match((await p.locator("#verdict").textContent())!, /CONFORME/);

    // Go to the cell of the first finding that has one.
    await tabulerJusqua(p, "#constats button.lien");
    const cible = (await p.evaluate(() => document.activeElement?.getAttribute("data-adresse")))!;
    await p.keyboard.press("Enter");
    await p.waitForFunction((c) => {
      const d = window.rembDemo!;
      const z = d.selection[0]!;
      return `'${d.active!.nom}'!${String.fromCharCode(65 + z.colonne)}${z.ligne + 1}` === c;
    }, cible);

    await tabulerJusqua(p, "#b-rapport");
    await p.keyboard.press("Enter");
    await p
      .locator("#m-ecriture")
      .filter({ hasText: /Rapport écrit dans la nouvelle feuille « Contrôle \d{4}-\d\d-\d\d »/ })
      .waitFor();
    const apres = await p.evaluate(() => JSON.stringify([...window.rembDemo!.feuille("Tableau de garanties")!.cellules]));
    assert.equal(apres, avant, "la grille n'a pas été touchée");
    const rapport = await p.evaluate(() => {
      const d = window.rembDemo!;
      const f = d.active!;
      return { nom: f.nom, tables: f.tables.map((t) => t.nom), a1: f.lire(0, 0)?.v };
    });
    assert.deepEqual(rapport.tables, ["Constats", "Referentiel"]);
    assert.match(String(rapport.a1), /^Contrôle contrat responsable — /);
    sansErreurs(v);
    await capture(p, "4-rapport-ecrit", "#demo");
  });

  it("vue d'ensemble (capture du README) : le volet à côté du classeur de démonstration, constats d'une grille non conforme", async () => {
    const v = await volet({ largeur: 1000, hauteur: 760 });
    const p = v.page;
    await selectionnerDemo(p, "Tableau de garanties", "A1:D42");
    await p.click("#b-selection");
    await attendreVerdict(p);
    await p.evaluate((c) => window.rembDemo!.selectionner(c), "'Tableau de garanties'!B8");
    await p
      .locator("#cellule-selectionnee")
      .filter({ hasText: /^B8 : / })
      .waitFor();
    await capture(p, "0-vue-ensemble", "#s-controle");
    sansErreurs(v);
  });

  it("la cellule sélectionnée dans le classeur montre sa lecture ; une correction est retrouvée en relisant la grille", async () => {
    const v = await volet();
    const p = v.page;
    await selectionnerDemo(p, "Tableau de garanties", "A1:D42");
    await p.click("#b-selection");
    await attendreVerdict(p);
    const l = (await p.locator("#lignes details").first().getAttribute("id"))!.replace("ligne-", "");
    const adresse = await p.evaluate((x) => `B${x}`, l);
    await selectionnerDemo(p, "Tableau de garanties", adresse);
    await p
      .locator("#cellule-selectionnee")
      .filter({ hasText: new RegExp(`^${adresse} : .+ — « .+ » (lu|non lu)`) })
      .waitFor();
    // A colleague's workbook: the stored correction applies when the grid is read again.
    await p.evaluate(
      (x) => window.rembDemo!.reglages.set("REMB.corrections.v1", { "feuille:Tableau de garanties": { version: 1, lignes: { [x]: "attribut" } } }),
      l,
    );
    await selectionnerDemo(p, "Tableau de garanties", "A1:D42");
    await p.click("#b-selection");
    await p.locator(`#ligne-${l} .badge.corrige`).waitFor();
    assert.match((await p.locator("#resume-lecture").textContent())!, /corrections appliquées : 1 ligne/);
    sansErreurs(v);
  });

  it("le suivi de la sélection s'arrête quand le volet est masqué et reprend quand il revient", async () => {
    const v = await volet();
    const p = v.page;
    await p.waitForFunction(() => window.rembDemo!.gestionnairesActifs === 1);
    const visibilite = (etat: "hidden" | "visible") =>
      p.evaluate((e) => {
        Object.defineProperty(document, "visibilityState", { value: e, configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
      }, etat);
    await visibilite("hidden");
    await p.waitForFunction(() => window.rembDemo!.gestionnairesActifs === 0);
    await visibilite("visible");
    await p.waitForFunction(() => window.rembDemo!.gestionnairesActifs === 1);
    sansErreurs(v);
  });

  it("colonnes entières réduites à la partie remplie ; plusieurs zones refusées avec un message clair", async () => {
    const v = await volet();
    const p = v.page;
    await selectionnerDemo(p, "Garanties 2026", "A:F");
    await p.click("#b-selection");
    await attendreVerdict(p);
    assert.match((await p.locator("#message").textContent())!, /sélection 'Garanties 2026'!A:F réduite à sa partie remplie/);
    await p.evaluate(() => window.rembDemo!.selectionner("'Garanties 2026'!A1:B5, D1:D5"));
    await p.click("#b-selection");
    await p
      .locator("#message.erreur")
      .filter({ hasText: /2 zones/ })
      .waitFor();
    sansErreurs(v);
  });

  it("grille d'exemple, fichier CSV, fichier JSON, classeur XLSX à plusieurs feuilles (choix de la feuille)", async () => {
    const v = await volet();
    const p = v.page;
    await p.selectOption("#s-exemple", "erreurs.csv");
    await p.click("#b-exemple");
    assert.match(await attendreVerdict(p), /^NON CONFORME/);
    assert.match((await p.locator("#message").textContent())!, /grille d'exemple erreurs\.csv/);

    await p.setInputFiles("#f-fichier", {
      name: "g.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Garanties;Niveau 1\nForfait journalier hospitalier;Frais réels\nHonoraires;100 % BR\n", "utf8"),
    });
    await p
      .locator("#message")
      .filter({ hasText: /fichier g\.csv/ })
      .waitFor();

    const json = {
      format: "remb-grille",
      version: 1,
      nom: "Grille JSON",
      dateEffet: "2026-01-01",
      niveaux: ["N1"],
      lignes: [{ libelle: "Forfait journalier", poste: "hospi.forfait-journalier", garanties: ["Frais réels"] }],
    };
    await p.setInputFiles("#f-fichier", { name: "g.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(json)) });
    await p
      .locator("#resume-grille")
      .filter({ hasText: /« Grille JSON »/ })
      .waitFor();
    await p.locator("#lignes details").first().locator("summary").click();
    await p
      .locator("#lignes p.aide")
      .filter({ hasText: /Grille JSON/ })
      .waitFor();

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "Mode d'emploi";
    const ws = wb.addWorksheet("Garanties");
    ws.addRows([
      ["Garanties", "Niveau 1"],
      ["Forfait journalier hospitalier", "Frais réels"],
      ["Frais de séjour", 1.5],
    ]);
    ws.getCell("B3").numFmt = "0%";
    await p.setInputFiles("#f-fichier", { name: "deux.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await p.locator("#choix-feuille:not([hidden])").waitFor();
    await p.selectOption("#s-feuille", { index: 1 });
    await p.click("#b-feuille");
    await p
      .locator("#message")
      .filter({ hasText: /fichier deux\.xlsx, feuille « Garanties »/ })
      .waitFor();
    await p.locator("#lignes details").nth(1).locator("summary").click();
    await p.locator("#lignes .cellules").filter({ hasText: "→ 150 % BR" }).waitFor();

    await p.setInputFiles("#f-fichier", { name: "vieux.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) });
    await p
      .locator("#message.erreur")
      .filter({ hasText: /enregistrez-le en XLSX/ })
      .waitFor();
    sansErreurs(v);
  });

  it("détails de la grille : date d'effet et nom changés, la grille est relue avec", async () => {
    const v = await volet();
    const p = v.page;
    await p.click("#b-selection");
    await attendreVerdict(p);
    await p.locator("#details > summary").click();
    assert.match((await p.locator("#d-date-aide").textContent())!, /Lue sur la grille : « Date d'effet : 01\/01\/2026/);
    await p.fill("#d-nom", "Horizon 2019");
    await p.fill("#d-date", "2019-06-01");
    await p.click("#f-details button[type=submit]");
    await p.locator("#resume-grille").filter({ hasText: "« Horizon 2019 »" }).waitFor();
    await p.locator("#d-date-aide").filter({ hasText: "Date saisie par vous." }).waitFor();
    sansErreurs(v);
  });

  it("une écriture refusée par Excel s'explique en français et laisse le classeur comme avant", async () => {
    const v = await volet();
    const p = v.page;
    await p.click("#b-selection");
    await attendreVerdict(p);
    const avant = await p.evaluate(() => window.rembDemo!.feuilles.map((f) => f.nom));
    await p.evaluate(() => (window.rembDemo!.panne = { commande: "tables.add", code: "InvalidOperation", message: "panne simulée" }));
    await p.click("#b-rapport");
    await p
      .locator("#m-ecriture.erreur")
      .filter({ hasText: /Écriture impossible : Excel a refusé une opération.*n'a pas été modifié/ })
      .waitFor();
    assert.deepEqual(await p.evaluate(() => window.rembDemo!.feuilles.map((f) => f.nom)), avant);
    await p.click("#b-normalisee");
    await p
      .locator("#m-ecriture.succes")
      .filter({ hasText: /Grille normalisée écrite dans la nouvelle feuille « Grille normalisée »/ })
      .waitFor();
    sansErreurs(v);
  });

  for (const largeur of [320, 350]) {
    for (const [theme, o] of [
      ["clair", {}],
      ["sombre", { sombre: true }],
      ["contraste", { contraste: true }],
    ] as const) {
      it(`axe-core : 0 violation WCAG 2 A/AA — ${theme}, ${largeur} px, grille lue et ligne ouverte ; pas de défilement horizontal`, async () => {
        const v = await volet({ largeur, ...o });
        const p = v.page;
        await selectionnerDemo(p, "Tableau de garanties", "A1:D42");
        await p.click("#b-selection");
        await attendreVerdict(p);
        await p.locator("#lignes details").first().locator("summary").click();
        await p.locator("#details > summary").click();
        assert.deepEqual(await violationsAxe(p), []);
        const debord = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(debord <= 0, `la page déborde de ${debord} px`);
        sansErreurs(v);
        await capture(p, `axe-${theme}-${largeur}`, "#s-lecture");
      });
    }
  }
});
