/*
 * Webpack loader for the JSON data of src/ (the core's legal parameters above all): the minified JSON is
 * DEFLATE-compressed and base64-encoded at build time, and inflated once when the bundle loads
 * (src/functions/compression). The dated parameters are most of the functions bundle; compressed together in
 * one pack (they share most of their vocabulary) they take a fifth of the room, which keeps functions.js within
 * its 150 KB budget. The objects the core receives are JSON.parse of the files, unchanged
 * (test/functions/compression.test.ts checks every data file).
 *
 * - a JSON file of src/core/params/ becomes `module.exports = <pack>["<file name>"]`;
 * - the pack (scripts/parametres-compresses.js, a stub) becomes the compressed map { file name: content } of
 *   every JSON file of src/core/params/;
 * - any other JSON file of src/ is compressed on its own.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const DECODEUR = path.resolve(__dirname, "../src/functions/compression/json-compresse.ts");
const PACK = path.resolve(__dirname, "parametres-compresses.js");
const PARAMETRES = path.resolve(__dirname, "../src/core/params");

function compresser(texte) {
  return zlib.deflateRawSync(Buffer.from(texte, "utf8"), { level: 9 }).toString("base64");
}

/** The compressed JSON of one file (minified first: whitespace is not data). */
function compresserJson(source) {
  return compresser(JSON.stringify(JSON.parse(source)));
}

/** The compressed map { file name: parsed content } of every JSON file of a folder. */
function compresserDossier(dossier) {
  const contenu = {};
  for (const nom of fs.readdirSync(dossier).filter((n) => n.endsWith(".json")).sort()) {
    contenu[nom] = JSON.parse(fs.readFileSync(path.join(dossier, nom), "utf8"));
  }
  return compresser(JSON.stringify(contenu));
}

module.exports = function jsonCompresseLoader(source) {
  const requete = (cible) => JSON.stringify(this.utils.contextify(this.context, cible));
  if (this.resourcePath === PACK) {
    this.addContextDependency(PARAMETRES);
    return `module.exports = require(${requete(DECODEUR)}).jsonCompresse(${JSON.stringify(compresserDossier(PARAMETRES))});\n`;
  }
  if (path.dirname(this.resourcePath) === PARAMETRES) {
    JSON.parse(source); // a malformed file fails the build here, with its own name
    return `module.exports = require(${requete(PACK)})[${JSON.stringify(path.basename(this.resourcePath))}];\n`;
  }
  return `module.exports = require(${requete(DECODEUR)}).jsonCompresse(${JSON.stringify(compresserJson(source))});\n`;
};
module.exports.compresserJson = compresserJson;
module.exports.compresserDossier = compresserDossier;
module.exports.PARAMETRES = PARAMETRES;
