import assert from "node:assert/strict";
import { lireCents, lireJour, lireTaux, ERR_DATE, ERR_DECIMALES, ERR_FORMAT, ERR_NEGATIF, ERR_VIDE } from "../../../src/cli/calculer/valeurs";
import { finDesEnregistrements, champsDeLaLigne, separateurDeLEntete } from "../../../src/cli/calculer/decoupage";
import { jourDepuisIso } from "../../../src/core/dates";
import { taux } from "../../../src/core/money";

const o = (s: string) => new TextEncoder().encode(s);
const cents = (s: string) => lireCents(o(s), 0, o(s).length);
const jour = (s: string) => lireJour(o(s), 0, o(s).length);
const t = (s: string) => lireTaux(o(s), 0, o(s).length);

describe("calculer : valeurs lues dans les octets d'un champ", () => {
  it("montants français et internationaux, en centimes", () => {
    const cas: [string, number][] = [
      ["30", 3000],
      ["30,5", 3050],
      ["30,50", 3050],
      ["30.05", 3005],
      ["1 234,56", 123456],
      ["1\u00a0234,56", 123456],
      ["1\u202f234,56 €", 123456],
      ["1.234,56", 123456],
      ["1,234.56", 123456],
      [" 12,00 ", 1200],
      ["12 EUR", 1200],
      ["0", 0],
      ["0,01", 1],
      ["+5", 500],
      ["1 234 567,89", 123456789],
    ];
    for (const [s, c] of cas) assert.equal(cents(s), c, s);
  });

  it("refuse ce qui n'est pas un montant au centime, sans deviner", () => {
    const cas: [string, number][] = [
      ["", ERR_VIDE],
      ["  ", ERR_VIDE],
      ["-3", ERR_NEGATIF],
      ["12,345", ERR_DECIMALES],
      ["1,234", ERR_DECIMALES],
      ["abc", ERR_FORMAT],
      ["12,3,4", ERR_FORMAT],
      ["1 23,00", ERR_FORMAT],
    ];
    for (const [s, c] of cas) assert.equal(cents(s), c, s);
  });

  it("dates ISO, françaises et compactes ; les jours qui n'existent pas sont refusés", () => {
    const j = jourDepuisIso("2026-02-10");
    for (const s of ["2026-02-10", "10/02/2026", "10-02-2026", "20260210", "2026-02-10T00:00:00", "2026-02-10 08:30:00", " 2026-02-10 "])
      assert.equal(jour(s), j, s);
    assert.equal(jour("1/2/2026"), jourDepuisIso("2026-02-01"));
    for (const s of ["2026-02-30", "31/04/2026", "2026/02/10", "10/02/26", "hier"]) assert.equal(jour(s), ERR_DATE, s);
    assert.equal(jour(""), ERR_VIDE);
  });

  it("taux : fraction, pourcentage avec ou sans « % »", () => {
    assert.deepEqual(t("0,7"), taux(7, 1));
    assert.deepEqual(t("0.70"), taux(7, 1));
    assert.deepEqual(t("70 %"), taux(7, 1));
    assert.deepEqual(t("70%"), taux(7, 1));
    assert.deepEqual(t("70"), taux(7, 1));
    assert.deepEqual(t("1"), taux(1));
    assert.deepEqual(t("100"), taux(1));
    assert.deepEqual(t("15,5 %"), taux(155, 3));
    for (const s of ["101", "-0,7", "abc", "0,7 €"]) assert.equal(t(s), null, s);
  });
});

describe("calculer : découpage en blocs d'enregistrements entiers", () => {
  it("coupe après le dernier saut de ligne hors guillemets", () => {
    assert.equal(finDesEnregistrements(o("a;b\nc;d\ne")), 8);
    assert.equal(finDesEnregistrements(o('a;"b\nc";d\ne;"f\ng')), 10);
    assert.equal(finDesEnregistrements(o('a;"x""y\n";z\n')), 12);
    assert.equal(finDesEnregistrements(o('a;"ouvert\n')), 0);
    assert.equal(finDesEnregistrements(o("sans fin de ligne")), 0);
  });

  it("en-tête : séparateur et champs", () => {
    assert.equal(separateurDeLEntete("a;b;c"), 0x3b);
    assert.equal(separateurDeLEntete("a,b,c"), 0x2c);
    assert.equal(separateurDeLEntete("a\tb\tc"), 0x09);
    assert.deepEqual(champsDeLaLigne('date;"Frais ; réels";base', 0x3b), ["date", "Frais ; réels", "base"]);
  });
});
