import assert from "node:assert/strict";
import fc from "fast-check";
import { calculerOptique, type EntreeOptique } from "../../../src/core/calculators/optique";
import type { CategorieOptique } from "../../../src/core/calculators/verres";
import { garantieDepuisNombre, type Garantie } from "../../../src/core/garantie";
import { jourDepuisCivil, jourDepuisIso } from "../../../src/core/dates";
import { chargerFixtures, cents, garantie, jour, verifierErreur, type CasFixture } from "./soins-fixtures";
import { centsArb, proprieteDecompteOuRembError, verifierDecompteDispositif } from "./optique-audio-dentaire-fixtures";

function entree(c: CasFixture): EntreeOptique {
  const e = c.entree;
  const opt = <K extends string>(k: K, f: (x: unknown) => unknown) => (e[k] !== undefined ? { [k]: f(e[k]) } : {});
  return {
    date: jour(c.date),
    garantie: garantie(e["garantie"]),
    monture: cents(e["monture"], "monture"),
    verres: cents(e["verres"], "verres"),
    categorie: e["categorie"] as CategorieOptique,
    ...opt("dateContrat", jour),
    ...opt("classe", (x) => x),
    ...opt("base", (x) => cents(x, "base")),
    ...opt("baseMonture", (x) => cents(x, "baseMonture")),
    ...opt("garantieMonture", garantie),
    ...opt("responsable", (x) => x),
  } as EntreeOptique;
}

describe("calculerOptique (fixtures optique.json)", () => {
  const f = chargerFixtures("optique");
  for (const c of f.cas) {
    it(c.nom, () => {
      if (c.erreur) return verifierErreur(() => calculerOptique(entree(c)), c.erreur, c.nom);
      const d = calculerOptique(entree(c));
      verifierDecompteDispositif(d, c.attendu!, c.nom);
      const detail = calculerOptique(entree(c), { detail: true });
      assert.deepEqual({ ...detail, etapes: [] }, { ...d, etapes: [] }, "le détail ne change que les étapes");
      assert.ok(detail.etapes.length >= 8);
      assert.equal(detail.etapes.at(-1)!.montant, d.rac);
    });
  }
});

