import assert from "node:assert/strict";
import fc from "fast-check";
import { RembError } from "../../../src/core/errors";
import { CENTS_MAX, taux as creerTaux, tauxDepuisNombre, type Cents, type Taux } from "../../../src/core/money";
import { jourDepuisIso, type Jour } from "../../../src/core/dates";
import { parseGarantie, type Garantie, type Terme, type TermePeriode, type UniteTemps } from "../../../src/core/garantie";
import { compilerGarantie } from "../../../src/core/garantie/compiler";
import { calculerSoins, type EntreeSoins } from "../../../src/core/calculators/soins";
import { calculerSoinsCompile, nouveauResultatSoins, nouvelleLigneSoins, type LigneSoins } from "../../../src/core/calculators/soins-compile";
import type { Retenue } from "../../../src/core/calculators/retenue";
import type { Secteur } from "../../../src/core/calculators/secteur";

/**
 * calculerSoinsCompile (the claims-table path, guarantees compiled) against calculerSoins (the reference): on random
 * lines, valid or not, every amount is equal to the cent, the non-OPTAM cap binds on the same lines, and an invalid
 * line raises the same RembError (code and message).
 */

const RUNS = 20_000;
const j = jourDepuisIso;

const cents = fc.oneof(
  { weight: 40, arbitrary: fc.integer({ min: 0, max: 500_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN, 0.5, -0, CENTS_MAX, CENTS_MAX + 1, 2 ** 53) },
);
const tauxRo: fc.Arbitrary<Taux> = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(0.7, 0.6, 0.8, 0.65, 1, 0, 0.3, 0.15).map((t) => tauxDepuisNombre(t)) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => creerTaux(n, 3)) },
  { weight: 1, arbitrary: fc.constantFrom(creerTaux(101, 2), { num: -1, exp: 2 }, { num: 1, exp: 99 }, null) as fc.Arbitrary<Taux> },
);
const date: fc.Arbitrary<Jour> = fc.oneof(
  { weight: 40, arbitrary: fc.integer({ min: j("2010-01-01"), max: j("2028-12-31") }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 1.5, -1e12, j("1990-01-01")) },
);
const unites: UniteTemps[] = ["acte", "jour", "seance", "an", "equipement"];
const terme: fc.Arbitrary<Terme> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      type: fc.constant("pourcentage" as const),
      taux: fc.integer({ min: 0, max: 500 }).map((n) => creerTaux(n, 2)),
      base: fc.constantFrom("BR", "BR", "BR", "TM", "FR", "PMSS", "PLV"),
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
    minimum: fc.array(termePeriode, { minLength: 1, maxLength: 2 }),
    nombreMax: fc.record({ nombre: fc.integer({ min: 1, max: 5 }), periode: fc.record({ nombre: fc.constant(1), unite: fc.constantFrom(...unites) }) }),
    convention: fc.constantFrom("RO_INCLUS" as const, "RO_EN_SUS" as const),
    conventionExplicite: fc.boolean(),
  },
  { requiredKeys: ["type", "termes", "convention", "conventionExplicite"] },
);
const TEXTES = [
  "100 % BR",
  "150 % BR",
  "200 % BR",
  "300 % BR + 50 €",
  "Frais réels",
  "100 % TM",
  "50 € en sus du RO",
  "Frais réels dans la limite des plafonds du contrat responsable",
  "Néant",
  "Inclus",
];
const garantie: fc.Arbitrary<Garantie> = fc.oneof(
  { weight: 10, arbitrary: formule },
  { weight: 10, arbitrary: fc.constantFrom(...TEXTES).map(parseGarantie) },
  { weight: 1, arbitrary: fc.constantFrom({ type: "xyz" }, { type: "formule", termes: [] }) as unknown as fc.Arbitrary<Garantie> },
);
const retenue = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.constantFrom(undefined, "AUCUNE", "PF", "FRANCHISE", "FRANCHISE-MEDICAMENT", "FRANCHISE-TRANSPORT") as fc.Arbitrary<Retenue | undefined>,
  },
  { weight: 4, arbitrary: cents },
  { weight: 1, arbitrary: fc.constant("PFX") as unknown as fc.Arbitrary<Retenue> },
);
const secteur = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(undefined, "OPTAM", "NON-OPTAM", "NON-OPTAM", "PRESCRIT-NON-CONVENTIONNE") as fc.Arbitrary<Secteur | undefined> },
  { weight: 1, arbitrary: fc.constant("secteur 2") as unknown as fc.Arbitrary<Secteur> },
);
const booleen = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(undefined, true, false) }, { weight: 1, arbitrary: fc.constant("oui") }) as fc.Arbitrary<
  boolean | undefined
