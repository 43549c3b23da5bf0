import assert from "node:assert/strict";
import fc from "fast-check";
import { RembError } from "../../../src/core/errors";
import { CENTS_MAX, taux as creerTaux, type Cents, type Taux } from "../../../src/core/money";
import { jourDepuisIso, type Jour } from "../../../src/core/dates";
import type { Garantie, Terme, TermePeriode, UniteTemps } from "../../../src/core/garantie";
import type { Decompte } from "../../../src/core/calculators/decompte";
import { calculerSoins } from "../../../src/core/calculators/soins";
import { calculerSejour } from "../../../src/core/calculators/sejour";
import { forfaitJournalier } from "../../../src/core/calculators/forfait-journalier";
import { roBrut, roNet, ticketModerateur } from "../../../src/core/calculators/ro";
import { calculerTsa } from "../../../src/core/calculators/tsa";
import { retenueDepuisTexte, type Retenue } from "../../../src/core/calculators/retenue";

/**
 * Every call, on any input (sensible or not), either returns a Decompte with RO net + RC + RAC = FR and
 * 0 ≤ RC ≤ FR − RO brut, or throws a RembError — never a TypeError, a NaN, or a broken invariant.
 */

const RUNS = 10_000;
const j = jourDepuisIso;

// ---- arbitraries -------------------------------------------------------------------------------------------

const centsRaisonnables = fc.integer({ min: 0, max: 500_000 });
const centsQuelconques: fc.Arbitrary<Cents> = fc.oneof(
  { weight: 40, arbitrary: centsRaisonnables },
  { weight: 1, arbitrary: fc.integer({ min: -100_000, max: -1 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0.5, 12.34, 1e12, CENTS_MAX, CENTS_MAX + 1, 2 ** 53) },
  { weight: 1, arbitrary: fc.double() },
);

const tauxValide: fc.Arbitrary<Taux> = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => creerTaux(n, 2)),
  fc.integer({ min: 0, max: 1000 }).map((n) => creerTaux(n, 3)),
  fc.constantFrom(creerTaux(7, 1), creerTaux(6, 1), creerTaux(8, 1), creerTaux(1), creerTaux(0), creerTaux(15, 2)),
);
const tauxQuelconque: fc.Arbitrary<Taux> = fc.oneof(
  { weight: 40, arbitrary: tauxValide },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 100_000 }).map((n) => creerTaux(n, 2)) },
  { weight: 1, arbitrary: fc.integer({ min: -100, max: -1 }).map((n) => creerTaux(n, 2)) },
  {
    weight: 1,
    arbitrary: fc.record({ num: fc.oneof(fc.double(), fc.integer()), exp: fc.oneof(fc.integer({ min: -3, max: 20 }), fc.double()) }) as fc.Arbitrary<Taux>,
  },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, "0,7") as unknown as fc.Arbitrary<Taux> },
);

const jourRaisonnable = fc.integer({ min: j("2004-06-01"), max: j("2030-12-31") });
const jourQuelconque: fc.Arbitrary<Jour> = fc.oneof(
  { weight: 40, arbitrary: jourRaisonnable },
  { weight: 1, arbitrary: fc.integer({ min: -3_000_000, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 1.5, Infinity, -1e12) },
);

const unites: UniteTemps[] = ["acte", "jour", "nuit", "seance", "an", "beneficiaire", "equipement", "sejour"];
const terme: fc.Arbitrary<Terme> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      type: fc.constant("pourcentage" as const),
      taux: fc.integer({ min: 0, max: 500 }).map((n) => creerTaux(n, 2)),
      base: fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom("BR", "BR", "BR", "TM", "FR", "PMSS") },
        { weight: 1, arbitrary: fc.constantFrom("PLV", "HLF") },
      ) as fc.Arbitrary<"BR">,
    }),
  },
  { weight: 6, arbitrary: fc.record({ type: fc.constant("montant" as const), cents: fc.integer({ min: 0, max: 200_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ type: "plafondLegal" as const }) },
);
const termePeriode: fc.Arbitrary<TermePeriode> = fc.record(
  { terme, periode: fc.record({ nombre: fc.integer({ min: 1, max: 3 }), unite: fc.constantFrom(...unites) }) },
  { requiredKeys: ["terme"] },
);
const formule: fc.Arbitrary<Garantie> = fc.record(
  {
    type: fc.constant("formule" as const),
    termes: fc.array(termePeriode, { minLength: 1, maxLength: 3 }),
    limite: fc.array(termePeriode, { minLength: 1, maxLength: 2 }),
    nombreMax: fc.record({ nombre: fc.integer({ min: 1, max: 5 }), periode: fc.record({ nombre: fc.constant(1), unite: fc.constantFrom(...unites) }) }),
    convention: fc.constantFrom("RO_INCLUS" as const, "RO_EN_SUS" as const),
    conventionExplicite: fc.boolean(),
  },
  { requiredKeys: ["type", "termes", "convention", "conventionExplicite"] },
);
const garantieValide: fc.Arbitrary<Garantie> = fc.oneof(
  { weight: 8, arbitrary: formule },
  { weight: 1, arbitrary: fc.constant({ type: "neant" } as Garantie) },
);
const garantieQuelconque: fc.Arbitrary<Garantie> = fc.oneof(
  { weight: 30, arbitrary: garantieValide },
  { weight: 1, arbitrary: fc.constant({ type: "service", texte: "Inclus" } as Garantie) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(undefined, null, 1.5, "150 % BR", { type: "xyz" }, { type: "formule", termes: [] }) as unknown as fc.Arbitrary<Garantie>,
  },
);

const retenueQuelconque: fc.Arbitrary<Retenue | undefined> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.constantFrom(undefined, "AUCUNE", "PF", "FRANCHISE", "FRANCHISE-MEDICAMENT", "FRANCHISE-TRANSPORT") as fc.Arbitrary<Retenue | undefined>,
  },
  { weight: 4, arbitrary: centsQuelconques },
  { weight: 1, arbitrary: fc.string() as unknown as fc.Arbitrary<Retenue> },
);
const booleenQuelconque = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(undefined, true, false) },
  { weight: 1, arbitrary: fc.constantFrom("oui", 1) },
) as fc.Arbitrary<boolean | undefined>;
const detail = fc.constantFrom(undefined, { detail: true }, { detail: false });

