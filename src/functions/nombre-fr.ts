/**
 * Numbers typed as text in French workbooks: « 38,50 », « 1 234,56 » (normal, no-break or narrow no-break
 * spaces as thousands separators), « 38.50 », « 70 % », « 300 € ». Returns the plain decimal text with a point
 * ("1234.56") so the exact core parsers (decimal.js) take over, or null when the text is not a number.
 * A number with both a comma and a point (« 1.234,56 ») is refused: guessing which one is the decimal
 * separator could silently multiply an amount by 1000.
 */
export interface NombreTexte {
  /** Decimal text with a point, sign included: "-0.5", "1234.56". */
  readonly decimal: string;
  /** The text ended with « % »: the value is a percentage (divide by 100). */
  readonly pourcent: boolean;
  /** The text ended with « € ». */
  readonly euro: boolean;
}

const ESPACES = /[\s\u00a0\u202f\u2009]+/g;
const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

export function nombreDepuisTexte(texte: string): NombreTexte | null {
  let s = texte.replace(ESPACES, "");
  let pourcent = false;
  let euro = false;
  if (s.endsWith("%")) {
    pourcent = true;
    s = s.slice(0, -1);
  } else if (s.endsWith("€")) {
    euro = true;
    s = s.slice(0, -1);
  } else if (s.toUpperCase().endsWith("EUR")) {
    euro = true;
    s = s.slice(0, -3);
  }
  if (!DECIMAL.test(s)) return null;
  let d = s.replace(",", ".");
  if (d.startsWith("+")) d = d.slice(1);
  if (d.startsWith(".") || d.startsWith("-.")) d = d.replace(".", "0.");
  if (d.endsWith(".")) d = d.slice(0, -1);
  return { decimal: d, pourcent, euro };
}
