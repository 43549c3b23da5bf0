import assert from "node:assert/strict";
import fc from "fast-check";
import { calculerDentaire, panierDepuisTexte, type EntreeDentaire } from "../../../src/core/calculators/dentaire";
import { garantieDepuisNombre, type Garantie } from "../../../src/core/garantie";
import { jourDepuisCivil, jourDepuisIso } from "../../../src/core/dates";
import type { Taux } from "../../../src/core/money";
import { chargerFixtures, cents, garantie, jour, taux, verifierErreur, type CasFixture } from "./soins-fixtures";
import { centsArb, proprieteDecompteOuRembError, verifierDecompteDispositif } from "./optique-audio-dentaire-fixtures";

function entree(c: CasFixture): EntreeDentaire {
  const e = c.entree;
  const opt = (k: string, f: (x: unknown) => unknown) => (e[k] !== undefined ? { [k]: f(e[k]) } : {});
  return {
    date: jour(c.date),
    garantie: garantie(e["garantie"]),
    fr: cents(e["fr"], "fr"),
    br: cents(e["br"], "br"),
    ...opt("dateContrat", jour),
    ...opt("panier", (x) => x),
    ...opt("tauxRo", taux),
    ...opt("hlf", (x) => cents(x, "hlf")),
    ...opt("responsable", (x) => x),
  } as EntreeDentaire;
}

describe("calculerDentaire (fixtures dentaire.json)", () => {
  const f = chargerFixtures("dentaire");
  for (const c of f.cas) {
    it(c.nom, () => {
      if (c.erreur) return verifierErreur(() => calculerDentaire(entree(c)), c.erreur, c.nom);
      const d = calculerDentaire(entree(c));
      verifierDecompteDispositif(d, c.attendu!, c.nom);
      const detail = calculerDentaire(entree(c), { detail: true });
      assert.deepEqual({ ...detail, etapes: [] }, { ...d, etapes: [] }, "le détail ne change que les étapes");
      assert.ok(detail.etapes.length >= 8);
      assert.equal(detail.etapes.at(-1)!.montant, d.rac);
    });
  }
});