describe("calculerOptique: detail", () => {
  const base: EntreeOptique = {
    date: jourDepuisIso("2025-06-01"),
    garantie: garantieDepuisNombre(900, "EUR"),
    monture: 15000,
    verres: 60000,
    categorie: "c",
  };

  it("builds no step without detail", () => {
    const d = calculerOptique(base);
    assert.equal(d.etapes.length, 0);
    assert.ok(Object.isFrozen(d.etapes));
  });

  it("shows BR → RO brut → retenue → RO net → G → caps → frame → lenses → RC → RAC with references", () => {
    const d = calculerOptique(base, { detail: true });
    const libelles = d.etapes.map((e) => e.libelle);
    const ordre = [
      /^Base de remboursement LPP/,
      /^RO brut \(60\u00a0% × 0,15/,
      /^Retenue : aucune/,
      /^RO net/,
      /^Garantie : Forfait 900\s€, Sécu incluse : 900,00/,
      /^Plafond de l'équipement/,
      /^Garantie plafonnée/,
      /^Limite de la monture/,
      /^Monture prise en charge/,
      /^Verres pris en charge/,
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
    const plafond = d.etapes[positions[5]!]!;
    assert.equal(plafond.montant, 70000);
    assert.match(plafond.reference ?? "", /R871-2 3° c\)/);
    assert.equal(d.etapes[positions[8]!]!.montant, 10000);
    assert.equal(d.etapes[positions[9]!]!.montant, 60000);
  });

  it("says in DETAIL that the classe A base is estimated (⚠ INF)", () => {
    const d = calculerOptique({ ...base, classe: "A", monture: 3000, verres: 8500, garantie: garantieDepuisNombre(0, "EUR") }, { detail: true });
    assert.ok(
      d.etapes.some((e) => /estimée.*⚠/.test(e.libelle)),
      JSON.stringify(d.etapes.map((e) => e.libelle)),
    );
  });
});

describe("calculerOptique: properties", () => {
  const jours = fc.oneof(
    { weight: 15, arbitrary: fc.integer({ min: jourDepuisCivil(2020, 1, 1), max: jourDepuisCivil(2030, 12, 31) }) },
    { weight: 5, arbitrary: fc.integer({ min: jourDepuisCivil(2013, 1, 1), max: jourDepuisCivil(2019, 12, 31) }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, Number.NaN, jourDepuisCivil(1899, 1, 1)) },
  );
  const garanties: fc.Arbitrary<Garantie> = fc.oneof(
    fc.integer({ min: 0, max: 200_000 }).map((c) => garantieDepuisNombre(c / 100, "EUR")),
    fc.integer({ min: 0, max: 500 }).map((p) => garantieDepuisNombre(p / 100, "BR")),
    fc
      .integer({ min: 0, max: 100_000 })
      .map((c): Garantie => ({ type: "formule", termes: [{ terme: { type: "montant", cents: c } }], convention: "RO_EN_SUS", conventionExplicite: true })),
    fc.constant<Garantie>({
      type: "formule",
      termes: [{ terme: { type: "pourcentage", taux: { num: 1, exp: 0 }, base: "FR" } }],
      limite: [{ terme: { type: "plafondLegal" } }],
      convention: "RO_INCLUS",
      conventionExplicite: false,
    }),
    fc.constant<Garantie>({ type: "neant" }),
    fc.constantFrom<Garantie>({ type: "service", texte: "Inclus" }, null as unknown as Garantie, { type: "formule", termes: [] } as unknown as Garantie),
  );
  const arb = fc.record(
    {
      date: jours,
      dateContrat: fc.option(jours, { nil: undefined }),
      garantie: garanties,
      garantieMonture: fc.option(garanties, { nil: undefined }),
      monture: centsArb(100_000),
      verres: centsArb(200_000),
      categorie: fc.oneof(
        { weight: 10, arbitrary: fc.constantFrom("a", "b", "c", "d", "e", "f") },
        { weight: 1, arbitrary: fc.constantFrom("g", "A", "", 3 as unknown as string) },
      ),
      classe: fc.option(fc.oneof({ weight: 10, arbitrary: fc.constantFrom("A", "B") }, { weight: 1, arbitrary: fc.constant("C") }), { nil: undefined }),
      base: fc.option(centsArb(20_000), { nil: undefined }),
      baseMonture: fc.option(centsArb(5_000), { nil: undefined }),
      responsable: fc.option(fc.oneof({ weight: 10, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant<unknown>("oui") }), { nil: undefined }),
    },
    { requiredKeys: ["date", "garantie", "monture", "verres", "categorie"] },
  );

  it("returns a breakdown with RO net + RC + RAC = FR and 0 ≤ RC ≤ FR − RO brut, or a RembError (10 000 cases)", () => {
    const { ok, erreurs } = proprieteDecompteOuRembError(arb, (x) => calculerOptique(x as unknown as EntreeOptique));
    assert.ok(ok > 1000 && erreurs > 1000, `cas calculés ${ok}, erreurs ${erreurs}`);
  });

  it("never pays more than the category cap (RO included) nor more than the frame limit, under a 2020 contract", () => {
    const caps: Record<string, number> = { a: 42000, b: 56000, c: 70000, d: 61000, e: 75000, f: 80000 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        fc.constantFrom("a", "b", "c", "d", "e", "f"),
        (g, monture, verres, categorie) => {
          const d = calculerOptique({
            date: jourDepuisIso("2025-06-01"),
            garantie: garantieDepuisNombre(g / 100, "EUR"),
            monture,
            verres,
            categorie: categorie as CategorieOptique,
          });
          assert.ok(d.roNet + d.rc <= caps[categorie]!);
          assert.ok(d.rac >= (monture > 10000 ? monture - 10000 : 0));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
