import assert from "node:assert/strict";
import fc from "fast-check";
import { RembError } from "../../../src/core/errors";
import { jourDepuisCivil } from "../../../src/core/dates";
import { CENTS_MAX, taux } from "../../../src/core/money";
import {
  evaluerGarantie,
  normaliserGarantie,
  parseGarantie,
  unparseGarantie,
  UNITES,
  type BaseTaux,
  type ContexteGarantie,
  type Formule,
  type Garantie,
  type Periode,
  type Terme,
  type TermePeriode,
  type UniteTemps,
} from "../../../src/core/garantie";

const TOUTES_UNITES = Object.keys(UNITES) as UniteTemps[];
const DENOMBRABLES_UNE_FOIS = TOUTES_UNITES.filter((u) => UNITES[u].denombrable && !UNITES[u].parUnite);
const DUREES = TOUTES_UNITES.filter((u) => UNITES[u].duree);
const PAR_UNITE = TOUTES_UNITES.filter((u) => UNITES[u].parUnite);
const BASES: BaseTaux[] = ["BR", "TM", "FR", "PMSS", "PLV", "HLF"];

/** Any percentage the language accepts: 0 to 10 000 %, up to 8 decimals of the rate. */
const arbTaux = fc.integer({ min: 0, max: 8 }).chain((exp) => fc.integer({ min: 0, max: 100 * 10 ** exp }).map((num) => taux(num, exp)));
const arbTerme: fc.Arbitrary<Terme> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant("pourcentage" as const), taux: arbTaux, base: fc.constantFrom(...BASES) }, { noNullPrototype: true }) },
  {
    weight: 4,
    arbitrary: fc.record(
      { type: fc.constant("montant" as const), cents: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: CENTS_MAX })) },
      { noNullPrototype: true },
    ),
  },
  { weight: 1, arbitrary: fc.constant({ type: "plafondLegal" as const }) },
);

function periode(unite: UniteTemps, nombre: number, beneficiaire: boolean): Periode {
  const n = UNITES[unite].duree && !UNITES[unite].parUnite ? nombre : 1;
  return beneficiaire && unite !== "beneficiaire" ? { nombre: n, unite, beneficiaire: true } : { nombre: n, unite };
}
const arbPeriode = (unites: readonly UniteTemps[]): fc.Arbitrary<Periode> =>
  fc.tuple(fc.constantFrom(...unites), fc.integer({ min: 1, max: 12 }), fc.boolean()).map(([u, n, b]) => periode(u, n, b));
const arbTermePeriode: fc.Arbitrary<TermePeriode> = fc
  .tuple(arbTerme, fc.option(arbPeriode(TOUTES_UNITES), { nil: undefined }))
  .map(([terme, p]) => (p ? { terme, periode: p } : { terme }));

const seMultiplie = (t: Terme) => t.type === "montant" || (t.type === "pourcentage" && t.base === "PMSS" && t.taux.num !== 0);
const compteur = (u: UniteTemps) => (u === "nuit" ? "jour" : u);
const estNul = (t: Terme) => (t.type === "montant" && t.cents === 0) || (t.type === "pourcentage" && t.taux.num === 0);
const estObjet = (u: UniteTemps) => UNITES[u].denombrable && !UNITES[u].parUnite;
const estPart = (t: Terme) => t.type === "pourcentage" && t.base !== "PMSS";

