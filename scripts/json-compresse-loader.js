/*
 * Webpack loader for the core's JSON data (src/**\/*.json): the minified JSON is DEFLATE-compressed and
 * base64-encoded at build time, and inflated once when the bundle loads (src/functions/compression). The legal
 * parameters are most of the functions bundle; compressed they take a quarter of the room, which keeps
 * functions.js within its 150 KB budget. The runtime object is the same as JSON.parse of the file
 * (test/functions/compression.test.ts checks it for every data file).
 */
const path = require("path");
const zlib = require("zlib");

const DECODEUR = path.resolve(__dirname, "../src/functions/compression/json-compresse.ts");

function compresser(source) {
  const json = JSON.stringify(JSON.parse(source));
  return zlib.deflateRawSync(Buffer.from(json, "utf8"), { level: 9 }).toString("base64");
}

module.exports = function jsonCompresseLoader(source) {
  const requete = JSON.stringify(this.utils.contextify(this.context, DECODEUR));
  return `module.exports = require(${requete}).jsonCompresse(${JSON.stringify(compresser(source))});\n`;
};
module.exports.compresser = compresser;