// ---- checks ------------------------------------------------------------------------------------------------

function verifierInvariants(d: Decompte): void {
  for (const [k, v] of Object.entries({
    fr: d.fr,
    br: d.br,
    roBrut: d.roBrut,
    retenue: d.retenue,
    roNet: d.roNet,
    garantie: d.garantie,
    rc: d.rc,
    rac: d.rac,
  })) {
    assert.ok(Number.isSafeInteger(v), `${k} = ${v} n'est pas un nombre entier de centimes`);
  }
  assert.equal(d.roNet + d.rc + d.rac, d.fr, "RO net + RC + RAC = FR");
  assert.ok(d.rc >= 0 && d.rc <= d.fr - d.roBrut, "0 ≤ RC ≤ FR − RO brut");
  assert.ok(d.roNet >= 0 && d.roNet <= d.roBrut && d.retenue >= 0 && d.rac >= 0);
  assert.equal(d.roBrut - d.retenue, d.roNet);
  for (const a of d.alertes) assert.equal(typeof a, "string");
}

/** Runs a calculator: a Decompte satisfying the invariants, or a RembError; anything else fails. */
function decompteOuRembError(f: () => Decompte): Decompte | RembError {
  let d: Decompte;
  try {
    d = f();
  } catch (e) {
    if (e instanceof RembError) {
      assert.ok(e.message.length > 10, "message d'erreur vide");
      assert.ok(e.nature === "valeur" || e.nature === "indisponible");
      return e;
    }
    throw e;
  }
  verifierInvariants(d);
  return d;
}

function montantOuRembError(f: () => Cents): void {
  try {
    const c = f();
    assert.ok(Number.isSafeInteger(c) && c >= 0, `montant ${c}`);
  } catch (e) {
    if (!(e instanceof RembError)) throw e;
  }
}

// ---- properties --------------------------------------------------------------------------------------------

