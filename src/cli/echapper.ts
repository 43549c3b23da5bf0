/**
 * Text from the input (file names, sheet names, cells, labels, messages quoting them) never reaches a terminal raw: a
 * control character there can move the cursor, recolour or rewrite what the auditor reads (an ESC in a file name), and
 * a bidi override can reorder it. Each one is shown as an escape instead: \n, \t, \r, \x1B for C0 and C1 controls and
 * DEL, \u{202E} for the bidi and line-separator controls. Applied to every piece of input before REMB adds its own
 * colours.
 */
const CONTROLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROLES = new RegExp(CONTROLE.source, "g");
const NOMMES: Readonly<Record<string, string>> = { "\n": "\\n", "\t": "\\t", "\r": "\\r" };

export function echapper(s: string): string {
  if (!CONTROLE.test(s)) return s;
  return s.replace(CONTROLES, (c) => {
    const code = c.charCodeAt(0);
    return NOMMES[c] ?? (code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u{${code.toString(16).toUpperCase()}}`);
  });
}
