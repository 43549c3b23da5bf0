/*
 * Webpack loader for decimal.js (node_modules/decimal.js/decimal.mjs), bundle only: drops the parts of the library
 * that REMB never calls, a third of its minified size (32 → 21 KB) in the functions bundle, whose budget is 150 KiB.
 *
 * decimal.js stays REMB's money library and its arithmetic is untouched (parsing, plus, minus, times, div, pow, exp,
 * ln, sqrt, rounding, toFixed…). What goes: the trigonometric, inverse and hyperbolic functions with their helpers
 * and the 1 025-digit π, the binary / octal / hexadecimal output, toFraction, the cube root, random numbers, and
 * log2 / log10 as static functions. The library defines every method on one prototype object, which no minifier can
 * tree-shake, hence this loader.
 *
 * Every removal must match exactly once, and no removed helper may still be called: a new decimal.js version with
 * a different layout fails the build with the name of what moved, instead of shipping something half-removed.
 * test/functions/decimal-allege.test.ts checks that src/ calls none of the dropped methods and that the trimmed
 * library still computes; the Node tests use the complete library.
 */

/** Prototype methods dropped, by their long name (the short alias is on the same line: `P.cosine = P.cos = …`). */
const METHODES = [
  "cosine",
  "cubeRoot",
  "hyperbolicCosine",
  "hyperbolicSine",
  "hyperbolicTangent",
  "inverseCosine",
  "inverseHyperbolicCosine",
  "inverseHyperbolicSine",
  "inverseHyperbolicTangent",
  "inverseSine",
  "inverseTangent",
  "sine",
  "tangent",
  "toBinary",
  "toFraction",
  "toHexadecimal",
  "toOctal",
];

/** Short aliases of those methods (what code would call: `x.cos()`), for the test on src/. */
const ALIAS = ["cos", "cbrt", "cosh", "sinh", "tanh", "acos", "acosh", "asinh", "atanh", "asin", "atan", "sin", "tan", "toHex"];

/** Module-level functions dropped: helpers of the methods above, and the static functions `Decimal.cos`… */
const FONCTIONS = ["cosine", "sine", "taylorSeries", "toLessThanHalfPi", "getPi", "toStringBinary"];
const STATIQUES = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "atan2", "cbrt", "cos", "cosh", "hypot", "log10", "log2", "random", "sin", "sinh", "tan", "tanh"];

function echapper(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces the single match of `motif` in `source` by `par`; anything else than one match fails the build. */
function retirerUneFois(source, motif, par, quoi) {
  const trouves = source.match(new RegExp(motif.source, "g" + motif.flags.replace("g", "")));
  if (!trouves || trouves.length !== 1) {
    throw new Error(`decimal-sans-trigonometrie-loader : ${quoi} trouvé ${trouves ? trouves.length : 0} fois au lieu d'une — decimal.js a changé, revoir scripts/decimal-sans-trigonometrie-loader.js.`);
  }
  return source.replace(motif, par);
}

function alleger(source) {
  // The package is published with CRLF line ends; the patterns below are written with \n.
  let s = source.replace(/\r\n/g, "\n");
  for (const m of METHODES) {
    s = retirerUneFois(s, new RegExp(`\\nP\\.${echapper(m)}\\b[^\\n]*= function \\([^)]*\\) \\{\\n[\\s\\S]*?\\n\\};\\n`), "\n", `la méthode P.${m}`);
  }
  for (const f of [...FONCTIONS, ...STATIQUES]) {
    s = retirerUneFois(s, new RegExp(`\\nfunction ${echapper(f)}\\([^)]*\\) \\{\\n[\\s\\S]*?\\n\\}\\n`), "\n", `la fonction ${f}`);
  }
  for (const f of STATIQUES) {
    s = retirerUneFois(s, new RegExp(`\\n  Decimal\\.${echapper(f)} = ${echapper(f)};[^\\n]*`), "", `Decimal.${f} = ${f}`);
  }
  // π is used by the trigonometry alone; LN10 stays (ln, log, pow).
  s = retirerUneFois(s, /\n  PI = '[0-9.]+',/, "", "la constante PI");
  s = retirerUneFois(s, /\n  PI_PRECISION = PI\.length - 1,/, "", "PI_PRECISION");
  s = retirerUneFois(s, /\nPI = new Decimal\(PI\);/, "", "PI = new Decimal(PI)");
  // Nothing removed may still be called or read (comments aside).
  const code = s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
  const restes = [
    ...[...FONCTIONS, ...STATIQUES].filter((f) => new RegExp(`(^|[^.\\w$])${echapper(f)}\\s*\\(`, "m").test(code)),
    ...["PI", "PI_PRECISION"].filter((v) => new RegExp(`(^|[^.\\w$'])${v}\\b`, "m").test(code)),
  ];
  if (restes.length > 0) {
    throw new Error(`decimal-sans-trigonometrie-loader : ${restes.join(", ")} encore utilisé(s) après allègement — decimal.js a changé, revoir la liste.`);
  }
  return s;
}

module.exports = function decimalSansTrigonometrieLoader(source) {
  return alleger(source);
};
module.exports.alleger = alleger;
module.exports.METHODES_RETIREES = [...METHODES, ...ALIAS];
module.exports.STATIQUES_RETIREES = STATIQUES;
