import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import fc from "fast-check";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { argumentsExcel, chargerCas, ecarts } from "./harnais/cas";
import { chargerBundle, invocation, type BundleCharge } from "./harnais/custom-functions";
import { urlsDuManifeste, verifierManifeste } from "./harnais/manifeste";

/**
 * Black box: the built dist/functions.js, loaded in Node's vm with a stand-in CustomFunctions exactly as Excel's
 * runtime loads it, called with Excel-shaped arguments as dist/functions.json declares them. `npm test` builds
 * first; run `npm run build` before running this file alone.
 */

const DIST = path.resolve(__dirname, "../../dist");
const BUNDLE = path.join(DIST, "functions.js");
const METADONNEES = path.join(DIST, "functions.json");
/**
 * The budget of the functions bundle, in what a user waits for: the gzip size the network carries when a workbook
 * opens (the raw minified size is reported in the title). One byte more fails the test; the load and registration
 * time is measured by `npm run bench -- fonctions`. REMB.VERIFIER is a separate, lazily loaded chunk: it does not
 * count here and must not be bundled into functions.js.
 *
 * 80 Kio: the dated law itself is most of the growth (the 14 parameter files are about 22 Kio gzip, every value
 * with its reference, the article words it rests on and its note; they grew by 9 Kio when the history was
 * completed). The calculators read values, references and notes at run time; the article words are only
 * checked by the tests, but they stay beside the value they back so that a value is never edited without them.
 */
const GZIP_MAX = 80 * 1024;

interface ParametreMeta {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FonctionMeta {
  id: string;
  name: string;
  helpUrl?: string;
  parameters: ParametreMeta[];
  result: { dimensionality?: string };
}

const CODES_ATTENDUS = new Set(["#VALUE!", "#N/A"]);

/** A cell value Excel can show: a finite number, text, a boolean, or an error with a French message. */
function celluleValide(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "string" || typeof v === "boolean") return true;
  if (v !== null && typeof v === "object") {
    const e = v as { code?: unknown; message?: unknown };
    return typeof e.code === "string" && CODES_ATTENDUS.has(e.code) && typeof e.message === "string" && e.message.length > 0;
  }
  return false;
}

function matriceValide(r: unknown): boolean {
  return Array.isArray(r) && r.length > 0 && r.every((l) => Array.isArray(l) && l.length === (r[0] as unknown[]).length && l.every(celluleValide));
}