describe("calculerDentaire: detail and baskets", () => {
  it("shows BR → RO brut (dated rate with its reference) → RO net → G → 100 % Santé → RC → RAC", () => {
    const d = calculerDentaire(
      { date: jourDepuisIso("2025-06-01"), garantie: garantieDepuisNombre(1, "BR"), fr: 55000, br: 12000, panier: "100%SANTE", hlf: 50000 },
      { detail: true },
    );
    const libelles = d.etapes.map((e) => e.libelle);
    const ordre = [
      /^Base de remboursement/,
      /^RO brut \(60\u00a0% × 120,00/,
      /^Retenue : aucune/,
      /^RO net/,
      /^Garantie : 100\s%\sBR, Sécu incluse : 120,00/,
      /^Honoraires limites/,
      /^Prise en charge 100 % Santé/,
      /^RC/,
      /^Reste à charge/,
    ];
    const positions = ordre.map((re) => libelles.findIndex((l) => re.test(l)));
    assert.ok(
      positions.every((p) => p >= 0),
      `étapes manquantes : ${JSON.stringify(libelles)}`,
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
    assert.match(d.etapes[positions[1]!]!.reference ?? "", /R160-5/);
    assert.match(d.etapes[positions[6]!]!.reference ?? "", /R871-2 5°/);
  });

  it("reads baskets from French text", () => {
    const formes: [string, string][] = [
      ["100 % Santé", "100%SANTE"],
      ["100%SANTE", "100%SANTE"],
      ["100% santé", "100%SANTE"],
      ["RAC 0", "100%SANTE"],
      ["reste à charge zéro", "100%SANTE"],
      ["maîtrisé", "MAITRISE"],
      ["MAITRISE", "MAITRISE"],
      ["Tarifs maîtrisés", "MAITRISE"],
      ["modéré", "MAITRISE"],
      ["libre", "LIBRE"],
      ["Tarifs libres", "LIBRE"],
      ["", "LIBRE"],
    ];
    for (const [t, p] of formes) assert.equal(panierDepuisTexte(t), p, t);
    for (const t of ["premium", "100", "santé"]) assert.throws(() => panierDepuisTexte(t), /Panier dentaire inconnu/);
  });
});

describe("calculerDentaire: properties", () => {
  const jours = fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: jourDepuisCivil(2005, 1, 1), max: jourDepuisCivil(2030, 12, 31) }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, Number.NaN, jourDepuisCivil(1899, 1, 1), jourDepuisCivil(2004, 12, 31)) },
  );
  const garanties: fc.Arbitrary<Garantie> = fc.oneof(
    fc.integer({ min: 0, max: 100_000 }).map((c) => garantieDepuisNombre(c / 100, "EUR")),
    fc.integer({ min: 0, max: 600 }).map((p) => garantieDepuisNombre(p / 100, "BR")),
    fc
      .integer({ min: 0, max: 100_000 })
      .map((c): Garantie => ({ type: "formule", termes: [{ terme: { type: "montant", cents: c } }], convention: "RO_EN_SUS", conventionExplicite: true })),
    fc.constant<Garantie>({
      type: "formule",
      termes: [{ terme: { type: "pourcentage", taux: { num: 1, exp: 0 }, base: "HLF" } }],
      convention: "RO_INCLUS",
      conventionExplicite: false,
    }),
    fc.constant<Garantie>({ type: "neant" }),
    fc.constantFrom<Garantie>({ type: "service", texte: "Inclus" }, null as unknown as Garantie),
  );
  const taux: fc.Arbitrary<Taux> = fc.oneof(
    { weight: 10, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => ({ num: n, exp: 2 })) },
    { weight: 1, arbitrary: fc.constantFrom<Taux>({ num: 15, exp: 1 }, { num: -1, exp: 1 }, { num: Number.NaN, exp: 0 }) },
  );
  const arb = fc.record(
    {
      date: jours,
      dateContrat: fc.option(jours, { nil: undefined }),
      garantie: garanties,
      fr: centsArb(300_000),
      br: centsArb(100_000),
      panier: fc.option(
        fc.oneof({ weight: 10, arbitrary: fc.constantFrom("100%SANTE", "MAITRISE", "LIBRE") }, { weight: 1, arbitrary: fc.constant("100 % Santé") }),
        { nil: undefined },
      ),
      tauxRo: fc.option(taux, { nil: undefined }),
      hlf: fc.option(centsArb(200_000), { nil: undefined }),
      responsable: fc.option(fc.oneof({ weight: 10, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant<unknown>(0) }), { nil: undefined }),
    },
    { requiredKeys: ["date", "garantie", "fr", "br"] },
  );

  it("returns a breakdown with RO net + RC + RAC = FR and 0 ≤ RC ≤ FR − RO brut, or a RembError (10 000 cases)", () => {
    const { ok, erreurs } = proprieteDecompteOuRembError(arb, (x) => calculerDentaire(x as unknown as EntreeDentaire));
    assert.ok(ok > 3000 && erreurs > 500, `cas calculés ${ok}, erreurs ${erreurs}`);
  });

  it("leaves no RAC within the HLF on a 100 % Santé act under a 2020+ responsible contract", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        (g, fr, br, hlf) => {
          const d = calculerDentaire({ date: jourDepuisIso("2025-06-01"), garantie: garantieDepuisNombre(g / 100, "EUR"), fr, br, hlf, panier: "100%SANTE" });
          // Within the HLF nothing is left; above it, the excess (or all but the RO when the HLF is below the RO).
          assert.equal(d.rac, fr <= hlf ? 0 : fr - Math.max(hlf, d.roBrut));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
