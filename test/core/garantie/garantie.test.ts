import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { RembError } from "../../../src/core/errors";
import { jourDepuisIso } from "../../../src/core/dates";
import { centsDepuisEuros } from "../../../src/core/money";
import {
  decrireGarantie,
  evaluerGarantie,
  formule,
  garantieDepuisNombre,
  parseGarantie,
  unparseGarantie,
  type ContexteGarantie,
} from "../../../src/core/garantie";
import { charger } from "./fixtures";

interface CasDecrire {
  texte: string;
  contexte?: { date: string; br: string; fr: string; roBrut: string; unites?: number };
  attendu: string;
  source: string;
}

const EXEMPLE_1: ContexteGarantie = { date: jourDepuisIso("2026-02-10"), br: 3000, fr: 3000, roBrut: 2100 };

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof RembError, String(e));
    return e.code;
  }
  assert.fail("aucune erreur");
}

describe("garantie — decrireGarantie (test/fixtures/garantie/decrire.json)", () => {
  const { cas } = charger<CasDecrire>("decrire.json");
  for (const c of cas) {
    it(`« ${c.texte} »${c.contexte ? " avec contexte" : ""} : ${c.source}`, () => {
      const x = c.contexte;
      const ctx = x
        ? {
            date: jourDepuisIso(x.date),
            br: centsDepuisEuros(x.br),
            fr: centsDepuisEuros(x.fr),
            roBrut: centsDepuisEuros(x.roBrut),
            ...(x.unites ? { unites: x.unites } : {}),
          }
        : undefined;
      assert.equal(decrireGarantie(parseGarantie(c.texte), ctx), c.attendu);
    });
  }
});

describe("garantie — mémoïsation", () => {
  it("returns the very same frozen AST for the same text", () => {
    const a = parseGarantie("100 % BR + 50 € / an dans la limite de 300 € / an (max 4 / an)".replace("(max 4 / an)", ""));
    const b = parseGarantie("100 % BR + 50 € / an dans la limite de 300 € / an ");
    assert.equal(a, b);
    const profond = (x: unknown): boolean => x === null || typeof x !== "object" || (Object.isFrozen(x) && Object.values(x as object).every(profond));
    assert.ok(profond(a));
    assert.throws(() => {
      (a as { type: string }).type = "neant";
    }, TypeError);
  });

  it("keys the cache by the exact text (another spelling is parsed on its own, to an equal AST)", () => {
    const a = parseGarantie("150 % BR");
    const b = parseGarantie("150%BR");
    assert.notEqual(a, b);
    assert.deepStrictEqual(a, b);
  });

  it("still answers correctly once the bounded cache has evicted old entries", () => {
    const premier = parseGarantie("1 % BR");
    for (let i = 2; i < 6000; i++) parseGarantie(`${i} € / an`);
    const relu = parseGarantie("1 % BR");
    assert.deepStrictEqual(relu, premier);
    assert.equal(unparseGarantie(parseGarantie("5999 € / an")), "5999 € / an");
  });

  it("refuses a non-text argument with a French message, not a crash", () => {
    assert.equal(
      code(() => parseGarantie(150 as unknown as string)),
      "ARGUMENT_INVALIDE",
    );
  });
});

