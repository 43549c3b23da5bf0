import { inflateRaw } from "./inflate";

/**
 * Runtime side of scripts/json-compresse-loader.js: base64 → DEFLATE → UTF-8 → JSON.parse. Written without atob
 * or TextDecoder so that it needs nothing but the language itself (Excel's runtimes have them, Node's vm does
 * not).
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALEURS = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALEURS[ALPHABET.charCodeAt(i)] = i;

export function base64EnOctets(b64: string): Uint8Array {
  const s = b64.replace(/=+$/, "");
  const sortie = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let n = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALEURS[c]! : -1;
    if (v < 0) throw new Error("Données compressées invalides : base64.");
    acc = (acc << 6) | v;
    n += 6;
    if (n >= 8) {
      n -= 8;
      sortie[o++] = (acc >> n) & 0xff;
    }
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

export function jsonCompresse(b64: string): unknown {
  return JSON.parse(utf8EnTexte(inflateRaw(base64EnOctets(b64))));
}
