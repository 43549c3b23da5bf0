import assert from "node:assert/strict";
import { unparseGarantie } from "../../../src/core/garantie";
import { adresseA1, lettresColonne, neutraliserPourTableur, origineDepuis, remplirFusions } from "../../../src/core/grille";
import { analyserEntete, estDeclarationUnite, familleDe } from "../../../src/core/grille/niveaux";
import { estFormatDate, lireNombre, nombreDepuisTexte } from "../../../src/core/grille/nombre";
import { posteParCode } from "../../../src/core/postes";

const consultation = posteParCode("soins.generaliste.optam")!;
const monture = posteParCode("optique.monture")!;

describe("grille: numbers in guarantee cells (docs/format-grille.md « Nombres »)", () => {
  const lire = (x: number, format: string | undefined, poste = consultation, unite?: "pourcentage" | "multiple" | "euros") => {
    const lu = lireNombre(x, format, poste, unite);
    return [unparseGarantie(lu.garantie), lu.lecture.regle, lu.lecture.ambigu];
  };

  it("follows the cell format first", () => {
    assert.deepEqual(lire(1.5, "0%"), ["150 % BR", "format-pourcentage", false]);
    assert.deepEqual(lire(0.015, "0.0%"), ["1,5 % BR", "format-pourcentage", false]);
    assert.deepEqual(lire(100, '#,##0.00 "€"'), ["100 €", "format-monetaire", false]);
    assert.deepEqual(lire(100, "[$€-40C] #,##0"), ["100 €", "format-monetaire", false]);
    assert.deepEqual(lire(1.5, "0%", monture), ["150 % BR", "format-pourcentage", false]);
    assert.throws(() => lireNombre(46023, "dd/mm/yyyy", consultation, undefined), /Date trouvée/);
  });

  it("then the declared unit, then the poste and the size of the number", () => {
    assert.deepEqual(lire(150, undefined, consultation, "pourcentage"), ["150 % BR", "unite-declaree", false]);
    assert.deepEqual(lire(1.5, undefined, consultation, "multiple"), ["150 % BR", "unite-declaree", false]);
    assert.deepEqual(lire(1.5, undefined, consultation, "euros"), ["1,50 €", "unite-declaree", false]);
    assert.deepEqual(lire(0, undefined), ["Néant", "zero", false]);
    assert.deepEqual(lire(10, undefined), ["1000 % BR", "petit-multiple-br", false]);
    assert.deepEqual(lire(10.5, undefined), ["10,5 % BR", "grand-pourcentage-br", true]);
    assert.deepEqual(lire(100, undefined, monture), ["100 €", "euros-poste", false]);
    assert.deepEqual(lire(10, undefined, monture), ["10 €", "euros-poste", true]);
  });

  it("is exact for decimal rates (no binary float)", () => {
    assert.deepEqual(lire(1.15, undefined), ["115 % BR", "petit-multiple-br", false]);
    assert.deepEqual(lire(0.07, "0%"), ["7 % BR", "format-pourcentage", false]);
  });

  it("refuses negative numbers", () => {
    assert.throws(() => lireNombre(-1, undefined, consultation, undefined), /Garantie négative/);
  });

  it("recognises numbers written as text, French or international", () => {
    const cas: [string, number | undefined][] = [
      ["150", 150],
      ["1,5", 1.5],
      ["1.5", 1.5],
      ["1 234,56", 1234.56],
      ["1\u202f234,56", 1234.56],
      ["1.234,5", 1234.5],
      ["1,234.5", 1234.5],
      ["-2", -2],
      ["150 %", undefined],
      ["1,5,2", undefined],
      ["", undefined],
    ];
    for (const [t, n] of cas) assert.equal(nombreDepuisTexte(t), n, t);
  });

  it("tells date formats from number formats", () => {
    for (const f of ["dd/mm/yyyy", "m/d/yy", "yyyy-mm-dd", "mmm-yy", "jj/mm/aaaa", "[$-40C]d mmmm yyyy"]) assert.ok(estFormatDate(f), f);
    for (const f of ["0%", "#,##0.00 €", "General", "0.00", '0 "jours"']) assert.ok(!estFormatDate(f), f);
  });
});

