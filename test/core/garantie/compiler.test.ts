import assert from "node:assert/strict";
import fc from "fast-check";
import { RembError } from "../../../src/core/errors";
import { jourDepuisCivil, type Jour } from "../../../src/core/dates";
import { appliquerTaux, CENTS_MAX, centsDepuisEuros, taux, type Cents } from "../../../src/core/money";
import { INV_POW10, POW10_ENTIER, tauxPositifArrondi } from "../../../src/core/money/taux-rapide";
import {
  evaluerGarantieLigne,
  parseGarantie,
  UNITES,
  type BaseTaux,
  type ContexteComplementaire,
  type Formule,
  type Garantie,
  type Periode,
  type Terme,
  type TermePeriode,
  type UniteTemps,
} from "../../../src/core/garantie";
import { compilerGarantie, estGarantieCompilee } from "../../../src/core/garantie/compiler";
import { charger, contexte, type CasAccepte } from "./fixtures";

/**
 * The compiled evaluator (compiler.ts) against the interpreter (evaluer.ts, the reference): on random guarantees,
 * including shapes the parser never makes, and random contexts, including invalid ones, both give the same cents or
 * throw the same RembError (code and message). A difference of one cent, or an error on one side only, fails.
 */

const RUNS = 20_000;

type Issue = { cents: Cents } | { code: string; message: string } | { autre: string };

function issue(f: () => Cents): Issue {
  try {
    return { cents: f() };
  } catch (e) {
    if (e instanceof RembError) return { code: e.code, message: e.message };
    return { autre: `${(e as Error)?.name}: ${(e as Error)?.message}` };
  }
}

function comparer(g: Garantie, date: Jour, br: Cents, fr: Cents, roBrut: Cents, autres: ContexteComplementaire | undefined): void {
  const attendu = issue(() => evaluerGarantieLigne(g, date, br, fr, roBrut, autres));
  const c = compilerGarantie(g);
  const obtenu = issue(() => c.evaluer(date, br, fr, roBrut, autres));
  assert.deepEqual(obtenu, attendu, `${JSON.stringify(g)} sur ${JSON.stringify({ date, br, fr, roBrut, autres })}`);
}

// ---- arbitraries -------------------------------------------------------------------------------------------

const TOUTES_UNITES = Object.keys(UNITES) as UniteTemps[];
const BASES: BaseTaux[] = ["BR", "BR", "FR", "TM", "PMSS", "PLV", "HLF"];

const arbTaux = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 500 }).map((n) => taux(n, 2)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 8 }).chain((exp) => fc.integer({ min: 0, max: 100 * 10 ** exp }).map((num) => taux(num, exp))) },
  // Products beyond 2^53 and past CENTS_MAX: the decimal path and its errors.
  { weight: 1, arbitrary: fc.constantFrom(taux(123456789012345, 15), taux(99999, 0), taux(1, 0), taux(0, 0), taux(5, 1), taux(5, 3)) },
  // Not what the parser makes (negative): the compiled path must still agree with the interpreter.
  { weight: 1, arbitrary: fc.integer({ min: -500, max: -1 }).map((n) => taux(n, 2)) },
);
const arbCentsTerme = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 200_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, CENTS_MAX, CENTS_MAX + 1, 2 ** 53) },
);
const arbTerme: fc.Arbitrary<Terme> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant("pourcentage" as const), taux: arbTaux, base: fc.constantFrom(...BASES) }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant("montant" as const), cents: arbCentsTerme }) },
  { weight: 1, arbitrary: fc.constant({ type: "plafondLegal" as const }) },
);
// « / an / bénéficiaire » and « 200 € / œil / an » (an item within a yearly envelope) as well as the plain periods.
const arbPeriode: fc.Arbitrary<Periode> = fc.record(
  {
    nombre: fc.integer({ min: 1, max: 4 }),
    unite: fc.constantFrom(...TOUTES_UNITES),
    beneficiaire: fc.constant(true as const),
    duree: fc.record({ nombre: fc.integer({ min: 1, max: 4 }), unite: fc.constantFrom<UniteTemps>("an", "mois", "semestre", "jour") }),
  },
  { requiredKeys: ["nombre", "unite"] },
);
const arbTermePeriode: fc.Arbitrary<TermePeriode> = fc
  .tuple(arbTerme, fc.option(arbPeriode, { nil: undefined, freq: 2 }))
  .map(([terme, periode]) => (periode ? { terme, periode } : { terme }));

const arbFormule: fc.Arbitrary<Formule> = fc
  .record({
    termes: fc.array(arbTermePeriode, { minLength: 1, maxLength: 4 }),
    limite: fc.option(fc.array(arbTermePeriode, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 2 }),
    minimum: fc.option(fc.array(arbTermePeriode, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 3 }),
    nombreMax: fc.option(
      fc.record(
        {
          nombre: fc.integer({ min: 1, max: 120 }),
          unite: fc.constantFrom(...TOUTES_UNITES),
          par: fc.constantFrom<UniteTemps>("oreille", "oeil", "beneficiaire", "enfant"),
          periode: arbPeriode,
        },
        { requiredKeys: ["nombre", "periode"] },
      ),
      { nil: undefined, freq: 3 },
    ),
    monture: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined, freq: 4 }),
    convention: fc.constantFrom("RO_INCLUS" as const, "RO_EN_SUS" as const),
  })
  .map(({ termes, limite, minimum, nombreMax, monture, convention }) => {
    const f: { -readonly [K in keyof Formule]: Formule[K] } = { type: "formule", termes, convention, conventionExplicite: false };
    if (limite !== undefined) f.limite = limite;
    if (minimum !== undefined) f.minimum = minimum;
    if (nombreMax !== undefined) f.nombreMax = nombreMax;
    if (monture !== undefined) f.monture = monture;
    return f;
  });

