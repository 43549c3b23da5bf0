import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { CATALOGUE } from "../../src/functions/catalogue";
import type { FonctionExcel } from "../../src/functions/diffusion";
import { audio } from "../../src/functions/adaptateurs/audio";
import { categorie } from "../../src/functions/adaptateurs/categorie";
import { dentaire } from "../../src/functions/adaptateurs/dentaire";
import { fj } from "../../src/functions/adaptateurs/fj";
import { garantie, normaliser } from "../../src/functions/adaptateurs/garantie";
import { optique } from "../../src/functions/adaptateurs/optique";
import { param } from "../../src/functions/adaptateurs/param";
import { plafond, plancher } from "../../src/functions/adaptateurs/plafond";
import { renouvellement } from "../../src/functions/adaptateurs/renouvellement";
import { ro } from "../../src/functions/adaptateurs/ro";
import { sejour } from "../../src/functions/adaptateurs/sejour";
import { soins } from "../../src/functions/adaptateurs/soins";
import { tm } from "../../src/functions/adaptateurs/tm";
import { tsa } from "../../src/functions/adaptateurs/tsa";
import { verre } from "../../src/functions/adaptateurs/verre";

/**
 * The public contract: what custom-functions-metadata reads from src/functions/functions.ts (the same generator
 * as the webpack plugin) must be exactly the published catalogue (docs/fonctions.md), transcribed by hand in
 * test/fixtures/functions/contrat-public.json. Changing an id, an argument's name, order or optional flag, or a
 * dimensionality makes this test fail: such a change must be deliberate (both files) and never happen after a
 * release.
 */

const RACINE = path.resolve(__dirname, "../..");
const contrat = JSON.parse(readFileSync(path.join(RACINE, "test/fixtures/functions/contrat-public.json"), "utf8")) as {
  fonctions: { id: string; arguments: string[] }[];
};

interface Meta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  options?: Record<string, unknown>;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string; type?: string; repeating?: boolean }[];
  result: { dimensionality?: string; type?: string };
}

describe("métadonnées des fonctions (contrat public)", () => {
  let meta: Meta[];

  before(async () => {
    const r = await generateCustomFunctionsMetadata(path.join(RACINE, "src/functions/functions.ts"));
    assert.deepEqual(r.errors, [], "le générateur de métadonnées signale des erreurs");
    meta = (JSON.parse(r.metadataJson) as { functions: Meta[] }).functions;
  });

  it("ids, noms, arguments, ordre et caractère facultatif conformes au catalogue", () => {
    const obtenu = meta.map((f) => ({
      id: f.id,
      arguments: f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)),
    }));
    assert.deepEqual(obtenu, contrat.fonctions);
    for (const f of meta) assert.equal(f.name, f.id, `le nom affiché de ${f.id} doit être son id`);
  });

  it("chaque argument et chaque résultat est une matrice de type any, sans option d'exécution", () => {
    for (const f of meta) {
      assert.deepEqual(f.result, { dimensionality: "matrix" }, f.id);
      // REMB.VERIFIER asks for its range's address (real A1 addresses in the findings); nothing is volatile or streaming.
      assert.deepEqual(
        f.options,
        f.id === "VERIFIER" ? { requiresParameterAddresses: true } : undefined,
        `${f.id} : options inattendues (volatile, streaming…)`,
      );
      for (const p of f.parameters) {
        assert.equal(p.dimensionality, "matrix", `${f.id}.${p.name}`);
        assert.equal(p.type, "any", `${f.id}.${p.name}`);
        assert.equal(p.repeating, undefined, `${f.id}.${p.name}`);
      }
    }
  });

  it("descriptions en français pour chaque fonction et chaque argument", () => {
    for (const f of meta) {
      assert.ok(f.description && f.description.length >= 20, `${f.id} : description manquante`);
      assert.ok(f.description.length <= 255, `${f.id} : description trop longue (${f.description.length})`);
      for (const p of f.parameters) {
        assert.ok(p.description && p.description.length >= 10, `${f.id}.${p.name} : description manquante`);
        assert.ok(p.description.length <= 255, `${f.id}.${p.name} : description trop longue`);
        if (p.optional) assert.match(p.description, /^Facultatif/, `${f.id}.${p.name} : dire « Facultatif »`);
      }
      // A few English words that would betray an untranslated description.
      assert.doesNotMatch(`${f.description} ${f.parameters.map((p) => p.description).join(" ")}`, /\b(the|returns?|optional|default)\b/i, f.id);
    }
  });

  it("chaque fonction pointe vers sa page d'aide (assets/help/<id>.html, servie par le complément)", () => {
    for (const f of meta) {
      assert.equal(f.helpUrl, `https://localhost:3000/assets/help/${f.id.toLowerCase()}.html`, f.id);
    }
  });

  it("chaque adaptateur lit les arguments du contrat, dans son ordre, sous leurs noms (ceux des messages d'erreur)", () => {
    // REMB.VERIFIER reads one whole range and REMB.SCENARIOS one date, not broadcast arguments: no reader table.
    const adaptateurs: Record<string, FonctionExcel> = {
      TM: tm,
      RO: ro,
      SOINS: soins,
      OPTIQUE: optique,
      AUDIO: audio,
      DENTAIRE: dentaire,
      SEJOUR: sejour,
      FJ: fj,
      GARANTIE: garantie,
      NORMALISER: normaliser,
      PLAFOND: plafond,
      PLANCHER: plancher,
      PARAM: param,
      VERRE: verre,
      CATEGORIE: categorie,
      RENOUVELLEMENT: renouvellement,
      TSA: tsa,
    };
    assert.deepEqual(
      Object.keys(adaptateurs).sort(),
      meta
        .map((f) => f.id)
        .filter((id) => id !== "VERIFIER" && id !== "SCENARIOS")
        .sort(),
    );
    for (const f of meta) {
      const a = adaptateurs[f.id];
      if (a)
        assert.deepEqual(
          a.noms,
          f.parameters.map((p) => p.name),
          f.id,
        );
    }
  });

  it("le catalogue du volet et de l'aide suit le même ordre", () => {
    assert.deepEqual(
      CATALOGUE.map((c) => c.id),
      meta.map((f) => f.id),
    );
  });

  it("les noms de deux lettres sont signalés (à confirmer dans Excel réel)", () => {
    // The Office naming guidelines ask for at least three characters; the catalogue has REMB.TM,
    // REMB.RO and REMB.FJ. The namespace makes the full name longer (REMB.TM); only real Excel can confirm the
    // registration. This test pins the list so a new short name is a deliberate choice.
    assert.deepEqual(
      meta.filter((f) => f.name.length < 3).map((f) => f.name),
      ["TM", "RO", "FJ"],
    );
  });
});