describe("propriétés des calculateurs (soins, séjour, FJ, RO, TSA)", function () {
  this.timeout(120_000);

  it(`calculerSoins : Decompte cohérent ou RembError (${RUNS} cas, entrées absurdes comprises)`, () => {
    fc.assert(
      fc.property(
        fc.record({
          date: jourQuelconque,
          fr: centsQuelconques,
          br: centsQuelconques,
          tauxRo: tauxQuelconque,
          garantie: garantieQuelconque,
          secteur: fc.oneof(
            { weight: 20, arbitrary: fc.constantFrom(undefined, "OPTAM", "NON-OPTAM", "NON-OPTAM") },
            { weight: 1, arbitrary: fc.constantFrom("secteur 2", "") },
          ),
          retenue: retenueQuelconque,
          responsable: booleenQuelconque,
          garantieOptam: fc.option(garantieQuelconque, { nil: undefined }),
          dateContrat: fc.option(jourQuelconque, { nil: undefined }),
        }),
        detail,
        (e, o) => {
          decompteOuRembError(() => calculerSoins(e as never, o));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`calculerSoins sur des entrées valides : conséquences de docs/modele-de-calcul.md §2 et plafond non-OPTAM (${RUNS} cas)`, () => {
    fc.assert(
      fc.property(
        jourRaisonnable.filter((d) => d >= j("2019-01-01")),
        centsRaisonnables,
        centsRaisonnables,
        tauxValide,
        garantieValide.filter((g) => g.type === "neant" || !JSON.stringify(g).match(/PLV|HLF|plafondLegal/)),
        fc.constantFrom("OPTAM" as const, "NON-OPTAM" as const),
        fc.constantFrom<Retenue>("AUCUNE", "PF", "FRANCHISE"),
        (date, fr, br, tauxRo, garantie, secteur, retenue) => {
          const d = calculerSoins({ date, fr, br, tauxRo, garantie, secteur, retenue, dateContrat: j("2020-01-01") });
          verifierInvariants(d);
          const sansDetail = {
            ...calculerSoins({ date, fr, br, tauxRo, garantie, secteur, retenue, dateContrat: j("2020-01-01") }, { detail: true }),
            etapes: [],
          };
          assert.deepEqual(sansDetail, { ...d, etapes: [] });
          // G ≥ FR ⇒ RC = FR − RO brut and RAC = PF + franchise.
          if (d.garantie >= fr) {
            assert.equal(d.rc, Math.max(0, fr - d.roBrut));
            if (fr >= d.roBrut) assert.equal(d.rac, d.retenue);
          }
          // Non-OPTAM under a responsible contract of 2020: G ≤ BR + 100 % BR.
          if (secteur === "NON-OPTAM" && d.br > 0) assert.ok(d.garantie <= 2 * d.br);
          // The PF / franchise always stays with the patient when the line is fully covered.
          assert.ok(d.rac >= (d.garantie >= fr && fr >= d.roBrut ? d.retenue : 0));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("100 % BR with FR = BR pays exactly the TM (docs/modele-de-calcul.md §2)", () => {
    fc.assert(
      fc.property(
        jourRaisonnable.filter((d) => d >= j("2005-01-01")),
        centsRaisonnables,
        tauxValide,
        (date, br, tauxRo) => {
          const g: Garantie = {
            type: "formule",
            termes: [{ terme: { type: "pourcentage", taux: creerTaux(1), base: "BR" } }],
            convention: "RO_INCLUS",
            conventionExplicite: false,
          };
          const d = calculerSoins({ date, fr: br, br, tauxRo, garantie: g, retenue: "PF" });
          assert.equal(d.rc, ticketModerateur(br, tauxRo));
          assert.equal(d.rac, d.retenue);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it(`calculerSejour : Decompte cohérent ou RembError (${RUNS} cas)`, () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            date: jourQuelconque,
            fr: centsQuelconques,
            br: centsQuelconques,
            garantie: garantieQuelconque,
            acteLourd: booleenQuelconque,
            tauxRo: tauxQuelconque,
            responsable: booleenQuelconque,
            dateContrat: jourQuelconque,
          },
          { requiredKeys: ["date", "fr", "br", "garantie"] },
        ),
        detail,
        (e, o) => {
          const r = decompteOuRembError(() => calculerSejour(e as never, o));
          if (!(r instanceof RembError) && e.acteLourd === true) assert.ok(r.roBrut <= r.br);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`roBrut / ticketModerateur / roNet / forfaitJournalier / calculerTsa / retenueDepuisTexte : montant ≥ 0 ou RembError (${RUNS} cas)`, () => {
    fc.assert(
      fc.property(
        centsQuelconques,
        tauxQuelconque,
        fc.option(centsQuelconques, { nil: undefined }),
        jourQuelconque,
        booleenQuelconque,
        fc.string(),
        (c, t, x, date, b, s) => {
          montantOuRembError(() => roBrut(c, t));
          montantOuRembError(() => ticketModerateur(c, t, x));
          montantOuRembError(() => roNet(c, t, x));
          montantOuRembError(() => forfaitJournalier(typeof x === "number" ? x : 3, b as boolean, date));
          montantOuRembError(() => calculerTsa(c, b as boolean, date));
          try {
            retenueDepuisTexte(s);
          } catch (e) {
            if (!(e instanceof RembError)) throw e;
          }
          // RO brut + TM = BR exactly, whenever the inputs are accepted.
          let somme: number | undefined;
          try {
            somme = roBrut(c, t) + ticketModerateur(c, t);
          } catch (e) {
            if (!(e instanceof RembError)) throw e;
          }
          if (somme !== undefined) assert.equal(somme, c === 0 ? 0 : c);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
