/**
 * Text folding, in one place: grids, labels, printed wordings and Excel arguments are compared without case,
 * accents or typographic variants (« Réels », « REELS », « réels »; « d’effet » and « d'effet »; « – » and « - »).
 * Three forms, from the most faithful to the most reduced.
 */

/** Without diacritics (« é » → « e »): canonical decomposition, combining marks removed. Same length for French text. */
export function sansDiacritiques(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * Lower case, no diacritics, apostrophes made straight; nothing else changes, so a position in the result is a
 * position in the text (the guarantee tokenizer reports errors at positions of the printed text).
 */
export function plierEnPlace(s: string): string {
  return sansDiacritiques(s)
    .toLowerCase()
    .replace(/[\u2019\u02bc]/g, "'");
}

/**
 * Lower case, no diacritics, ligatures opened, apostrophes straight, dashes and minus signs « - », one space between
 * words: punctuation kept (« 01/01/2026 », « 150 % BR », « d'effet »). The form printed wordings and dates are read on.
 */
export function replier(s: string): string {
  return plierEnPlace(s)
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

/**
 * Lower case, no diacritics, ligatures opened, letters and digits apart (« 2verres » → « 2 verres »), anything else a
 * single space: the form labels and headers are compared on. Remembered per text (grids repeat theirs), in a bounded
 * memo.
 */
export function plier(s: string): string {
  const deja = plies.get(s);
  if (deja !== undefined) return deja;
  const r = sansDiacritiques(s.toLowerCase())
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/([a-z])([0-9])/g, "$1 $2")
    .replace(/([0-9])([a-z])/g, "$1 $2")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (plies.size >= PLIES_MAX) plies.clear();
  plies.set(s, r);
  return r;
}

const plies = new Map<string, string>();
/** Bounded: a 200 000-row file of distinct texts must not keep them all. */
const PLIES_MAX = 20_000;
