// The CLI bundle: src/cli/main.ts (and the core it imports) bundled by esbuild into one CommonJS file, rebuilt when
// any of its inputs changed. bin/remb.mjs calls bundleAJour() on every run; `npm run build:cli` builds ahead of time
// (`node scripts/cli-bundle.mjs`).
//
// Why a bundle rather than running the TypeScript through tsx: on this project's 2-core machine `node` alone starts
// in ~0.1 s, the bundle in ~0.15 s, tsx in ~0.4-0.55 s (it compiles or re-reads ~80 modules on every start), and
// a CI job calls `remb` many times. Measured by bench/cli.bench.ts (section « Démarrage »).
//
// Freshness: the esbuild metafile lists every input; their mtime and size are recorded next to the bundle and
// compared on each run (~80 stat calls, well under a millisecond). Equality, not « older than the bundle », so that
// a file put back with an older date (git checkout of another branch, cp -p) is seen too.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ICI = fileURLToPath(import.meta.url);
export const RACINE = path.resolve(path.dirname(ICI), "..");
const ENTREE = "src/cli/main.ts";
/** Bumped when the build options below change in a way the inputs do not show. */
const VERSION_META = 2;
/**
 * Left out of the bundle and loaded from node_modules when first needed: exceljs takes ~0.4 s to load and a batch of
 * CSV files never needs it. Resolved to an absolute path at build time, so the bundle finds it wherever it is stored.
 */
const EXTERNES = ["exceljs", "@duckdb/node-api"];

/** node_modules/.cache (npm ci wipes it with the rest), or REMB_CLI_CACHE; a temp folder when neither is writable. */
function dossiers(env) {
  const premier = env.REMB_CLI_CACHE ? path.resolve(env.REMB_CLI_CACHE) : path.join(RACINE, "node_modules", ".cache", "remb-cli");
  const secours = path.join(os.tmpdir(), `remb-cli-${createHash("sha1").update(RACINE).digest("hex").slice(0, 12)}`);
  return [premier, secours];
}

function aJour(dossier) {
  let meta;
  try {
    meta = JSON.parse(readFileSync(path.join(dossier, "cli.meta.json"), "utf8"));
  } catch {
    return false;
  }
  if (meta.version !== VERSION_META || meta.racine !== RACINE) return false;
  for (const [fichier, [mtime, taille]] of Object.entries(meta.entrees)) {
    let st;
    try {
      st = statSync(path.resolve(RACINE, fichier));
    } catch {
      return false;
    }
    if (st.mtimeMs !== mtime || st.size !== taille) return false;
  }
  return true;
}

/**
 * The path of an up-to-date bundle, building it when needed. Throws an Error with a French message when it cannot
 * (esbuild missing and no bundle yet, or the sources do not build).
 */
export async function bundleAJour({ env = process.env, forcer = false } = {}) {
  const candidats = dossiers(env);
  if (!forcer) for (const d of candidats) if (aJour(d)) return path.join(d, "cli.cjs");
  const { code, meta } = await construire();
  for (const d of candidats) {
    try {
      ecrireAtomique(d, "cli.cjs", code);
      // The meta last: a run that sees the new meta also sees the new bundle.
      ecrireAtomique(d, "cli.meta.json", JSON.stringify(meta));
      return path.join(d, "cli.cjs");
    } catch {
      // Read-only node_modules (a shared install): try the next folder.
    }
  }
  throw new Error(`impossible d'écrire la CLI construite dans ${candidats.join(" ou ")}.`);
}

async function construire() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error("esbuild est introuvable : lancez « npm ci » (dépendances de développement comprises) pour construire la CLI.");
  }
  const requireRacine = createRequire(path.join(RACINE, "package.json"));
  const externesAbsolus = {
    name: "externes-absolus",
    setup(b) {
      const filtre = new RegExp(`^(${EXTERNES.join("|")})$`);
      b.onResolve({ filter: filtre }, (a) => ({ path: requireRacine.resolve(a.path), external: true }));
    },
  };
  let r;
  try {
    r = await esbuild.build({
      absWorkingDir: RACINE,
      entryPoints: [ENTREE],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      write: false,
      metafile: true,
      logLevel: "silent",
      legalComments: "none",
      plugins: [externesAbsolus],
    });
  } catch (e) {
    const messages = (e.errors ?? []).map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}:${m.location.column} ` : ""}${m.text}`);
    throw new Error(`la construction de la CLI a échoué (esbuild) :\n${messages.join("\n") || e.message}`, { cause: e });
  }
  const entrees = {};
  const noter = (abs) => {
    const st = statSync(abs);
    entrees[path.relative(RACINE, abs)] = [st.mtimeMs, st.size];
  };
  for (const f of Object.keys(r.metafile.inputs)) if (!f.includes(":")) noter(path.resolve(RACINE, f));
  noter(ICI);
  return { code: r.outputFiles[0].contents, meta: { version: VERSION_META, racine: RACINE, entrees } };
}

function ecrireAtomique(dossier, nom, contenu) {
  mkdirSync(dossier, { recursive: true });
  const tmp = path.join(dossier, `${nom}.${process.pid}.tmp`);
  writeFileSync(tmp, contenu);
  renameSync(tmp, path.join(dossier, nom));
}

// `node scripts/cli-bundle.mjs`: build now (npm run build:cli).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  bundleAJour({ forcer: true }).then(
    (p) => console.log(`CLI construite : ${path.relative(process.cwd(), p)}`),
    (e) => {
      console.error(`remb : ${e.message}`);
      process.exitCode = 1;
    },
  );
}
