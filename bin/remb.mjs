#!/usr/bin/env node
// `remb` (package.json "bin", so `npx remb …` in a clone after `npm ci`). Plain JavaScript so that Node runs it as
// it is; it loads the esbuild bundle of src/cli (scripts/cli-bundle.mjs: built on first use and whenever a source
// changed, or ahead of time by `npm run build:cli`) and hands it the arguments. No network is ever needed.
import { createRequire } from "node:module";
import { bundleAJour } from "../scripts/cli-bundle.mjs";

let chemin;
try {
  chemin = await bundleAJour();
} catch (e) {
  process.stderr.write(`remb : ${e.message}\n`);
  process.exit(2);
}
createRequire(import.meta.url)(chemin).main(process.argv.slice(2));