describe("garantie — évaluation, cas limites", () => {
  it("counts the RO once when several TM terms are written Sécu incluse (50 % TM + 50 % TM = the BR)", () => {
    assert.equal(evaluerGarantie(parseGarantie("50 % TM + 50 % TM"), EXEMPLE_1), 3000);
    assert.equal(evaluerGarantie(parseGarantie("TM + TM en sus du RO"), EXEMPLE_1), 2100 + 900 + 900);
  });

  it("reports what is missing rather than guessing (#N/A): service, PLV, HLF, legal cap", () => {
    assert.equal(
      code(() => evaluerGarantie(parseGarantie("Inclus"), EXEMPLE_1)),
      "HORS_CHAMP",
    );
    assert.equal(
      code(() => evaluerGarantie(parseGarantie("100 % PLV"), EXEMPLE_1)),
      "HORS_CHAMP",
    );
    assert.equal(
      code(() => evaluerGarantie(parseGarantie("Frais réels dans la limite des HLF"), EXEMPLE_1)),
      "HORS_CHAMP",
    );
    assert.equal(
      code(() => evaluerGarantie(parseGarantie("Frais réels dans la limite du plafond réglementaire"), EXEMPLE_1)),
      "HORS_CHAMP",
    );
  });

  it("takes the PMSS of the calendar year of care and names a year without a PMSS", () => {
    const g = parseGarantie("1,5 % PMSS");
    const ctx = (iso: string): ContexteGarantie => ({ ...EXEMPLE_1, date: jourDepuisIso(iso), br: 0, roBrut: 0 });
    assert.equal(evaluerGarantie(g, ctx("2025-12-31")), 5888); // 1,5 % × 3 925 = 58,875 → 58,88 (half-up)
    assert.equal(evaluerGarantie(g, ctx("2026-01-01")), 6008); // 1,5 % × 4 005 = 60,075 → 60,08 (docs/modele-de-calcul.md §4)
    assert.equal(evaluerGarantie(g, ctx("2025-12-31")), 5888); // cache switches back to the earlier year
    assert.throws(
      () => evaluerGarantie(g, ctx("2018-06-30")),
      (e: unknown) => e instanceof RembError && /pmss/.test(e.message),
    );
  });

  it("refuses an incoherent context (negative, fractional, RO brut above the BR, bad unit count)", () => {
    const g = parseGarantie("150 % BR");
    assert.equal(
      code(() => evaluerGarantie(g, { ...EXEMPLE_1, br: -1 })),
      "ARGUMENT_INVALIDE",
    );
    assert.equal(
      code(() => evaluerGarantie(g, { ...EXEMPLE_1, fr: 10.5 })),
      "ARGUMENT_INVALIDE",
    );
    assert.equal(
      code(() => evaluerGarantie(g, { ...EXEMPLE_1, roBrut: 3001 })),
      "ARGUMENT_INVALIDE",
    );
    assert.equal(
      code(() => evaluerGarantie(parseGarantie("50 € / nuit"), { ...EXEMPLE_1, unites: -1 })),
      "ARGUMENT_INVALIDE",
    );
    assert.equal(
      code(() => evaluerGarantie(parseGarantie("50 € / nuit"), { ...EXEMPLE_1, unites: 1.5 })),
      "ARGUMENT_INVALIDE",
    );
  });

  it("zero units of a per-unit guarantee pay nothing, whatever the convention adds", () => {
    assert.equal(evaluerGarantie(parseGarantie("50 € / nuit"), { ...EXEMPLE_1, unites: 0 }), 0);
    assert.equal(evaluerGarantie(parseGarantie("50 € / nuit en sus du RO"), { ...EXEMPLE_1, unites: 0 }), 2100);
  });
});

describe("garantie — construire", () => {
  it("reads Excel numbers as a multiple of the BR or as euros, printed canonically", () => {
    assert.equal(unparseGarantie(garantieDepuisNombre(1.5, "BR")), "150 % BR");
    assert.equal(unparseGarantie(garantieDepuisNombre(300, "EUR")), "300 €");
    assert.equal(unparseGarantie(garantieDepuisNombre(38.5, "EUR")), "38,50 €");
    assert.equal(unparseGarantie(garantieDepuisNombre(0, "BR")), "Néant");
    assert.equal(
      code(() => garantieDepuisNombre(-1, "BR")),
      "ARGUMENT_INVALIDE",
    );
    assert.deepStrictEqual(garantieDepuisNombre(1.5, "BR"), parseGarantie("150 % BR"));
  });

  it("builds the same AST as the parser for a plain formula", () => {
    assert.deepStrictEqual(formule([{ type: "montant", cents: 5000 }]), parseGarantie("50 €"));
  });
});

describe("garantie — performance", () => {
  it("a memoised parse hit and an evaluation allocate nothing (100 000 rows, fresh process)", () => {
    const script = join(__dirname, "allocation-mesure.ts");
    const sortie = execFileSync(process.execPath, ["--min-semi-space-size=64", "--max-semi-space-size=64", "--import", "tsx", script], {
      encoding: "utf8",
      timeout: 60_000,
    });
    const { octets, puits } = JSON.parse(sortie) as { octets: number; puits: number };
    assert.ok(puits !== 0);
    // One small object (or one boxed number) per row would be ≥ 1,6 Mo; allow a little for V8's bookkeeping.
    assert.ok(octets < 400_000, `${octets} octets alloués pour 100 000 lignes`);
  });
});
