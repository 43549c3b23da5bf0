import assert from "node:assert/strict";
import { RembError } from "../../../src/core/errors";
import {
  BORNES_VERRES,
  categorieDepuisTexte,
  categorieEquipement,
  classerVerre,
  libelleCategorie,
  libelleTypeVerre,
  typeVerre,
  typeVerreDepuisTexte,
  type RegimeVerres,
  type TypeVerre,
} from "../../../src/core/calculators/verres";
import fixtures from "../../fixtures/calculators/verres.json";

interface CasVerre {
  nom: string;
  entree: { sphere: number; cylindre: number; progressif: boolean; regime?: RegimeVerres };
  attendu: TypeVerre;
  source: string;
}

const estRembError = (e: unknown) => e instanceof RembError;

/**
 * The rows of the legal table of docs/modele-de-calcul.md §9 (2020 regime), written out one by one as the text states them, in
 * positive cylinder with closed « comprise entre » bounds. Independent of the implementation's if-chains: the
 * exhaustiveness test counts how many rows match.
 */
function lignes2020(sph: number, cyl: number, progressif: boolean): TypeVerre[] {
  const S = sph + cyl;
  const sphq = cyl === 0;
  const sc = cyl >= 0.25;
  const rows: [boolean, TypeVerre][] = progressif
    ? [
        [sphq && sph >= -4 && sph <= 4, "complexe"],
        [sc && sph >= -8 && sph <= 0 && cyl <= 4, "complexe"],
        [sc && sph > 0 && S <= 8, "complexe"],
        [sphq && (sph < -4 || sph > 4), "tres_complexe"],
        [sc && sph >= -8 && sph <= 0 && cyl > 4, "tres_complexe"],
        [sc && sph < -8, "tres_complexe"],
        [sc && sph > 0 && S > 8, "tres_complexe"],
      ]
    : [
        [sphq && sph >= -6 && sph <= 6, "simple"],
        [sc && sph >= -6 && sph <= 0 && cyl <= 4, "simple"],
        [sc && sph > 0 && S <= 6, "simple"],
        [sphq && (sph < -6 || sph > 6), "complexe"],
        [sc && sph >= -6 && sph <= 0 && cyl > 4, "complexe"],
        [sc && sph < -6, "complexe"],
        [sc && sph > 0 && S > 6, "complexe"],
      ];
  return rows.filter(([m]) => m).map(([, t]) => t);
}

/** docs/modele-de-calcul.md §9 (2015 regime), row by row: a), c) and f) (f for adults). */
function lignes2015(sph: number, cyl: number, progressif: boolean): TypeVerre[] {
  const rows: [boolean, TypeVerre][] = progressif
    ? [
        [cyl > 0 && (sph < -8 || sph > 8), "tres_complexe"],
        [cyl === 0 && (sph < -4 || sph > 4), "tres_complexe"],
        [!((cyl > 0 && (sph < -8 || sph > 8)) || (cyl === 0 && (sph < -4 || sph > 4))), "complexe"],
      ]
    : [
        [sph >= -6 && sph <= 6 && cyl <= 4, "simple"],
        [sph < -6 || sph > 6 || cyl > 4, "complexe"],
      ];
  return rows.filter(([m]) => m).map(([, t]) => t);
}

const quarts = (min: number, max: number) => Array.from({ length: (max - min) * 4 + 1 }, (_, i) => min + i / 4);