describe("grille: level headers", () => {
  it("reads the kind, the réseau variant and the base convention of a header", () => {
    const e = (t: string) => {
      const x = analyserEntete(t);
      return [x.niveau, x.type, x.variante ?? null, x.convention ?? null, x.ignorer ?? null];
    };
    assert.deepEqual(e("Niveau 3"), [true, "niveau", null, null, null]);
    assert.deepEqual(e("N2"), [true, "niveau", null, null, null]);
    assert.deepEqual(e("Base"), [true, "base", null, null, null]);
    assert.deepEqual(e("Socle"), [true, "base", null, null, null]);
    assert.deepEqual(e("Option 2 (base incluse)"), [true, "option", null, "SOCLE_INCLUS", null]);
    assert.deepEqual(e("Option 1 en complément de la base"), [true, "option", null, "SOCLE_EN_SUS", null]);
    assert.deepEqual(e("Surcomplémentaire"), [true, "surcomplementaire", null, null, null]);
    assert.deepEqual(e("Niveau 2 – hors réseau"), [true, "niveau", "hors-reseau", null, null]);
    assert.deepEqual(e("Réseau Kalixia"), [true, "niveau", "reseau", null, null]);
    assert.deepEqual(e("Confort"), [true, "niveau", null, null, null]);
    assert.deepEqual(e("Taux de remboursement Sécurité sociale"), [false, "niveau", null, null, "remboursement du régime obligatoire"]);
    assert.deepEqual(e("Base de remboursement"), [false, "niveau", null, null, "base de remboursement"]);
    assert.deepEqual(e("Observations"), [false, "niveau", null, null, "commentaires"]);
    assert.equal(analyserEntete("Option 2 = Option 1 + 50 %").inclutTexte, "option 1");
    assert.equal(analyserEntete("Niveau 1 (en % BR)").unite, "pourcentage");
    assert.equal(analyserEntete("Forfaits (en €)").unite, "euros");
  });

  it("knows a units row and the family of a réseau level", () => {
    assert.equal(estDeclarationUnite("en % BR"), "pourcentage");
    assert.equal(estDeclarationUnite("% BRSS"), "pourcentage");
    assert.equal(estDeclarationUnite("(en €)"), "euros");
    assert.equal(estDeclarationUnite("Niveau 1"), undefined);
    assert.equal(familleDe("Niveau 2 hors réseau"), "Niveau 2");
    assert.equal(familleDe("Option 1 — Réseau"), "Option 1");
  });
});

describe("grille: addresses, merges and safe output", () => {
  it("writes Excel A1 addresses with quoted sheet names", () => {
    assert.deepEqual([1, 26, 27, 52, 703, 16384].map(lettresColonne), ["A", "Z", "AA", "AZ", "AAA", "XFD"]);
    assert.equal(adresseA1(origineDepuis("'Tableau 2026'!B3"), 2, 1), "'Tableau 2026'!C5");
    assert.equal(adresseA1(origineDepuis("Feuil1!$C$5"), 0, 0), "Feuil1!C5");
    assert.equal(adresseA1(origineDepuis({ feuille: "L'offre", ligne: 2 }), 0, 0), "'L''offre'!A2");
    assert.equal(adresseA1(origineDepuis({ feuille: "AB12" }), 0, 0), "'AB12'!A1");
    assert.equal(adresseA1(origineDepuis(undefined), 9, 2), "C10");
    assert.throws(() => origineDepuis("B0"), /Origine hors de la feuille/);
    assert.throws(() => origineDepuis("n'importe quoi"), /Origine invalide/);
  });

  it("fills merged ranges with their top-left value", () => {
    const t = remplirFusions(
      [
        ["Garanties", "Niveau 1", "", ""],
        ["Forfait journalier", "Frais réels"],
      ],
      [
        { ligne: 0, colonne: 1, lignes: 1, colonnes: 3 },
        { ligne: 1, colonne: 1, lignes: 1, colonnes: 3 },
      ],
    );
    assert.deepEqual(t, [
      ["Garanties", "Niveau 1", "Niveau 1", "Niveau 1"],
      ["Forfait journalier", "Frais réels", "Frais réels", "Frais réels"],
    ]);
  });

  it("neutralises formula-like texts before they are written back to a sheet", () => {
    assert.equal(neutraliserPourTableur("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
    assert.equal(neutraliserPourTableur("@SUM(1)"), "'@SUM(1)");
    assert.equal(neutraliserPourTableur("-"), "'-");
    assert.equal(neutraliserPourTableur("100 % BR"), "100 % BR");
  });
});
