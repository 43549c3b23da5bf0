import assert from "node:assert/strict";
import { ClasseurFaux, contenuFeuille, ErreurFausse } from "../../src/taskpane/faux-classeur";

/**
 * The fake workbook must fail where Excel fails, or excel-io.ts tests would pass on code that breaks in Excel: a
 * property read before load + sync, a missing sheet, a request over the size limit; and it must behave as Excel
 * where the pane relies on it (merged cells, commands applied up to a failure, formulas and apostrophes on entry).
 */
function classeur(): ClasseurFaux {
  const c = new ClasseurFaux();
  const f = c.ajouterFeuille("Grille 2026");
  f.poserValeurs(
    0,
    0,
    [
      ["Garanties", "Niveau 1", "Niveau 2"],
      ["Frais de séjour", 1.5, 2],
    ],
    [
      [undefined, undefined, undefined],
      [undefined, "0%", "0%"],
    ],
  );
  f.fusions.push({ ligne: 3, colonne: 0, lignes: 1, colonnes: 3 });
  f.poserValeurs(3, 0, [["Frais réels"]]);
  return c;
}

const rejet = (code: string) => (e: unknown) => e instanceof ErreurFausse && e.code === code;

describe("Classeur factice : les règles d'Excel.run", () => {
  it("lire une propriété avant load() et sync() échoue (PropertyNotLoaded), après elle est lue", async () => {
    const c = classeur();
    await c.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Grille 2026").getRange("A1:C2");
      assert.throws(() => r.values, rejet("PropertyNotLoaded"));
      r.load("values");
      assert.throws(() => r.values, rejet("PropertyNotLoaded"), "chargée mais pas encore synchronisée");
      await ctx.sync();
      assert.deepEqual(r.values, [
        ["Garanties", "Niveau 1", "Niveau 2"],
        ["Frais de séjour", 1.5, 2],
      ]);
      assert.throws(() => r.address, rejet("PropertyNotLoaded"), "seules les propriétés demandées sont lues");
    });
  });

  it("une feuille absente échoue au sync (ItemNotFound) ; …OrNullObject donne un objet nul", async () => {
    const c = classeur();
    await assert.rejects(
      c.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Absente").load("name");
        await ctx.sync();
      }),
      rejet("ItemNotFound"),
    );
    await c.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItemOrNullObject("Absente");
      f.load("name");
      assert.throws(() => f.isNullObject, rejet("PropertyNotLoaded"));
      await ctx.sync();
      assert.equal(f.isNullObject, true);
    });
  });

  it("une cellule fusionnée donne sa valeur en haut à gauche seulement, et les zones fusionnées se lisent", async () => {
    const c = classeur();
    await c.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Grille 2026").getRange("A4:C4");
      r.load("values");
      const z = r.getMergedAreasOrNullObject();
      z.load("address");
      await ctx.sync();
      assert.deepEqual(r.values, [["Frais réels", "", ""]]);
      assert.equal(z.address, "'Grille 2026'!A4:C4");
    });
  });

  it("compte les allers-retours, y compris le sync implicite de fin d'Excel.run", async () => {
    const c = classeur();
    const avant = c.syncs;
    await c.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Grille 2026").getRange("E1").values = [["x"]];
    });
    assert.equal(c.syncs - avant, 1);
    await c.run(async () => undefined);
    assert.equal(c.syncs - avant, 1, "rien en attente : pas d'aller-retour");
  });

  it("une requête au-delà de la limite de taille est refusée entière", async () => {
    const c = classeur();
    c.limiteCellules = 10;
    await assert.rejects(
      c.run(async (ctx) => {
        ctx.workbook.worksheets.add("Nouvelle");
        ctx.workbook.worksheets.getItem("Grille 2026").getRange("E1:E11").values = Array.from({ length: 11 }, () => [1]);
        await ctx.sync();
      }),
      rejet("RequestPayloadSizeLimitExceeded"),
    );
    assert.equal(c.feuille("Nouvelle"), undefined, "rien n'a été exécuté");
  });

  it("une commande en échec laisse appliquées celles d'avant (pas de transaction, comme Excel)", async () => {
    const c = classeur();
    c.panne = { commande: "tables.add", code: "InvalidOperation", message: "panne simulée" };
    await assert.rejects(
      c.run(async (ctx) => {
        const f = ctx.workbook.worksheets.add("Rapport");
        f.getRange("A1:B1").values = [["a", "b"]];
        f.tables.add("A1:B2", true);
        await ctx.sync();
      }),
      rejet("InvalidOperation"),
    );
    assert.ok(c.feuille("Rapport"), "la feuille ajoutée avant la panne reste");
  });

  it("« =… » s'entre comme une formule, « '… » comme un texte sans l'apostrophe ; COUNTIFS sur un tableau est calculé", async () => {
    const c = new ClasseurFaux();
    c.ajouterFeuille("F");
    await c.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("F");
      f.getRange("A1:B3").values = [
        ["Gravité", "Statut"],
        ["Erreur", "À traiter"],
        ['\'=HYPERLINK("x")', "Justifié"],
      ];
      const t = f.tables.add("A1:B3", true);
      t.name = "Constats";
      f.getRange("D1").formulas = [['=COUNTIFS(Constats[Gravité],"Erreur")']];
      await ctx.sync();
    });
    const f = c.feuille("F")!;
    assert.equal(f.lire(2, 0)!.v, '=HYPERLINK("x")');
    assert.equal(f.lire(2, 0)!.f, undefined, "un texte, pas une formule");
    assert.equal(contenuFeuille(f, c).valeurs[0]![3], 1);
  });

  it("noms de feuille : unicité sans casse, caractères interdits refusés", async () => {
    const c = classeur();
    await assert.rejects(
      c.run(async (ctx) => void ctx.workbook.worksheets.add("grille 2026")),
      rejet("ItemAlreadyExists"),
    );
    await assert.rejects(
      c.run(async (ctx) => void ctx.workbook.worksheets.add("a/b")),
      rejet("InvalidArgument"),
    );
  });

  it("select() sur une feuille qui n'est pas active échoue : le volet doit l'activer d'abord", async () => {
    const c = classeur();
    c.ajouterFeuille("Autre");
    await assert.rejects(
      c.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Autre").getRange("B2").select();
        await ctx.sync();
      }),
      rejet("InvalidSelection"),
    );
  });

  it("la sélection déclenche les gestionnaires enregistrés, jusqu'à leur retrait", async () => {
    const c = classeur();
    let appels = 0;
    const res = await c.run(async (ctx) => {
      const r = ctx.workbook.onSelectionChanged.add(async () => void appels++);
      await ctx.sync();
      return r;
    });
    c.selectionner("B2");
    await c.hote().retirer(res);
    c.selectionner("C2");
    assert.equal(appels, 1);
    assert.equal(c.gestionnairesActifs, 0);
  });
});
