import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { estRembError } from "../../src/core/errors";
import { centsDepuisEuros, tauxDepuisTexte } from "../../src/core/money";
import { isoDepuisJour } from "../../src/core/dates";
import { lireBooleen, lireDate, lireDateSoins, lireJours, lireMontant, lireNombre, lireTaux } from "../../src/functions/coercion";
import { lireResultat } from "../../src/functions/resultat";
import { nombreDepuisTexte } from "../../src/functions/nombre-fr";
import type { ValeurCellule } from "../../src/functions/excel";

type Cas = { entree: ValeurCellule; attendu?: unknown; erreur?: string };
const fixtures = JSON.parse(readFileSync(path.resolve(__dirname, "../fixtures/functions/coercion.json"), "utf8")) as Record<string, Cas[]>;

const LECTEURS: Record<string, (v: ValeurCellule) => unknown> = {
  lireMontant: (v) => lireMontant(v, "montant"),
  lireTaux: (v) => lireTaux(v, "taux"),
  lireDate: (v) => isoDepuisJour(lireDate(v, "date")),
  lireBooleen: (v) => lireBooleen(v, "drapeau"),
  lireJours: (v) => lireJours(v, "jours"),
  lireNombre: (v) => lireNombre(v, "sphere"),
  lireResultat: (v) => lireResultat(v),
};

describe("coercion des valeurs Excel", () => {
  for (const [lecteur, cas] of Object.entries(fixtures)) {
    if (lecteur === "source") continue;
    describe(lecteur, () => {
      for (const c of cas) {
        it(`${JSON.stringify(c.entree)} → ${c.erreur ? `erreur « ${c.erreur} »` : JSON.stringify(c.attendu)}`, () => {
          const lire = LECTEURS[lecteur]!;
          if (c.erreur !== undefined) {
            assert.throws(
              () => lire(c.entree),
              (e: unknown) => estRembError(e) && e.nature === "valeur" && e.message.includes(c.erreur!),
            );
          } else {
            assert.deepEqual(lire(c.entree), c.attendu);
          }
        });
      }
    });
  }

  it("date_soins vide : aujourd'hui", () => {
    const d = new Date();
    const attendu = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    assert.equal(isoDepuisJour(lireDateSoins(null)), attendu);
    assert.equal(isoDepuisJour(lireDateSoins("")), attendu);
  });

  it("tout montant à deux décimales écrit en français se lit au centime près", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_99 }), (c) => {
        const e = Math.floor(c / 100);
        const texte = `${String(e).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")},${String(c % 100).padStart(2, "0")} €`;
        assert.equal(lireMontant(texte, "m"), c);
        assert.equal(lireMontant(c / 100, "m"), c);
      }),
      { numRuns: 2000 },
    );
  });

  it("tout pourcentage écrit « x,y % » vaut exactement x,y / 100 ; sous 1 %, une faute de saisie est nommée", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (dixiemes) => {
        const texte = `${Math.floor(dixiemes / 10)},${dixiemes % 10} %`;
        if (dixiemes > 0 && dixiemes < 10) assert.throws(() => lireTaux(texte, "t"), /vaut moins de 1 % — pour 70 %, écrivez 70 % ou 0,7/);
        else assert.deepEqual(lireTaux(texte, "t"), tauxDepuisTexte((dixiemes / 1000).toFixed(3)));
      }),
      { numRuns: 500 },
    );
  });

  it("nombreDepuisTexte ne devine jamais : le texte d'un nombre redonne ce nombre, le reste est refusé", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (s) => {
        const n = nombreDepuisTexte(s);
        if (n !== null) assert.ok(Number.isFinite(Number(n.decimal)), `${s} → ${n.decimal}`);
      }),
      { numRuns: 3000 },
    );
    assert.equal(nombreDepuisTexte("1.234,56"), null);
    assert.equal(nombreDepuisTexte("12-3"), null);
    assert.equal(nombreDepuisTexte("--1"), null);
    assert.deepEqual(nombreDepuisTexte("-0,5 %"), { decimal: "-0.5", pourcent: true, euro: false });
    assert.equal(centsDepuisEuros(nombreDepuisTexte("1 234,56")!.decimal), 123456);
  });
});