/** A formula the parser can produce: at least one non-zero term, one kind of per-unit counter, coherent count. */
const arbFormule: fc.Arbitrary<Formule> = fc
  .record({
    termes: fc.array(arbTermePeriode, { minLength: 1, maxLength: 3 }),
    limite: fc.option(fc.array(arbTermePeriode, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    compte: fc.option(
      fc.tuple(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...DENOMBRABLES_UNE_FOIS),
        arbPeriode([...DUREES, "beneficiaire"]),
        fc.option(fc.constantFrom(...DENOMBRABLES_UNE_FOIS), { nil: undefined }),
        fc.constantFrom(...PAR_UNITE),
      ),
      { nil: undefined },
    ),
    convention: fc.constantFrom("RO_INCLUS" as const, "RO_EN_SUS" as const),
    explicite: fc.boolean(),
  })
  .filter(({ termes, limite }) => {
    if (termes.every((tp) => estNul(tp.terme))) return false;
    const compteurs = new Set(
      [...termes, ...(limite ?? [])]
        .filter((tp) => tp.periode && UNITES[tp.periode.unite].parUnite && seMultiplie(tp.terme))
        .map((tp) => compteur(tp.periode!.unite)),
    );
    return compteurs.size <= 1;
  })
  .map(({ termes, limite, compte, convention, explicite }) => {
    const f: { -readonly [K in keyof Formule]: Formule[K] } = {
      type: "formule",
      termes,
      convention,
      conventionExplicite: convention === "RO_EN_SUS" || explicite,
    };
    if (limite) f.limite = limite;
    if (compte) {
      const [nombre, sorte, uneFois, p, par, jours] = compte;
      const toutes = [...termes, ...(limite ?? [])];
      const parUnite = termes.find((tp) => tp.periode && UNITES[tp.periode.unite].parUnite && seMultiplie(tp.terme));
      // sorte 0: « (max 4 / an) »; 1: « (max 4 séances / an) »; 2: a renewal count (« 1 équipement / 2 ans »,
      // « 1 aide auditive par oreille / 4 ans »); 3: a count without a noun on a cell without any period but items
      // (« 200 € (max 1 / 2 ans) »); 4: a count of days on shares of the line (« Frais réels (max 90 jours / an) »).
      if (sorte === 2)
        f.nombreMax = par !== undefined && par !== uneFois ? { nombre, unite: uneFois, par, periode: p } : { nombre, unite: uneFois, periode: p };
      else if (sorte === 3) {
        if (!parUnite && toutes.every((tp) => !tp.periode || estObjet(tp.periode.unite))) f.nombreMax = { nombre, periode: p };
      } else if (sorte === 4) {
        const ok =
          termes.every((tp) => estPart(tp.terme) && (!tp.periode || compteur(tp.periode.unite) === compteur(jours))) &&
          (limite ?? []).every(
            (tp) => !(tp.periode && UNITES[tp.periode.unite].parUnite && seMultiplie(tp.terme)) || compteur(tp.periode.unite) === compteur(jours),
          );
        if (ok) f.nombreMax = { nombre, unite: jours, periode: p };
      } else if (parUnite) f.nombreMax = sorte === 0 ? { nombre, periode: p } : { nombre, unite: parUnite.periode!.unite, periode: p };
    }
    return f;
  });

const arbGarantie: fc.Arbitrary<Garantie> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Garantie>({ type: "neant" }) },
  { weight: 1, arbitrary: fc.constantFrom<Garantie>({ type: "service", texte: "Inclus" }, { type: "service", texte: "Oui" }) },
  { weight: 12, arbitrary: arbFormule },
);

const arbContexte: fc.Arbitrary<ContexteGarantie> = fc
  .record({
    annee: fc.integer({ min: 2019, max: 2026 }),
    jour: fc.integer({ min: 0, max: 364 }),
    br: fc.integer({ min: 0, max: 1_000_000 }),
    part: fc.integer({ min: 0, max: 100 }),
    fr: fc.integer({ min: 0, max: 10_000_000 }),
    plv: fc.integer({ min: 0, max: 1_000_000 }),
    hlf: fc.integer({ min: 0, max: 1_000_000 }),
    plafondLegal: fc.integer({ min: 0, max: 1_000_000 }),
    unites: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ annee, jour, br, part, fr, plv, hlf, plafondLegal, unites }) => ({
    date: jourDepuisCivil(annee, 1, 1) + jour,
    br,
    roBrut: Math.floor((br * part) / 100),
    fr,
    plv,
    hlf,
    plafondLegal,
    unites,
  }));

