import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import Decimal from "decimal.js";

/**
 * The functions bundle ships decimal.js without its trigonometry and the other parts REMB never calls
 * (scripts/decimal-sans-trigonometrie-loader.js). The Node tests run the complete library, so these tests are what
 * stands between a call to a dropped method and a TypeError in Excel, and between the removal and a wrong euro.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const chargeur = require("../../scripts/decimal-sans-trigonometrie-loader.js") as {
  alleger: (source: string) => string;
  METHODES_RETIREES: readonly string[];
  STATIQUES_RETIREES: readonly string[];
};

const RACINE = path.resolve(__dirname, "../..");
const SOURCE_DECIMAL = path.join(RACINE, "node_modules/decimal.js/decimal.mjs");

function fichiersTs(dossier: string): string[] {
  return readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dossier, e.name);
    return e.isDirectory() ? fichiersTs(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

type Ctor = typeof Decimal;

describe("decimal.js allégé du bundle (scripts/decimal-sans-trigonometrie-loader.js)", () => {
  it("src/ n'appelle aucune des méthodes retirées du bundle", () => {
    const noms = [...chargeur.METHODES_RETIREES, ...chargeur.STATIQUES_RETIREES];
    // `.cos(`, `Dec.random(`… but not Math.random( nor Math.log10(.
    const appel = new RegExp(`(?<!\\bMath)\\.(${noms.join("|")})\\s*\\(`);
    const trouves: string[] = [];
    for (const f of fichiersTs(path.join(RACINE, "src"))) {
      readFileSync(f, "utf8")
        .split("\n")
        .forEach((ligne, i) => {
          if (appel.test(ligne)) trouves.push(`${path.relative(RACINE, f)}:${i + 1} ${ligne.trim()}`);
        });
    }
    assert.deepEqual(trouves, []);
    assert.ok(appel.test("x.cos()") && appel.test("Dec.random(4)") && !appel.test("Math.random()"), "le motif de recherche lui-même");
  });

  describe("la bibliothèque allégée calcule comme la complète", () => {
    let Allegee: Ctor;
    before(async () => {
      const dossier = mkdtempSync(path.join(os.tmpdir(), "remb-decimal-"));
      const fichier = path.join(dossier, "decimal-allege.mjs");
      writeFileSync(fichier, chargeur.alleger(readFileSync(SOURCE_DECIMAL, "utf8")));
      Allegee = ((await import(pathToFileURL(fichier).href)) as { default: Ctor }).default;
    });

    it("les méthodes retirées n'existent plus, les autres si", () => {
      const x = new Allegee(2);
      const proto = x as unknown as Record<string, unknown>;
      for (const m of chargeur.METHODES_RETIREES) assert.equal(proto[m], undefined, m);
      for (const m of ["plus", "minus", "times", "div", "pow", "sqrt", "ln", "exp", "toDecimalPlaces", "toFixed", "comparedTo", "toNumber"]) {
        assert.equal(typeof proto[m], "function", m);
      }
    });

    it("mêmes résultats sur les opérations de REMB (réglages de src/core/money/decimal.ts)", () => {
      const reglages = { precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 } as const;
      const A = Allegee.clone(reglages);
      const C = Decimal.clone(reglages);
      const nombre = fc.oneof(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom("0.015", "4005", "1234.565", "-0.005", "1e-7", "0x1f", "12.5"),
      );
      fc.assert(
        fc.property(nombre, nombre, fc.integer({ min: 0, max: 15 }), (x, y, n) => {
          const a = new A(x);
          const b = new A(y);
          const c = new C(x);
          const d = new C(y);
          assert.equal(a.plus(b).toFixed(), c.plus(d).toFixed());
          assert.equal(a.times(b).toDecimalPlaces(2).toFixed(), c.times(d).toDecimalPlaces(2).toFixed());
          if (!d.isZero()) assert.equal(a.div(b).toFixed(), c.div(d).toFixed());
          assert.equal(a.pow(n).toFixed(), c.pow(n).toFixed());
          assert.equal(a.comparedTo(b), c.comparedTo(d));
          assert.equal(a.abs().sqrt().toFixed(), c.abs().sqrt().toFixed());
          assert.equal(new A(10).pow(n).toNumber(), new C(10).pow(n).toNumber());
        }),
        { numRuns: 500 },
      );
    });
  });

  it("un decimal.js à la structure inconnue fait échouer le build, sans rien retirer à moitié", () => {
    const source = readFileSync(SOURCE_DECIMAL, "utf8");
    assert.throws(() => chargeur.alleger(source.replace("P.sine = P.sin", "P.sinus = P.sin")), /P\.sine trouvé 0 fois/);
    assert.throws(() => chargeur.alleger(source.replace("function abs(x) {", "function abs(x) {\n  cosine(1, x);")), /cosine encore utilisé/);
  });
});