describe("verres: lens type (R871-2 3°, docs/modele-de-calcul.md §9 and §4.3)", () => {
  for (const cas of (fixtures as { cas: CasVerre[] }).cas) {
    it(`${cas.nom} → ${cas.attendu} [${cas.source}]`, () => {
      const e = cas.entree;
      assert.equal(typeVerre(e.sphere, e.cylindre, e.progressif, e.regime ?? "2020"), cas.attendu);
    });
  }

  for (const regime of ["2020", "2015"] as const) {
    it(`every quarter dioptre (sph −20..+20, cyl −8..+8, both flags) falls in exactly one row of the ${regime} table`, () => {
      let n = 0;
      for (const sph of quarts(-20, 20)) {
        for (const cyl of quarts(-8, 8)) {
          for (const progressif of [false, true]) {
            // Positive-cylinder form, as the text reasons.
            const [s, c] = cyl < 0 ? [sph + cyl, -cyl] : [sph, cyl];
            const rows = regime === "2020" ? lignes2020(s, c, progressif) : lignes2015(s, c, progressif);
            assert.equal(rows.length, 1, `${sph} (${cyl}) ${progressif ? "progressif" : "unifocal"}: ${rows.length} lignes`);
            assert.equal(typeVerre(sph, cyl, progressif, regime), rows[0], `${sph} (${cyl}) ${progressif}`);
            n++;
          }
        }
      }
      assert.equal(n, 161 * 65 * 2);
    });

    it(`gives the same type to a prescription in minus and in plus cylinder (${regime})`, () => {
      for (const sph of quarts(-20, 20)) {
        for (const cyl of quarts(-8, 8)) {
          if (Math.abs(sph + cyl) > 30) continue;
          for (const progressif of [false, true]) {
            // (sph, cyl) and (sph + cyl, −cyl) are the same lens written in the two conventions.
            assert.equal(typeVerre(sph, cyl, progressif, regime), typeVerre(sph + cyl, -cyl, progressif, regime), `${sph} (${cyl})`);
          }
        }
      }
    });
  }

  it("reads « comprise entre » as closed bounds by default (⚠ configuration constant) and puts open bounds on the other side", () => {
    assert.equal(BORNES_VERRES.bornesFermees, true);
    assert.ok(Object.isFrozen(BORNES_VERRES));
    const ouvertes = { ...BORNES_VERRES, bornesFermees: false };
    // Each « comprise entre » bound, exactly on it: closed → lower type, open → higher type.
    const bornes: [number, number, boolean, TypeVerre, TypeVerre][] = [
      [6, 0, false, "simple", "complexe"],
      [-6, 0, false, "simple", "complexe"],
      [-6, 1, false, "simple", "complexe"],
      [4, 0, true, "complexe", "tres_complexe"],
      [-4, 0, true, "complexe", "tres_complexe"],
      [-8, 1, true, "complexe", "tres_complexe"],
    ];
    for (const [sph, cyl, p, fermee, ouverte] of bornes) {
      assert.equal(classerVerre(sph, cyl, p, "2020", BORNES_VERRES), fermee, `${sph} (${cyl}) fermé`);
      assert.equal(classerVerre(sph, cyl, p, "2020", ouvertes), ouverte, `${sph} (${cyl}) ouvert`);
    }
    // Just inside the bounds, both readings agree.
    assert.equal(classerVerre(5.99, 0, false, "2020", ouvertes), "simple");
    assert.equal(classerVerre(-5.99, 1, false, "2020", ouvertes), "simple");
  });

  it("accepts any finite dioptre value, not only quarters", () => {
    assert.equal(typeVerre(-6.01, 0, false), "complexe");
    assert.equal(typeVerre(-5.99, 0, false), "simple");
    assert.equal(typeVerre(1.1, 4.9, false), "simple"); // S = 6.0 exactly
    assert.equal(typeVerre(1.1, 4.91, false), "complexe");
    assert.equal(typeVerre(0, -0, false), "simple");
  });

  it("rejects NaN, infinities, non-numbers and implausible values with a French message", () => {
    const mauvais: [unknown, unknown, unknown][] = [
      [Number.NaN, 0, false],
      [0, Number.NaN, false],
      [Number.POSITIVE_INFINITY, 0, false],
      [30.25, 0, false],
      [-30.25, 0, false],
      [0, 15.25, false],
      [0, -15.25, false],
      ["2", 0, false],
      [0, 0, "oui"],
    ];
    for (const [s, c, p] of mauvais) {
      assert.throws(
        () => typeVerre(s as number, c as number, p as boolean),
        (e: unknown) => estRembError(e) && /invalide/.test((e as Error).message),
      );
    }
    assert.equal(typeVerre(30, 15, false), "complexe");
    assert.throws(() => typeVerre(0, 0, false, "2019" as RegimeVerres), /Régime inconnu/);
  });
});

describe("verres: equipment category (docs/modele-de-calcul.md §9)", () => {
  const types: TypeVerre[] = ["simple", "complexe", "tres_complexe"];
  const table: Record<string, string> = {
    "simple/simple": "a",
    "simple/complexe": "b",
    "simple/tres_complexe": "d",
    "complexe/complexe": "c",
    "complexe/tres_complexe": "e",
    "tres_complexe/tres_complexe": "f",
  };

  it("maps each pair to a–f, in either order", () => {
    for (const t1 of types) {
      for (const t2 of types) {
        const cle = types.indexOf(t1) <= types.indexOf(t2) ? `${t1}/${t2}` : `${t2}/${t1}`;
        assert.equal(categorieEquipement(t1, t2), table[cle]);
      }
    }
    assert.throws(() => categorieEquipement("tres complexe" as TypeVerre, "simple"), /Type de verre inconnu/);
  });

  it("reads categories typed as letters or lens names", () => {
    const formes: [string, string][] = [
      ["a", "a"],
      ["F", "f"],
      [" c ", "c"],
      ["Catégorie D", "d"],
      ["simple", "a"],
      ["2 verres simples", "a"],
      ["deux verres complexes", "c"],
      ["complexe", "c"],
      ["très complexe", "f"],
      ["tres complexe", "f"],
      ["TRÈS COMPLEXE", "f"],
      ["simple-complexe", "b"],
      ["complexe - simple", "b"],
      ["simple / très complexe", "d"],
      ["1 verre simple + 1 verre très complexe", "d"],
      ["complexe / très complexe", "e"],
      ["très complexe et complexe", "e"],
      ["2 verres très complexes", "f"],
    ];
    for (const [texte, attendu] of formes) assert.equal(categorieDepuisTexte(texte), attendu, texte);
    for (const faux of ["", "g", "aa", "simple complexe très complexe", "classe A", "progressif", "100 % Santé"]) {
      assert.throws(
        () => categorieDepuisTexte(faux),
        (e: unknown) => estRembError(e) && /Catégorie d'équipement inconnue/.test((e as Error).message),
        faux,
      );
    }
    assert.throws(() => categorieDepuisTexte(3 as unknown as string), /Catégorie d'équipement invalide/);
  });

  it("labels types and categories in French", () => {
    assert.equal(libelleTypeVerre("tres_complexe"), "très complexe");
    assert.equal(libelleTypeVerre("simple"), "simple");
    assert.equal(typeVerreDepuisTexte("Très complexe"), "tres_complexe");
    assert.equal(typeVerreDepuisTexte("complexe"), "complexe");
    assert.throws(() => typeVerreDepuisTexte("simple complexe"), /Type de verre inconnu/);
    assert.equal(libelleCategorie("c"), "c (2 verres complexes)");
    assert.equal(libelleCategorie("f"), "f (2 verres très complexes)");
    assert.equal(libelleCategorie("d"), "d (1 verre simple + 1 verre très complexe)");
    assert.throws(() => libelleTypeVerre("x" as TypeVerre), RembError);
  });
});
