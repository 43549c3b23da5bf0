import assert from "node:assert/strict";
import { RembError } from "../../../src/core/errors";
import { parseGarantie } from "../../../src/core/garantie";
import { charger, type CasRejete } from "./fixtures";

const { cas } = charger<CasRejete>("rejected.json");

function erreurDe(texte: string): RembError {
  try {
    parseGarantie(texte);
  } catch (e) {
    assert.ok(e instanceof RembError, `erreur d'un autre type : ${String(e)}`);
    return e;
  }
  assert.fail(`« ${texte} » a été accepté`);
}

describe("garantie — expressions refusées (test/fixtures/garantie/rejected.json)", () => {
  it("holds at least 40 distinct expressions", () => {
    assert.ok(cas.length >= 40, `${cas.length} cas`);
    assert.equal(new Set(cas.map((c) => c.texte)).size, cas.length, "texte en double");
  });

  for (const c of cas) {
    it(`${c.nom} : « ${c.texte.length > 40 ? `${c.texte.slice(0, 40)}…` : c.texte} »`, () => {
      const e = erreurDe(c.texte);
      assert.equal(e.code, "SYNTAXE_GARANTIE");
      assert.equal(e.nature, "valeur");
      assert.equal(e.message, c.message);
      assert.equal(e.syntaxe?.position, c.position);
      assert.ok(e.syntaxe.attendu.length > 0 && e.syntaxe.trouve.length > 0);
      // Memoised: the same text throws the very same error again (over-long texts are not kept).
      if (c.texte.length <= 500) assert.equal(erreurDe(c.texte), e);
      else assert.deepStrictEqual(erreurDe(c.texte).message, e.message);
    });
  }
});
