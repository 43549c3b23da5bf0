import assert from "node:assert/strict";
import { lireCorrections, validerCorrections } from "../../src/core/grille";
import {
  allerA,
  CLE_CORRECTIONS,
  ecrireFeuilles,
  enregistrerCorrections,
  ErreurVolet,
  fusionsRelatives,
  lireAdresseSelection,
  lireCorrectionsDuClasseur,
  lireSelection,
  suivreSelection,
} from "../../src/taskpane/excel-io";
import { ClasseurFaux, contenuFeuille, type FeuilleFausse } from "../../src/taskpane/faux-classeur";
import type { PlanFeuille } from "../../src/taskpane/plan";

/** excel-io.ts against the fake workbook: what it reads, what it writes, in how many round trips, and its failures. */

function grille(c: ClasseurFaux, nom = "Tableau 2026", ligne = 2, colonne = 1): FeuilleFausse {
  const f = c.ajouterFeuille(nom);
  f.poserValeurs(
    ligne,
    colonne,
    [["Mutuelle Test — garanties 2026"], ["Garanties", "Niveau 1", "Niveau 2"], ["Frais de séjour", 1, 1.5], ["Forfait journalier hospitalier", "Frais réels"]],
    [[], [], [undefined, "0%", "0%"], []],
  );
  // « Frais réels » merged across both levels, as printed grids do.
  f.fusions.push({ ligne: ligne + 3, colonne: colonne + 1, lignes: 1, colonnes: 2 });
  return f;
}

function instantane(c: ClasseurFaux): string {
  return JSON.stringify(c.feuilles.map((f) => [f.nom, [...f.cellules.entries()], f.fusions, f.tables]));
}