const arbGarantie: fc.Arbitrary<Garantie> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Garantie>({ type: "neant" }) },
  { weight: 1, arbitrary: fc.constant<Garantie>({ type: "service", texte: "Inclus" }) },
  { weight: 1, arbitrary: fc.constant<Garantie>({ type: "renvoi", vers: "grille optique" }) },
  { weight: 20, arbitrary: arbFormule },
  // Shapes the compiler does not know (a field added to the language, a null part, an unknown unit): interpreted.
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        arbFormule,
        fc.constantFrom<Record<string, unknown>>(
          { futur: 1 },
          { limite: null },
          { minimum: null },
          { termes: [{ terme: { type: "montant", cents: 100 }, periode: { nombre: 1, unite: "lustre" } }] },
        ),
      )
      .map(([f, x]) => ({ ...f, ...x }) as unknown as Garantie),
  },
);

const arbDate = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: jourDepuisCivil(2019, 1, 1), max: jourDepuisCivil(2026, 12, 31) }) },
  // A year without a PMSS in the parameters: the same error on both sides.
  { weight: 1, arbitrary: fc.constantFrom(jourDepuisCivil(1950, 6, 1), jourDepuisCivil(2090, 1, 1)) },
);
const arbMontant = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 0, max: 500_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, Number.NaN, CENTS_MAX, CENTS_MAX + 7, 2 ** 53, -0) },
);
const arbAutres: fc.Arbitrary<ContexteComplementaire | undefined> = fc.option(
  fc.record(
    {
      plv: arbMontant,
      hlf: arbMontant,
      plafondLegal: arbMontant,
      fraisMonture: fc.integer({ min: 0, max: 60_000 }),
      unites: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 200 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, Number.NaN) }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const arbLigne = fc
  .record({ date: arbDate, br: arbMontant, fr: arbMontant, part: fc.integer({ min: 0, max: 110 }), autres: arbAutres })
  .map(({ date, br, fr, part, autres }) => ({ date, br, fr, roBrut: Number.isSafeInteger(br) ? Math.floor((br * part) / 100) : br, autres }));

describe("garantie compilée — égale à l'interprète, au centime et à l'erreur près", () => {
  it(`${RUNS} garanties et lignes aléatoires (formes hors analyseur comprises)`, () => {
    fc.assert(
      fc.property(arbGarantie, arbLigne, (g, l) => comparer(g, l.date, l.br, l.fr, l.roBrut, l.autres)),
      { numRuns: RUNS },
    );
  });

  it("chaque garantie des fixtures acceptées, sur des lignes aléatoires", () => {
    const garanties = charger<CasAccepte>("accepted.json").cas.map((c) => parseGarantie(c.texte));
    assert.ok(garanties.length > 100, "fixtures introuvables");
    fc.assert(
      fc.property(fc.constantFrom(...garanties), arbLigne, (g, l) => comparer(g, l.date, l.br, l.fr, l.roBrut, l.autres)),
      { numRuns: RUNS },
    );
  });

  it("les évaluations écrites des fixtures, une à une (valeur ou erreur attendue)", () => {
    let n = 0;
    for (const c of charger<CasAccepte>("accepted.json").cas) {
      const g = compilerGarantie(parseGarantie(c.texte));
      for (const e of c.evaluations) {
        const ctx = contexte(e);
        const r = issue(() => g.evaluer(ctx.date, ctx.br, ctx.fr, ctx.roBrut, ctx));
        if (e.attendu !== undefined) assert.deepEqual(r, { cents: centsDepuisEuros(e.attendu) }, `« ${c.texte} » ${JSON.stringify(e)}`);
        else assert.ok("code" in r && r.code === e.erreur, `« ${c.texte} » : ${JSON.stringify(r)}`);
        n++;
      }
    }
    assert.ok(n > 100, `${n} évaluations seulement`);
  });

  it("une garantie se compile une fois (même AST, même évaluateur) et se reconnaît", () => {
    const g = parseGarantie("150 % BR + 50 €");
    assert.equal(compilerGarantie(g), compilerGarantie(g));
    assert.ok(estGarantieCompilee(compilerGarantie(g)));
    assert.ok(!estGarantieCompilee(g));
    assert.equal(compilerGarantie(parseGarantie("Frais réels dans la limite des plafonds du contrat responsable")).mentionnePlafondLegal, true);
    assert.equal(compilerGarantie(g).mentionnePlafondLegal, false);
  });
});

describe("tauxPositifArrondi — appliquerTaux sans division, au centime près", () => {
  it("égal à appliquerTaux sur des montants et des taux positifs aléatoires, petits et grands", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: CENTS_MAX })),
        fc
          .integer({ min: 0, max: 15 })
          .chain((exp) =>
            fc.tuple(fc.constant(exp), fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: Math.min(2 ** 40, 10 * 10 ** exp) }))),
          ),
        (c, [exp, num]) => {
          const t = taux(num, exp);
          const attendu = issue(() => appliquerTaux(c, t));
          assert.deepEqual(
            issue(() => tauxPositifArrondi(c, t.num, POW10_ENTIER[t.exp]!, INV_POW10[t.exp]!, t)),
            attendu,
            `${c} × ${num}e-${exp}`,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("les demi-centimes exacts montent, ceux d'en dessous non", () => {
    const t = taux(15, 1); // 150 %
    assert.equal(tauxPositifArrondi(1001, 15, 10, 0.1, t), 1502); // 1 501,5 → 1 502
    const u = taux(65, 2);
    assert.equal(tauxPositifArrondi(1010, 65, 100, 0.01, u), 657); // 656,5 → 657
    assert.equal(tauxPositifArrondi(1009, 65, 100, 0.01, u), 656); // 655,85 → 656
  });
});
