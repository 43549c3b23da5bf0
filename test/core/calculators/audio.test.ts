import assert from "node:assert/strict";
import fc from "fast-check";
import { calculerAudio, classeAudioDepuisTexte, type EntreeAudio } from "../../../src/core/calculators/audio";
import { garantieDepuisNombre, type Garantie } from "../../../src/core/garantie";
import { jourDepuisCivil, jourDepuisIso } from "../../../src/core/dates";
import { chargerFixtures, cents, garantie, jour, verifierErreur, type CasFixture } from "./soins-fixtures";
import { centsArb, proprieteDecompteOuRembError, verifierDecompteDispositif } from "./optique-audio-dentaire-fixtures";

function entree(c: CasFixture): EntreeAudio {
  const e = c.entree;
  const opt = (k: string, f: (x: unknown) => unknown) => (e[k] !== undefined ? { [k]: f(e[k]) } : {});
  return {
    date: jour(c.date),
    garantie: garantie(e["garantie"]),
    prix: cents(e["prix"], "prix"),
    ...opt("dateContrat", jour),
    ...opt("classe", (x) => x),
    ...opt("age", (x) => x),
    ...opt("responsable", (x) => x),
  } as EntreeAudio;
}

describe("calculerAudio (fixtures audio.json)", () => {
  const f = chargerFixtures("audio");
  for (const c of f.cas) {
    it(c.nom, () => {
      if (c.erreur) return verifierErreur(() => calculerAudio(entree(c)), c.erreur, c.nom);
      const d = calculerAudio(entree(c));
      verifierDecompteDispositif(d, c.attendu!, c.nom);
      const detail = calculerAudio(entree(c), { detail: true });
      assert.deepEqual({ ...detail, etapes: [] }, { ...d, etapes: [] }, "le détail ne change que les étapes");
      assert.ok(detail.etapes.length >= 8);
      assert.equal(detail.etapes.at(-1)!.montant, d.rac);
    });
  }
});

describe("calculerAudio: detail", () => {
  it("shows BR (by age) → RO brut → RO net → G → cap → RC → RAC with references", () => {
    const d = calculerAudio({ date: jourDepuisIso("2025-06-01"), garantie: garantieDepuisNombre(2000, "EUR"), prix: 250000 }, { detail: true });
    const libelles = d.etapes.map((e) => e.libelle);
    const ordre = [
      /^Base de remboursement \(adulte, 20 ans et plus, par défaut\)/,
      /^RO brut \(60\u00a0% × 400,00/,
      /^Retenue : aucune/,
      /^RO net/,
      /^Garantie : Forfait 2000\s€, Sécu incluse : 2\u202f000,00/,
      /^Plafond de la classe II/,
      /^Garantie plafonnée/,
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
    assert.match(d.etapes[positions[5]!]!.reference ?? "", /R871-2 4°/);
    assert.equal(calculerAudio({ date: jourDepuisIso("2025-06-01"), garantie: garantieDepuisNombre(2000, "EUR"), prix: 250000 }).etapes.length, 0);
  });

  it("reads the class from French text", () => {
    assert.equal(classeAudioDepuisTexte("classe I"), "I");
    assert.equal(classeAudioDepuisTexte("100 % Santé"), "I");
    assert.equal(classeAudioDepuisTexte("2"), "II");
    assert.equal(classeAudioDepuisTexte("Classe II"), "II");
    assert.throws(() => classeAudioDepuisTexte("III"), /Classe d'aide auditive inconnue/);
  });
});

describe("calculerAudio: properties", () => {
  const jours = fc.oneof(
    { weight: 15, arbitrary: fc.integer({ min: jourDepuisCivil(2019, 1, 1), max: jourDepuisCivil(2030, 12, 31) }) },
    { weight: 4, arbitrary: fc.integer({ min: jourDepuisCivil(2000, 1, 1), max: jourDepuisCivil(2018, 12, 31) }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, Number.NaN, jourDepuisCivil(1899, 1, 1)) },
  );
  const garanties: fc.Arbitrary<Garantie> = fc.oneof(
    fc.integer({ min: 0, max: 400_000 }).map((c) => garantieDepuisNombre(c / 100, "EUR")),
    fc.integer({ min: 0, max: 500 }).map((p) => garantieDepuisNombre(p / 100, "BR")),
    fc
      .integer({ min: 0, max: 300_000 })
      .map((c): Garantie => ({ type: "formule", termes: [{ terme: { type: "montant", cents: c } }], convention: "RO_EN_SUS", conventionExplicite: true })),
    fc.constant<Garantie>({
      type: "formule",
      termes: [{ terme: { type: "pourcentage", taux: { num: 1, exp: 0 }, base: "FR" } }],
      limite: [{ terme: { type: "plafondLegal" } }],
      convention: "RO_INCLUS",
      conventionExplicite: false,
    }),
    fc.constant<Garantie>({
      type: "formule",
      termes: [{ terme: { type: "pourcentage", taux: { num: 1, exp: 0 }, base: "PLV" } }],
      convention: "RO_INCLUS",
      conventionExplicite: false,
    }),
    fc.constant<Garantie>({ type: "neant" }),
    fc.constantFrom<Garantie>({ type: "service", texte: "Inclus" }, null as unknown as Garantie),
  );
  const arb = fc.record(
    {
      date: jours,
      dateContrat: fc.option(jours, { nil: undefined }),
      garantie: garanties,
      prix: centsArb(400_000),
      classe: fc.option(fc.oneof({ weight: 10, arbitrary: fc.constantFrom("I", "II") }, { weight: 1, arbitrary: fc.constantFrom("III", "i") }), {
        nil: undefined,
      }),
      age: fc.option(
        fc.oneof(
          { weight: 10, arbitrary: fc.integer({ min: 0, max: 110 }) },
          { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN, 19.99, 200, "12" as unknown as number) },
        ),
        { nil: undefined },
      ),
      responsable: fc.option(fc.oneof({ weight: 10, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant<unknown>(1) }), { nil: undefined }),
    },
    { requiredKeys: ["date", "garantie", "prix"] },
  );

  it("returns a breakdown with RO net + RC + RAC = FR and 0 ≤ RC ≤ FR − RO brut, or a RembError (10 000 cases)", () => {
    const { ok, erreurs } = proprieteDecompteOuRembError(arb, (x) => calculerAudio(x as unknown as EntreeAudio));
    assert.ok(ok > 3000 && erreurs > 500, `cas calculés ${ok}, erreurs ${erreurs}`);
  });

  it("gives RAC = price above the PLV for a classe I aid under a 2021+ responsible contract, whatever the guarantee", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 400_000 }), (g, prix) => {
        const d = calculerAudio({ date: jourDepuisIso("2025-06-01"), garantie: garantieDepuisNombre(g / 100, "EUR"), prix, classe: "I" });
        assert.equal(d.rac, prix > 95000 ? prix - 95000 : 0);
      }),
      { numRuns: 1000 },
    );
  });
});