describe("excel-io : lire la sélection", () => {
  it("en deux allers-retours : valeurs, formats, fusions (relatives), adresse réelle, feuille", async () => {
    const c = new ClasseurFaux();
    grille(c);
    c.selectionner("'Tableau 2026'!B3:D6");
    const avant = c.syncs;
    const s = await lireSelection(c.hote());
    assert.equal(c.syncs - avant, 2);
    assert.equal(s.syncs, 2);
    assert.equal(s.feuille, "Tableau 2026");
    assert.equal(s.adresse, "'Tableau 2026'!B3:D6");
    assert.equal(s.ligne, 3);
    assert.equal(s.colonne, 2);
    assert.deepEqual(s.valeurs[2], ["Frais de séjour", 1, 1.5]);
    assert.deepEqual(s.valeurs[3], ["Forfait journalier hospitalier", "Frais réels", ""]);
    assert.deepEqual(s.formats[2], ["General", "0%", "0%"]);
    assert.deepEqual(s.fusions, [{ ligne: 3, colonne: 1, lignes: 1, colonnes: 2 }]);
  });

  it("des colonnes entières sont réduites à la partie remplie", async () => {
    const c = new ClasseurFaux();
    grille(c);
    c.selectionner("'Tableau 2026'!A:H");
    const s = await lireSelection(c.hote());
    assert.equal(s.adresseSelection, "'Tableau 2026'!A:H");
    assert.equal(s.adresse, "'Tableau 2026'!B3:D6");
  });

  it("plusieurs zones, une cellule seule, une sélection vide : refusées avec un message qui dit quoi faire", async () => {
    const c = new ClasseurFaux();
    grille(c);
    c.selectionner("'Tableau 2026'!B3:B6, D3:D6");
    await assert.rejects(lireSelection(c.hote()), (e) => e instanceof ErreurVolet && /2 zones/.test(e.message) && /d'un seul tenant/.test(e.message));
    c.selectionner("'Tableau 2026'!B4");
    await assert.rejects(lireSelection(c.hote()), (e) => e instanceof ErreurVolet && /Une seule cellule/.test(e.message));
    c.selectionner("'Tableau 2026'!K20:M30");
    await assert.rejects(lireSelection(c.hote()), (e) => e instanceof ErreurVolet && /est vide/.test(e.message));
  });

  it("une sélection démesurée est refusée après le premier aller-retour, sans lire ses valeurs", async () => {
    const c = new ClasseurFaux({ limiteCellules: 1000 });
    const f = c.ajouterFeuille("Grande");
    f.poserValeurs(0, 0, [["a"]]);
    f.poserValeurs(299_999, 0, [["z"]]);
    c.selectionner("Grande!A:A");
    const avant = c.syncs;
    await assert.rejects(lireSelection(c.hote()), (e) => e instanceof ErreurVolet && /300 000 cellules/.test(e.message.replace(/\u202f/g, " ")));
    assert.equal(c.syncs - avant, 1);
  });

  it("sous ExcelApi 1.12, la lecture se fait sans les fusions et le dit", async () => {
    const c = new ClasseurFaux({ niveauApi: "1.12" });
    grille(c);
    c.selectionner("'Tableau 2026'!B3:D6");
    const s = await lireSelection(c.hote());
    assert.equal(s.fusionsInconnues, true);
    assert.deepEqual(s.fusions, []);
  });

  it("fusionsRelatives : rognées à la plage, ignorées quand leur valeur est hors de la plage", () => {
    const origine = { ligne: 2, colonne: 1, lignes: 10, colonnes: 3 };
    assert.deepEqual(fusionsRelatives("Feuil1!B3:D3, Feuil1!A1:C4, 'A, b'!C5:F5", origine), [
      { ligne: 0, colonne: 0, lignes: 1, colonnes: 3 },
      { ligne: 2, colonne: 1, lignes: 1, colonnes: 2 },
    ]);
  });

  it("lit les corrections enregistrées dans le classeur", async () => {
    const c = new ClasseurFaux();
    grille(c);
    c.reglages.set(CLE_CORRECTIONS, { "feuille:Tableau 2026": { version: 1, lignes: { "5": "hospi.frais-sejour" } } });
    c.selectionner("'Tableau 2026'!B3:D6");
    const s = await lireSelection(c.hote());
    assert.deepEqual(s.corrections, { "feuille:Tableau 2026": { version: 1, lignes: { "5": "hospi.frais-sejour" } } });
    assert.deepEqual(await lireCorrectionsDuClasseur(c.hote()), s.corrections);
  });
});

describe("excel-io : corrections, navigation, suivi de la sélection", () => {
  it("les corrections s'enregistrent sous la clé versionnée, au format du fichier de la CLI, sans toucher aux autres grilles", async () => {
    const c = new ClasseurFaux();
    c.reglages.set(CLE_CORRECTIONS, { "feuille:Autre": { version: 1, cellules: { C4: "100 % BR" } } });
    const corrections = { version: 1, lignes: { "12": "hospi.frais-sejour" }, libelles: { "Forfait naissance": null }, cellules: {} };
    await enregistrerCorrections(c.hote(), "feuille:Tableau 2026", corrections);
    const stock = c.reglages.get(CLE_CORRECTIONS) as Record<string, unknown>;
    assert.deepEqual(Object.keys(stock).sort(), ["feuille:Autre", "feuille:Tableau 2026"]);
    // What the workbook holds is a valid corrections file for `remb verifier --corrections`.
    assert.deepEqual(lireCorrections(JSON.stringify(stock["feuille:Tableau 2026"])), validerCorrections(corrections));
    await enregistrerCorrections(c.hote(), "feuille:Tableau 2026", null);
    assert.deepEqual(Object.keys(c.reglages.get(CLE_CORRECTIONS) as object), ["feuille:Autre"]);
  });

  it("aller à une cellule d'une autre feuille : activer la feuille, puis sélectionner", async () => {
    const c = new ClasseurFaux();
    grille(c);
    c.ajouterFeuille("Autre");
    c.selectionner("Autre!A1");
    await allerA(c.hote(), "'Tableau 2026'!C5");
    assert.equal(c.active?.nom, "Tableau 2026");
    assert.deepEqual(c.selection, [{ ligne: 4, colonne: 2, lignes: 1, colonnes: 1 }]);
    assert.equal(await lireAdresseSelection(c.hote()), "'Tableau 2026'!C5");
    await assert.rejects(allerA(c.hote(), "'Supprimée'!A1"), (e) => e instanceof ErreurVolet && /n'existe plus/.test(e.message));
  });

  it("suivreSelection appelle le gestionnaire à chaque sélection, jusqu'à l'arrêt", async () => {
    const c = new ClasseurFaux();
    grille(c);
    let n = 0;
    const arreter = await suivreSelection(c.hote(), () => void n++);
    c.selectionner("'Tableau 2026'!C5");
    c.selectionner("'Tableau 2026'!C6");
    await arreter();
    await arreter();
    c.selectionner("'Tableau 2026'!C7");
    assert.equal(n, 2);
    assert.equal(c.gestionnairesActifs, 0);
  });
});

const PLAN: PlanFeuille = {
  nom: "Contrôle 2026-01-01",
  lignes: [
    ["Titre"],
    ["Gravité", "Constats"],
    ["Erreur", { formule: '=COUNTIFS({{Constats}}[Gravité],"Erreur")' }],
    [],
    ["N°", "Gravité", "Libellé"],
    [1, "Erreur", '=HYPERLINK("http://exemple")'],
    [2, "Alerte", "- Consultations"],
  ],
  tableaux: [{ nom: "Constats", zone: { ligne: 4, colonne: 0, lignes: 3, colonnes: 3 } }],
  formats: [{ zone: { ligne: 0, colonne: 0, lignes: 1, colonnes: 1 }, gras: true }],
  liens: [{ ligne: 5, colonne: 2, texte: "C14", document: "'Tableau 2026'!C14" }],
  listes: [{ zone: { ligne: 5, colonne: 1, lignes: 2, colonnes: 1 }, valeurs: ["À traiter", "Justifié", "Corrigé"] }],
  impression: { paysage: true, lignesTitres: "$5:$5", pied: "Page &P/&N" },
  figer: 5,
};

describe("excel-io : écrire de nouvelles feuilles", () => {
  it("en trois allers-retours ; nom suffixé si la feuille existe ; tableau renommé s'il existe ; formules reliées au bon tableau", async () => {
    const c = new ClasseurFaux();
    grille(c);
    const existante = c.ajouterFeuille("Contrôle 2026-01-01");
    existante.poserValeurs(0, 0, [["ne pas toucher"]]);
    existante.tables.push({ nom: "Constats", zone: { ligne: 10, colonne: 0, lignes: 2, colonnes: 1 } });
    const avant = instantane(c);
    const syncs = c.syncs;
    const r = await ecrireFeuilles(c.hote(), [PLAN]);
    assert.equal(c.syncs - syncs, 3);
    assert.equal(r.syncs, 3);
    assert.deepEqual(r.noms, ["Contrôle 2026-01-01 (2)"]);
    assert.deepEqual(r.omis, []);
    // Existing sheets untouched.
    assert.equal(instantane({ ...c, feuilles: c.feuilles.slice(0, 2) } as ClasseurFaux), avant);
    const f = c.feuille("Contrôle 2026-01-01 (2)")!;
    assert.equal(f.tables[0]!.nom, "Constats_2");
    assert.equal(f.lire(2, 1)!.f, '=COUNTIFS(Constats_2[Gravité],"Erreur")');
    assert.equal(contenuFeuille(f, c).valeurs[2]![1], 1);
    // Texts that look like formulas stay texts.
    assert.equal(f.lire(5, 2)!.f, undefined);
    assert.equal(f.lire(5, 2)!.v, "C14", "the hyperlink's text replaces the cell's");
    assert.equal(f.lire(6, 2)!.v, "- Consultations");
    assert.equal(f.lire(5, 2)!.lien?.documentReference, "'Tableau 2026'!C14");
    assert.deepEqual(f.lire(6, 1)!.liste, ["À traiter", "Justifié", "Corrigé"]);
    assert.equal(f.lire(0, 0)!.gras, true);
    assert.deepEqual(f.miseEnPage, {
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      lignesTitres: "$5:$5",
      piedDePage: "Page &P/&N",
    });
    assert.equal(f.lignesFigees, 5);
    assert.equal(c.active, f, "the new sheet is shown");
  });

  it("sans mise en page, deux allers-retours ; une mise en page refusée par Excel n'empêche pas l'écriture, elle est nommée", async () => {
    const c = new ClasseurFaux();
    const avant = c.syncs;
    const r = await ecrireFeuilles(c.hote(), [{ ...PLAN, impression: undefined }]);
    assert.equal(c.syncs - avant, 2);
    assert.deepEqual(r.omis, []);
    c.panne = { commande: "pageLayout.zoom", code: "InvalidArgument", message: "zoom refusé" };
    const r2 = await ecrireFeuilles(c.hote(), [PLAN]);
    assert.deepEqual(r2.omis, ["mise en page (refusée par Excel : zoom refusé)"]);
    assert.equal(c.feuille(r2.noms[0]!)!.tables.length, 1, "la feuille est écrite");
  });

  it("un refus d'Excel en cours d'écriture : les feuilles commencées sont supprimées, le classeur est comme avant, le message est en français", async () => {
    const c = new ClasseurFaux();
    grille(c);
    const avant = instantane(c);
    c.panne = { commande: "dataValidation", code: "InvalidArgument", message: "liste refusée" };
    await assert.rejects(
      ecrireFeuilles(c.hote(), [PLAN, { ...PLAN, nom: "Grille normalisée" }]),
      (e) => e instanceof ErreurVolet && /Écriture impossible/.test(e.message) && /n'a pas été modifié/.test(e.message),
    );
    assert.equal(instantane(c), avant);
  });

  it("une écriture au-delà de la limite de taille d'une requête : refusée, classeur inchangé", async () => {
    const c = new ClasseurFaux({ limiteCellules: 5 });
    grille(c);
    const avant = instantane(c);
    await assert.rejects(ecrireFeuilles(c.hote(), [PLAN]), (e) => e instanceof ErreurVolet && /taille qu'Excel accepte/.test(e.message));
    assert.equal(instantane(c), avant);
  });

  it("sous ExcelApi 1.6, liens, listes et mise en page sont omis et nommés", async () => {
    const c = new ClasseurFaux({ niveauApi: "1.6" });
    const r = await ecrireFeuilles(c.hote(), [PLAN]);
    assert.deepEqual([...r.omis].sort(), ["liens (ExcelApi 1.7)", "listes de statut (ExcelApi 1.8)", "mise en page (ExcelApi 1.9)"]);
    assert.equal(c.feuille(r.noms[0]!)!.lire(5, 2)!.lien, undefined);
  });
});
