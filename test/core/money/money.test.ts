import assert from "node:assert/strict";
import fc from "fast-check";
import { appliquerTaux, centsDepuisEuros, Dec, formatEuros, proratiser, taux, tauxDepuisNombre } from "../../../src/core/money";
import { RembError } from "../../../src/core/errors";

describe("money", () => {
  it("rounds 1,5 % × PMSS 2026 half-up to 60,08 € (docs/modele-de-calcul.md §4), where doubles give 60,07", () => {
    assert.equal(appliquerTaux(400500, tauxDepuisNombre(0.015)), 6008);
    assert.equal(Number((0.015 * 4005).toFixed(2)), 60.07); // the float trap we avoid: 60.074999…
  });

  it("rounds half-up at the cent: 67,925 → 67,93 and 26,028 → 26,03", () => {
    assert.equal(appliquerTaux(13585, tauxDepuisNombre(0.5)), 6793); // 135,85 × 50 % = 67,925
    assert.equal(appliquerTaux(4338, tauxDepuisNombre(0.6)), 2603);
    assert.equal(appliquerTaux(2888, tauxDepuisNombre(0.6)), 1733); // 17.328 → 17.33
    assert.equal(appliquerTaux(2, tauxDepuisNombre(0.25)), 1); // 0.5 cent → 1 cent
    assert.equal(appliquerTaux(-2, tauxDepuisNombre(0.25)), -1); // away from zero
  });

  it("reads Excel numbers as the decimal they display", () => {
    assert.deepEqual(tauxDepuisNombre(0.7), { num: 7, exp: 1 });
    assert.deepEqual(tauxDepuisNombre(1.5), { num: 15, exp: 1 });
    assert.deepEqual(tauxDepuisNombre(0.1327), { num: 1327, exp: 4 });
    assert.deepEqual(tauxDepuisNombre(100), { num: 100, exp: 0 });
    assert.equal(centsDepuisEuros(38.5), 3850);
    assert.equal(centsDepuisEuros(0.1 + 0.2), 30);
    // eslint-disable-next-line no-loss-of-precision -- a float just above 33, as Excel passes a computed amount
    assert.equal(centsDepuisEuros(33.000000000000004), 3300);
    assert.equal(centsDepuisEuros(1.005), 101); // named step « saisie »: half-up on the displayed decimal
    assert.equal(centsDepuisEuros("1234.56"), 123456);
    assert.throws(() => centsDepuisEuros(Number.NaN), /Montant invalide/);
    assert.throws(
      () => centsDepuisEuros(1e12),
      /Montant trop grand pour montant : 1\u202f000\u202f000\u202f000\u202f000 € — au plus 1\u202f000\u202f000\u202f000,00\u00a0€/,
    );
  });

  it("formats euros the French way", () => {
    assert.equal(formatEuros(123456), "1\u202f234,56\u00a0€");
    assert.equal(formatEuros(5), "0,05\u00a0€");
  });

  it("agrees with decimal.js on 20 000 random products (amount × rate, half-up)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 9 }),
        (c, num, exp) => {
          const attendu = new Dec(c).times(num).div(new Dec(10).pow(exp)).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
          let obtenu: number;
          try {
            obtenu = appliquerTaux(c, taux(num, exp));
          } catch {
            return Math.abs(attendu) > 100_000_000_000; // only out-of-range amounts may fail
          }
          return obtenu === (attendu === 0 ? 0 : attendu);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("takes a prorata half-up at the cent: FJ 2 760 € × 90 / 120 = 2 070 €, 100 € × 2 / 3 = 66,67 €", () => {
    assert.equal(proratiser(276000, 90, 120), 207000);
    assert.equal(proratiser(10000, 2, 3), 6667); // 66,666… → 66,67
    assert.equal(proratiser(10000, 1, 3), 3333); // 33,333… → 33,33
    assert.equal(proratiser(1, 1, 2), 1); // 0,5 cent → 1 cent
    assert.equal(proratiser(12345, 0, 7), 0);
    assert.equal(proratiser(12345, 7, 7), 12345);
    assert.throws(
      () => proratiser(100, 3, 2),
      (e: unknown) => e instanceof RembError && e.code === "ARGUMENT_INVALIDE",
    );
    assert.throws(
      () => proratiser(100, 1, 0),
      (e: unknown) => e instanceof RembError && e.code === "ARGUMENT_INVALIDE",
    );
  });

  it("agrees with decimal.js on 20 000 random prorata (amount × part / whole, half-up), small and huge wholes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000 }),
        fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (c, tout, f) => {
          const partie = Math.min(tout, Math.floor(f * tout));
          const attendu = new Dec(c).times(partie).div(tout).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
          return proratiser(c, partie, tout) === attendu;
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("rounds exact half cents away from zero, on both signs and every exponent, and never answers −0", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (k, exp, negatif) => {
        // c × num = k × 10^exp + 10^exp / 2 exactly: num = 5, c = (2k + 1) × 10^(exp − 1).
        const c = (2 * Math.abs(k) + 1) * 10 ** (exp - 1) * (negatif ? -1 : 1);
        const attendu = new Dec(c).times(5).div(new Dec(10).pow(exp)).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
        return appliquerTaux(c, taux(5, exp)) === attendu;
      }),
      { numRuns: 5_000 },
    );
    assert.ok(Object.is(appliquerTaux(-4, taux(1, 1)), 0)); // −0,4 cent → 0, not −0
    assert.ok(Object.is(appliquerTaux(-7, taux(0)), 0));
    assert.ok(Object.is(appliquerTaux(0, taux(-3, 1)), 0));
  });
});
