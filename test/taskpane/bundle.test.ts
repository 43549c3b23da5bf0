import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The built page (dist/): one webpack runtime for the functions and the pane, so each module of the core is bundled
 * in one file only (the pane and REMB.VERIFIER share it, loaded once); functions.js holds none of the pane's code;
 * the pane's first script is small; the page loads no script from a CDN but office.js. Read from the source maps
 * webpack writes next to each file. `npm test` builds first.
 */
const DIST = path.resolve(__dirname, "../../dist");
/** The budget for the pane's first script (gzip). */
const PREMIER_SCRIPT_MAX = 30 * 1024;

function sources(fichier: string): string[] {
  const carte = JSON.parse(readFileSync(path.join(DIST, `${fichier}.map`), "utf8")) as { sources: string[] };
  return carte.sources.map((s) => s.replace(/^webpack:\/\/remb\//, "").replace(/^\.\//, ""));
}

describe("dist/ : le volet et les fonctions partagent un runtime et le cœur", () => {
  let js: string[];
  before(() => {
    if (!existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ absent : lancez « npm run build » (npm test le fait).");
    js = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  });

  it("chaque module du cœur est dans un seul fichier (pas de cœur en double)", () => {
    const ou = new Map<string, string[]>();
    for (const f of js) for (const s of sources(f)) if (s.startsWith("src/core/")) ou.set(s, [...(ou.get(s) ?? []), f]);
    assert.ok(ou.size > 50, `${ou.size} modules du cœur trouvés`);
    const doubles = [...ou].filter(([, fs]) => fs.length > 1).map(([s, fs]) => `${s} : ${fs.join(", ")}`);
    assert.deepEqual(doubles, []);
    // The grid reader and the rules are where both REMB.VERIFIER and the pane get them.
    assert.equal(ou.get("src/core/responsable/verifier.ts")?.length, 1);
  });

  it("taskpane.js n'a pas de runtime webpack à lui : il dépend de functions.js, chargé avant lui", () => {
    const t = readFileSync(path.join(DIST, "taskpane.js"), "utf8");
    assert.match(t, /webpackChunkremb/);
    assert.doesNotMatch(t, /__webpack_module_cache__|\.O=\(|installedChunks/);
    const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    // The HTML is minified: attribute values may be unquoted.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)].map((m) => m[2]!);
    const noms = scripts.map((s) => s.slice(s.lastIndexOf("/") + 1));
    assert.ok(noms.indexOf("functions.js") >= 0 && noms.indexOf("functions.js") < noms.indexOf("taskpane.js"), noms.join(", "));
    // No CDN but office.js: every other script is the add-in's own.
    const externes = scripts.filter((s) => /^https?:/.test(s) && !s.endsWith("/office.js") && !noms.includes(s.slice(s.lastIndexOf("/") + 1)));
    assert.deepEqual(externes, []);
    assert.deepEqual(
      scripts.filter((s) => s.includes("appsforoffice")),
      ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"],
    );
  });

  it("functions.js ne contient rien du volet", () => {
    assert.deepEqual(
      sources("functions.js").filter((s) => s.startsWith("src/taskpane/")),
      [],
    );
    assert.deepEqual(
      sources("taskpane.js").filter((s) => !s.startsWith("src/taskpane/") && !s.startsWith("webpack/")),
      [],
    );
  });

  it(`premier script du volet ≤ ${PREMIER_SCRIPT_MAX / 1024} Kio gzip ; le premier écran (volet.js) aussi`, function () {
    const gz = (f: string) => gzipSync(readFileSync(path.join(DIST, f)), { level: 9 }).length;
    const premier = gz("taskpane.js");
    const ecran = gz("volet.js");
    this.test!.title += ` — taskpane.js ${(premier / 1024).toFixed(1)} Kio, volet.js ${(ecran / 1024).toFixed(1)} Kio`;
    assert.ok(premier <= PREMIER_SCRIPT_MAX, `taskpane.js : ${premier} octets gzip`);
    assert.ok(premier + ecran <= PREMIER_SCRIPT_MAX, `taskpane.js + volet.js : ${premier + ecran} octets gzip`);
    // exceljs never reaches the pane (its browser build alone is 256 KB gzip).
    for (const f of js)
      assert.deepEqual(
        sources(f).filter((s) => s.includes("node_modules/exceljs")),
        [],
        f,
      );
  });
});
