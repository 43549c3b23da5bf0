// Stub: scripts/json-compresse-loader.js replaces this module, in the bundle only, by the compressed pack of the
// JSON files of src/core/params. Nothing imports it directly.
module.exports = {};