/** Pieces of real cells, to reach deep into the grammar more often than random characters do. */
const MORCEAUX = [
  "150",
  "100",
  "1,5",
  "38,50",
  "38.50",
  "1 234,56",
  "0",
  "4",
  "2",
  "30",
  "%",
  "%%",
  "€",
  "euros",
  "BR",
  "BRSS",
  "TC",
  "FR",
  "TM",
  "PMSS",
  "PLV",
  "HLF",
  "frais réels",
  "ticket modérateur",
  "de la",
  "des",
  "du",
  "+",
  "/",
  "(",
  ")",
  ",",
  ";",
  "-",
  "—",
  ".",
  "an",
  "ans",
  "jour",
  "nuit",
  "séance",
  "séances",
  "acte",
  "équipement",
  "bénéficiaire",
  "par",
  "et",
  "tous les",
  "max",
  "dans la limite de",
  "dans la limite des",
  "limité à",
  "plafonné à",
  "en sus du RO",
  "hors RO",
  "RO",
  "Sécu",
  "Sécu incluse",
  "RO inclus",
  "y compris",
  "plafond réglementaire",
  "plafonds du contrat responsable",
  "Néant",
  "Inclus",
  "Oui",
  "forfait",
  "Non remboursé",
  "100 % Santé",
  "xyz",
  "*",
  "\u00a0",
  "\n",
  "aide",
  "aide auditive",
  "oreille",
  "jours",
  "tous les 4 ans",
  "sans limitation de durée",
  "sans limite",
  "illimités",
  "sans",
  "max 90 jours / an",
  "max 1 / 2 ans",
  "+ 200 €",
  "+ Sécu +",
];
const arbSoupe = fc.array(fc.constantFrom(...MORCEAUX), { minLength: 1, maxLength: 9 }).map((m) => m.join(" "));

describe("garantie — propriétés", () => {
  it("random ASTs round-trip through unparse/parse, and unparse is idempotent", () => {
    fc.assert(
      fc.property(arbGarantie, (g) => {
        const texte = unparseGarantie(g);
        const relu = parseGarantie(texte);
        assert.deepStrictEqual(relu, g, texte);
        assert.equal(unparseGarantie(relu), texte);
      }),
      { numRuns: 3000 },
    );
  });

  it("normaliserGarantie is idempotent and keeps the meaning (cell-like token soups)", () => {
    let acceptes = 0;
    fc.assert(
      fc.property(arbSoupe, (texte) => {
        let n: string;
        try {
          n = normaliserGarantie(texte);
        } catch (e) {
          assert.ok(e instanceof RembError && e.code === "SYNTAXE_GARANTIE", String(e));
          return;
        }
        acceptes++;
        assert.equal(normaliserGarantie(n), n, `${texte} → ${n}`);
        assert.deepStrictEqual(parseGarantie(n), parseGarantie(texte), `${texte} → ${n}`);
      }),
      { numRuns: 5000 },
    );
    assert.ok(acceptes > 100, `only ${acceptes} accepted soups: the generator no longer reaches the grammar`);
  });

  it("random strings never throw anything but a RembError with a position inside the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 30 }), arbSoupe), (texte) => {
        try {
          parseGarantie(texte);
        } catch (e) {
          assert.ok(e instanceof RembError, String(e));
          assert.equal(e.code, "SYNTAXE_GARANTIE");
          assert.equal(e.nature, "valeur");
          assert.ok(e.syntaxe && e.syntaxe.position >= 1 && e.syntaxe.position <= texte.length + 1, `${e.syntaxe?.position} / ${texte.length}`);
          assert.ok(e.message.startsWith("Expression invalide : « "));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("evaluation never returns a negative or non-integer amount", () => {
    fc.assert(
      fc.property(arbGarantie, arbContexte, (g, ctx) => {
        if (g.type === "service") return;
        let v: number;
        try {
          v = evaluerGarantie(g, ctx);
        } catch (e) {
          // Amounts beyond 1 000 000 000 € (e.g. 17 543 859,65 € × 57 nights) are refused, never wrapped.
          assert.ok(e instanceof RembError && e.code === "MONTANT_INVALIDE", String(e));
          return;
        }
        assert.ok(Number.isSafeInteger(v) && v >= 0, `${unparseGarantie(g)} → ${v}`);
        // « en sus du RO » never gives less than the RO itself.
        if (g.type === "formule" && g.convention === "RO_EN_SUS") assert.ok(v >= ctx.roBrut);
      }),
      { numRuns: 3000 },
    );
  });
});
