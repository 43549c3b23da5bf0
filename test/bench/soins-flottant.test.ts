import assert from "node:assert/strict";
import { calculerSoins } from "../../src/core/calculators/soins";
import type { Garantie } from "../../src/core/garantie";
import type { Cents, Taux } from "../../src/core/money";
import { LIGNES_BENCH, RETENUE_BENCH, lignesSoins } from "../../bench/soins-entrees";
import { garantieFlottante, soinsFlottant, type ResultatFlottant } from "../../bench/soins-flottant";

/**
 * The float baseline of the soins bench must compute the same thing as calculerSoins on the bench's own lines,
 * otherwise the « within 3× of the floats » comparison compares different work.
 *
 * Accepted difference, and only this one: a product that lands exactly on a half cent (RO brut = 65 % × 10,10 € =
 * 6,565 €; G = 150 % × 10,01 € = 15,015 €). REMB rounds it half-up (docs/modele-de-calcul.md §4); in binary floats 6.565 is
 * stored as 6.56499999…, so Math.round may give the cent below. Such a step is then one cent lower in the floats,
 * and everything after it follows the same docs/modele-de-calcul.md §2 formula from that step. Every other amount agrees to the cent.
 */

const enCents = (euros: number): Cents => Math.round(euros * 100);

/** base × taux falls exactly on a half cent. */
function demiCentime(base: Cents, t: Taux): boolean {
  const d = 10 ** t.exp;
  return t.exp > 0 && 2 * ((base * t.num) % d) === d;
}

/** The « x % BR » rate of a bench guarantee, if it has one. */
function tauxBr(g: Garantie): Taux | undefined {
  if (g.type !== "formule") return undefined;
  for (const { terme } of g.termes) if (terme.type === "pourcentage" && terme.base === "BR") return terme.taux;
  return undefined;
}

describe("bench soins : la référence en flottants calcule la même chose que calculerSoins", () => {
  const { exactes, flottantes, textes } = lignesSoins(LIGNES_BENCH);
  const r: ResultatFlottant = { roBrut: 0, retenue: 0, roNet: 0, garantie: 0, rc: 0, rac: 0 };
  let ecartsDemiCentime = 0;

  it(`mêmes montants au centime sur les ${LIGNES_BENCH} lignes du bench, hors produits tombant sur un demi-centime`, () => {
    for (let i = 0; i < exactes.length; i++) {
      const e = exactes[i]!;
      const f = flottantes[i]!;
      const d = calculerSoins(e);
      const rc = soinsFlottant(f.fr, f.br, f.tauxRo, f.garantie, f.retenue, r);
      const ligne = `ligne ${i} (FR ${e.fr}, BR ${e.br}, taux ${e.tauxRo.num}e-${e.tauxRo.exp}, « ${textes[i]} »)`;
      assert.equal(rc, r.rc, ligne);

      const roBrut = enCents(r.roBrut);
      const garantie = enCents(r.garantie);
      const tg = tauxBr(e.garantie);
      // A half-cent step may be one cent low in floats, never anything else.
      if (demiCentime(d.br, e.tauxRo)) assert.ok(roBrut === d.roBrut || roBrut === d.roBrut - 1, `${ligne} : RO brut ${roBrut} ≠ ${d.roBrut}`);
      else assert.equal(roBrut, d.roBrut, `${ligne} : RO brut`);
      if (tg !== undefined && demiCentime(d.br, tg))
        assert.ok(garantie === d.garantie || garantie === d.garantie - 1, `${ligne} : G ${garantie} ≠ ${d.garantie}`);
      else assert.equal(garantie, d.garantie, `${ligne} : G`);
      if (roBrut !== d.roBrut || garantie !== d.garantie) ecartsDemiCentime++;

      // From RO brut and G on, docs/modele-de-calcul.md §2 is exact integer arithmetic: the floats must match it on their own steps
      // (on every line without a half cent, these are calculerSoins's own figures).
      const retenue = Math.min(RETENUE_BENCH, roBrut);
      const roNet = roBrut - retenue;
      const rcAttendu = Math.max(0, Math.min(garantie, e.fr) - roBrut);
      assert.deepEqual(
        { retenue: enCents(r.retenue), roNet: enCents(r.roNet), rc: enCents(r.rc), rac: enCents(r.rac) },
        { retenue, roNet, rc: rcAttendu, rac: e.fr - roNet - rcAttendu },
        ligne,
      );
      if (roBrut === d.roBrut && garantie === d.garantie) {
        assert.deepEqual({ retenue, roNet, rc: rcAttendu }, { retenue: d.retenue, roNet: d.roNet, rc: d.rc }, ligne);
      }
    }
  });

  it("les flottants se trompent bien d'un centime sur certains demi-centimes (ce que REMB évite)", () => {
    assert.ok(ecartsDemiCentime > 0, "aucun écart : les lignes du bench ne contiennent plus de demi-centime");
  });

  it("refuse une garantie qu'elle ne saurait pas traduire en flottants", () => {
    const g = exactes[0]!.garantie;
    assert.throws(() => garantieFlottante({ type: "neant" }));
    assert.throws(() => garantieFlottante(g.type === "formule" ? { ...g, convention: "RO_EN_SUS" } : g));
  });
});
