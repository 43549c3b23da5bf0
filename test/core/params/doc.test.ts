import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { genererDocParametres, LIGNES_NON_ENREGISTREES, valeurLisible } from "../../../scripts/params-doc";
import { FICHIERS_PARAMETRES, parametres } from "../../../src/core/params";

const chemin = new URL("../../../docs/parametres.md", import.meta.url);

describe("params: docs/parametres.md (auditors' page)", () => {
  const genere = genererDocParametres();

  it("is up to date with the JSON files (else run: npx tsx scripts/params-doc.ts)", () => {
    const committe = readFileSync(chemin, "utf8");
    if (committe === genere) return;
    const a = committe.split("\n");
    const b = genere.split("\n");
    const i = a.findIndex((ligne, k) => ligne !== b[k]);
    const ligne = i === -1 ? Math.min(a.length, b.length) : i;
    assert.fail(
      `docs/parametres.md n'est plus à jour : lancer « npx tsx scripts/params-doc.ts ». Première différence ligne ${ligne + 1} :\n` +
        `  page    : ${a[ligne] ?? "(fin)"}\n  données : ${b[ligne] ?? "(fin)"}`,
    );
  });

  it("is deterministic (no generation date), so the check above is meaningful", () => {
    assert.equal(genererDocParametres(), genere);
  });

  it("has one table row per dated value and names every parameter", () => {
    const lignes = genere.split("\n").filter((l) => /^\| `[a-z0-9_.]+` \|/.test(l));
    const nbValeurs = parametres.noms().reduce((n, nom) => n + parametres.definition(nom).valeurs.length, 0);
    assert.equal(lignes.length, nbValeurs);
    for (const nom of parametres.noms()) assert.ok(genere.includes(`| \`${nom}\` |`), nom);
  });

  it("ends with the numbered list of every ⚠ value, one item per uncertain dated value", () => {
    const debut = genere.indexOf("## Valeurs incertaines (⚠)");
    assert.ok(debut > 0);
    const items = genere
      .slice(debut)
      .split("\n")
      .filter((l) => /^\d+\. `/.test(l));
    let incertains = 0;
    for (const f of Object.values(FICHIERS_PARAMETRES)) for (const p of f.parametres) for (const v of p.valeurs) if (v.incertain) incertains++;
    assert.ok(incertains > 0);
    assert.equal(items.length, incertains);
  });

  it("lists the rows of docs/parametres.md that are deliberately not stored, and none of them is stored", () => {
    for (const { nom } of LIGNES_NON_ENREGISTREES) {
      assert.ok(genere.includes(`\`${nom}\``), nom);
      assert.equal(parametres.existe(nom), false, `${nom} est pourtant enregistré`);
    }
  });

  it("writes values the French way", () => {
    assert.equal(valeurLisible("EUR", "1234.50"), "1\u202f234,50\u00a0€");
    assert.equal(valeurLisible("EUR/day", "23.00"), "23,00\u00a0€ par jour");
    assert.equal(valeurLisible("/1", "0.1327"), "13,27 %");
    assert.equal(valeurLisible("×BR", "1.25"), "1,25 × BR");
    assert.equal(valeurLisible("year", 1), "1 an");
    assert.equal(valeurLisible("day", 31), "31 jours");
    assert.equal(valeurLisible("boolean", false), "non");
    assert.equal(valeurLisible("date", "2015-04-01"), "01/04/2015");
    assert.equal(valeurLisible("EUR", null), "— (supprimé)");
  });
});