describe("dist/functions.js dans un runtime Excel simulé (vm)", function () {
  let bundle: BundleCharge;
  let meta: FonctionMeta[];

  before(function () {
    if (!existsSync(BUNDLE) || !existsSync(METADONNEES)) {
      throw new Error("dist/functions.js ou dist/functions.json absent : lancez « npm run build » (npm test le fait).");
    }
    bundle = chargerBundle(BUNDLE);
    meta = (JSON.parse(readFileSync(METADONNEES, "utf8")) as { functions: FonctionMeta[] }).functions;
  });

  it("se charge sans rien écrire dans la console, sans charger le module de REMB.VERIFIER", () => {
    assert.deepEqual(bundle.console, []);
    assert.deepEqual(bundle.chunks, []);
  });

  it("PLAFOND, PLANCHER et RENOUVELLEMENT répondent sans attendre (synchrones, dans functions.js)", () => {
    const plafond = bundle.fonctions.get("PLAFOND")!;
    const plancher = bundle.fonctions.get("PLANCHER")!;
    const renouvellement = bundle.fonctions.get("RENOUVELLEMENT")!;
    // Results come from the vm's realm: compared as data. A Promise would serialise as {} and fail.
    const valeur = (r: unknown) => JSON.parse(JSON.stringify(r)) as unknown;
    assert.deepEqual(valeur(plafond([["monture"]], null, [[46023]], invocation("PLAFOND"))), [[100]]);
    assert.deepEqual(valeur(plancher([["optique"]], [["a"]], [[46023]], invocation("PLANCHER"))), [[50]]);
    assert.deepEqual(valeur(plafond([["monture"]], null, [[43000]], invocation("PLAFOND"))), [[150]]);
    assert.deepEqual(valeur(renouvellement([["optique"]], [[45000]], [[46023]], null, null, invocation("RENOUVELLEMENT"))), [[true]]);
    assert.deepEqual(bundle.chunks, []);
  });

  it("REMB.VERIFIER charge son module (verifier.js, URL de déploiement) au premier appel, une seule fois", async () => {
    const f = bundle.fonctions.get("VERIFIER")!;
    const grille = [
      ["Garanties", "Niveau 1"],
      ["Biologie", "100 % BR"],
      ["Forfait journalier hospitalier", "Frais réels"],
    ];
    const r1 = (await f(grille, null, invocation("VERIFIER", ["Feuil1!A1:B3"]))) as unknown[][];
    const r2 = (await f(grille, null, invocation("VERIFIER", ["Feuil1!A1:B3"]))) as unknown[][];
    assert.deepEqual(r1, r2);
    assert.equal(r1[1]![0], "Conforme");
    const verifier = bundle.chunks.filter((u) => u.endsWith("/verifier.js"));
    assert.equal(verifier.length, 1, JSON.stringify(bundle.chunks));
    assert.match(verifier[0]!, /^https:\/\/.+\/verifier\.js$/);
  });

  it("associe chaque id de functions.json, une seule fois, et rien d'autre", () => {
    assert.deepEqual(bundle.doublons, []);
    assert.deepEqual([...bundle.fonctions.keys()].sort(), meta.map((f) => f.id).sort());
  });

  it("functions.json est celui que donnent les sources (à l'URL de déploiement près)", async () => {
    const r = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"));
    assert.deepEqual(r.errors, []);
    const sources = JSON.parse(r.metadataJson) as { functions: FonctionMeta[] };
    const sansUrl = (fs: FonctionMeta[]) => fs.map((f) => ({ ...f, helpUrl: f.helpUrl?.replace(/^https:\/\/[^/]+\//, "") }));
    assert.deepEqual(sansUrl(meta), sansUrl(sources.functions));
  });

  it(`taille : ${GZIP_MAX / 1024} Kio gzip au plus`, function () {
    const taille = statSync(BUNDLE).size;
    const gzip = gzipSync(readFileSync(BUNDLE), { level: 9 }).length;
    this.test!.title += ` — gzip ${(gzip / 1024).toFixed(1)} Kio (marge ${((GZIP_MAX - gzip) / 1024).toFixed(1)} Kio), minifié ${(taille / 1024).toFixed(1)} Kio`;
    assert.ok(
      gzip <= GZIP_MAX,
      `functions.js fait ${gzip} octets gzip, ${gzip - GZIP_MAX} de trop pour le budget de ${GZIP_MAX} octets (${GZIP_MAX / 1024} Kio) : ` +
        "voir ce qui a grossi avec dist/functions.js.map (une dépendance embarquée par erreur, un texte dupliqué, du code qui irait mieux dans un module chargé au premier appel…).",
    );
  });

  it("dist/manifest.xml : URLs de production, chacune servie par un fichier de dist/", () => {
    const xml = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    const page = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(xml);
    assert.ok(page, "DefaultSettings/SourceLocation introuvable");
    const base = page[1]!;
    assert.doesNotMatch(xml, /localhost/, "le build de production ne doit plus citer localhost");
    assert.deepEqual(verifierManifeste(xml, { urlBase: base }), []);
    const urls = [...urlsDuManifeste(xml), ...meta.map((f) => f.helpUrl!)];
    for (const u of urls) {
      assert.ok(u.startsWith(base), `${u} hors de ${base}`);
      assert.ok(existsSync(path.join(DIST, u.slice(base.length))), `${u} : absent de dist/`);
    }
  });

  describe("cas des fixtures, appelés comme Excel", () => {
    for (const fichier of chargerCas()) {
      for (const c of fichier.cas) {
        it(`REMB.${fichier.fonction} — ${c.nom}`, async () => {
          const f = bundle.fonctions.get(fichier.fonction);
          assert.ok(f, `REMB.${fichier.fonction} non associée`);
          const m = meta.find((x) => x.id === fichier.fonction)!;
          const r = await f(...argumentsExcel(c.args, m.parameters.length), invocation(fichier.fonction, c.adresses));
          assert.deepEqual(ecarts(c, r), []);
        });
      }
    }
  });

  describe("chaque fonction déclarée, avec des arguments quelconques", () => {
    it("tous les arguments omis : une matrice d'erreurs françaises, jamais une exception", async () => {
      for (const m of meta) {
        const args = m.parameters.map(() => null);
        const r = await bundle.fonctions.get(m.id)!(...args, invocation(m.id));
        assert.ok(matriceValide(r), `REMB.${m.id} : ${JSON.stringify(r)}`);
      }
    });

    it("valeurs arbitraires de cellules et de plages : toujours une matrice de valeurs ou d'erreurs", async () => {
      const cellule = fc.oneof(
        fc.double(),
        fc.integer({ min: -100000, max: 3000000 }),
        fc.string({ maxLength: 12 }),
        fc.constantFrom("", " ", "70 %", "0,7", "PF", "DETAIL", "150 % BR", "01/03/2026", "a", "simple", "VRAI", "NaN"),
        fc.boolean(),
        fc.constant(null),
      );
      const argument = fc.oneof(
        fc.constant(null),
        cellule.map((v) => [[v]]),
        fc.array(cellule, { minLength: 1, maxLength: 3 }).map((l) => l.map((v) => [v])),
        fc.array(cellule, { minLength: 2, maxLength: 3 }).map((l) => [l]),
      );
      for (const m of meta) {
        const f = bundle.fonctions.get(m.id)!;
        await fc.assert(
          fc.asyncProperty(fc.array(argument, { minLength: m.parameters.length, maxLength: m.parameters.length }), async (args) => {
            const r = await f(...args, invocation(m.id));
            return matriceValide(r);
          }),
          { numRuns: 150 },
        );
      }
    });

    it("toutes les fonctions rendent une matrice (résultat déclaré matrix)", () => {
      for (const m of meta) {
        assert.equal(m.result.dimensionality, "matrix", m.id);
        for (const p of m.parameters) assert.equal(p.dimensionality, "matrix", `${m.id}.${p.name}`);
      }
    });
  });
});