>;

const arbEntree: fc.Arbitrary<EntreeSoins> = fc
  .record({
    date,
    fr: cents,
    br: cents,
    tauxRo,
    garantie,
    secteur,
    retenue,
    responsable: booleen,
    garantieOptam: fc.option(garantie, { nil: undefined, freq: 2 }),
    dateContrat: fc.option(date, { nil: undefined, freq: 2 }),
  })
  .map((e) => {
    const r: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) if (v !== undefined) r[k] = v;
    return r as unknown as EntreeSoins;
  });

type Issue = Record<string, Cents | boolean> | { code: string; message: string };

function interprete(e: EntreeSoins): Issue {
  try {
    const d = calculerSoins(e);
    return {
      fr: d.fr,
      br: d.br,
      roBrut: d.roBrut,
      retenue: d.retenue,
      roNet: d.roNet,
      garantie: d.garantie,
      rc: d.rc,
      rac: d.rac,
      plafonne: d.plafonds.some((p) => p.code === "non_optam"),
    };
  } catch (x) {
    if (x instanceof RembError) return { code: x.code, message: x.message };
    throw x;
  }
}

function compile(e: EntreeSoins, l: LigneSoins): Issue {
  const r = nouveauResultatSoins();
  try {
    l.date = e.date;
    l.fr = e.fr;
    l.br = e.br;
    l.tauxRo = e.tauxRo;
    l.garantie = compilerGarantie(e.garantie);
    l.secteur = e.secteur;
    l.retenue = e.retenue;
    l.responsable = e.responsable;
    l.garantieOptam = e.garantieOptam === undefined ? undefined : compilerGarantie(e.garantieOptam);
    l.dateContrat = e.dateContrat;
    calculerSoinsCompile(l, r);
    return { fr: r.fr, br: r.br, roBrut: r.roBrut, retenue: r.retenue, roNet: r.roNet, garantie: r.garantie, rc: r.rc, rac: r.rac, plafonne: r.plafonne };
  } catch (x) {
    if (x instanceof RembError) return { code: x.code, message: x.message };
    throw x;
  }
}

describe("calculerSoinsCompile — égal à calculerSoins au centime, erreurs comprises", () => {
  // One line record for the whole run, as the claims-table reader reuses it: what one line leaves must not leak.
  const ligne = nouvelleLigneSoins(compilerGarantie(parseGarantie("100 % BR")));

  it(`${RUNS} lignes aléatoires (valides ou non, OPTAM et non-OPTAM, retenues, contrats non responsables)`, () => {
    let plafonnees = 0;
    let erreurs = 0;
    let sansRo = 0;
    fc.assert(
      fc.property(arbEntree, (e) => {
        const attendu = interprete(e);
        assert.deepEqual(compile(e, ligne), attendu, JSON.stringify(e));
        if ("code" in attendu) erreurs++;
        else if (attendu.plafonne === true) plafonnees++;
        // Prescribed outside the convention after the exclusion date: the RO is 0 whatever the rate.
        if (!("code" in attendu) && e.secteur === "PRESCRIT-NON-CONVENTIONNE" && attendu.roBrut === 0 && (attendu.br as number) > 0 && e.tauxRo.num > 0)
          sansRo++;
      }),
      { numRuns: RUNS },
    );
    // The run must reach both the capped lines and the refusals, or it proves little about them.
    assert.ok(plafonnees > 100, `${plafonnees} lignes plafonnées seulement`);
    assert.ok(erreurs > 100 && erreurs < (RUNS * 3) / 4, `${erreurs} erreurs`);
    assert.ok(sansRo > 20, `${sansRo} lignes prescrites hors convention sans RO seulement`);
  });
});
