/*
 * Webpack loader for the JSON data of src/ (the core's legal parameters above all): the minified JSON is
 * DEFLATE-compressed and written as text with 93 printable ASCII characters at build time (see `texte93`), and inflated once when the bundle loads
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

/**
 * The alphabet of the compressed text: printable ASCII without « " » and « \\ », so the text sits in a JS string
 * literal without a single escape. Same order in src/functions/compression/json-compresse.ts.
 */
const ALPHABET_93 = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => c !== '"' && c !== "\\")
  .join("");

/**
 * Bytes as text, 13 bits per pair of characters (93² = 8 649 ≥ 2^13): 1,23 characters per byte where base64 takes
 * 1,33, 8 % off the parameter pack. Bits are read most significant first; a pair holds v = a + 93 × b. The last
 * group carries the r bits left (1 ≤ r ≤ 12): r ≤ 6 fit in a single character (the decoder knows it completes the
 * last byte), more go in a pair padded with zeros (fewer than 8 bits of padding: no extra byte).
 */
function texte93(octets) {
  let s = "";
  let acc = 0;
  let n = 0;
  const pair = (v) => ALPHABET_93[v % 93] + ALPHABET_93[Math.floor(v / 93)];
  for (const o of octets) {
    acc = (acc << 8) | o;
    n += 8;
    if (n >= 13) {
      n -= 13;
      s += pair((acc >> n) & 0x1fff);
      acc &= (1 << n) - 1;
    }
  }
  if (n > 0 && n <= 6) s += ALPHABET_93[acc];
  else if (n > 6) s += pair(acc << (13 - n));
  return s;
}

function compresser(texte) {
  return texte93(zlib.deflateRawSync(Buffer.from(texte, "utf8"), { level: 9 }));
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
module.exports.texte93 = texte93;
module.exports.compresserDossier = compresserDossier;
module.exports.PARAMETRES = PARAMETRES;
