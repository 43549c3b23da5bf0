import { inflateRaw } from "./inflate";

/**
 * Runtime side of scripts/json-compresse-loader.js: text of 93 characters → DEFLATE → UTF-8 → JSON.parse. Written
 * without atob or TextDecoder so that it needs nothing but the language itself (Excel's runtimes have them, Node's
 * vm does not).
 */

/** Printable ASCII without « " » and « \\ », in code order: the loader's alphabet. */
const VALEURS = new Int16Array(128).fill(-1);
for (let c = 32, v = 0; c < 127; c++) if (c !== 34 && c !== 92) VALEURS[c] = v++;

function valeur93(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const v = c < 128 ? VALEURS[c]! : -1;
  if (v < 0) throw new Error("Données compressées invalides : caractère hors alphabet.");
  return v;
}

/** The bytes of `texte93` (the loader): 13 bits per pair of characters, a last single character completes a byte. */
export function texte93EnOctets(s: string): Uint8Array {
  const sortie = new Uint8Array(Math.ceil((s.length * 13) / 16));
  let acc = 0;
  let n = 0;
  let o = 0;
  for (let i = 0; i < s.length; i += 2) {
    let bits = 13;
    let v: number;
    if (i + 1 < s.length) {
      v = valeur93(s, i) + 93 * valeur93(s, i + 1);
      if (v > 0x1fff) throw new Error("Données compressées invalides : paire hors limites.");
    } else {
      // A last single character holds exactly the bits that complete the last byte.
      bits = 8 - n;
      v = valeur93(s, i);
      if (n === 0 || v >= 1 << bits) throw new Error("Données compressées invalides : fin incomplète.");
    }
    acc = (acc << bits) | v;
    n += bits;
    while (n >= 8) {
      n -= 8;
      sortie[o++] = (acc >> n) & 0xff;
    }
    acc &= (1 << n) - 1;
  }
  return sortie.subarray(0, o);
}

export function utf8EnTexte(o: Uint8Array): string {
  const morceaux: string[] = [];
  let codes: number[] = [];
  for (let i = 0; i < o.length; ) {
    const b = o[i]!;
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i += 1;
    } else if (b < 0xe0) {
      cp = ((b & 0x1f) << 6) | (o[i + 1]! & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      cp = ((b & 0x0f) << 12) | ((o[i + 1]! & 0x3f) << 6) | (o[i + 2]! & 0x3f);
      i += 3;
    } else {
      cp = ((b & 0x07) << 18) | ((o[i + 1]! & 0x3f) << 12) | ((o[i + 2]! & 0x3f) << 6) | (o[i + 3]! & 0x3f);
      i += 4;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else codes.push(cp);
    if (codes.length >= 8192) {
      morceaux.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  morceaux.push(String.fromCharCode(...codes));
  return morceaux.join("");
}

export function jsonCompresse(texte: string): unknown {
  return JSON.parse(utf8EnTexte(inflateRaw(texte93EnOctets(texte))));
}
