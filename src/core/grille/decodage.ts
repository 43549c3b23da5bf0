import { RembError } from "../errors";

/**
 * Bytes → text for CSV files, in pure TypeScript (no TextDecoder: the core runs where it may be missing).
 * Excel writes CSV in UTF-8 with a BOM (« CSV UTF-8 »), in Windows-1252 (« CSV (séparateur : point-virgule) »
 * on a French Windows) or in UTF-16 (« Texte Unicode »). The encoding is found by decoding: a BOM, else strict
 * UTF-8, else Windows-1252 (every byte sequence is valid Windows-1252, so it is the last resort).
 */
export type Encodage = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export interface TexteDecode {
  readonly texte: string;
  readonly encodage: Encodage;
}

/** 0x80–0x9F in Windows-1252 (the rest of the upper half is Latin-1). Unassigned bytes keep their code point. */
const CP1252: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decoderOctets(o: Uint8Array): TexteDecode {
  if (o.length === 0) throw new RembError("ARGUMENT_INVALIDE", "Fichier vide : aucun octet à lire.");
  if (o.length >= 3 && o[0] === 0xef && o[1] === 0xbb && o[2] === 0xbf) {
    return { texte: utf8(o, 3, false) ?? utf8(o, 3, true)!, encodage: "utf-8" };
  }
  if (o.length >= 2 && o[0] === 0xff && o[1] === 0xfe) return { texte: utf16(o, 2, true), encodage: "utf-16le" };
  if (o.length >= 2 && o[0] === 0xfe && o[1] === 0xff) return { texte: utf16(o, 2, false), encodage: "utf-16be" };
  refuserBinaire(o);
  const sansBom = utf16SansBom(o);
  if (sansBom) return sansBom;
  const t = utf8(o, 0, false);
  if (t !== undefined) return { texte: t, encodage: "utf-8" };
  return { texte: cp1252(o), encodage: "windows-1252" };
}

/** Files that are clearly not text get a precise message rather than a page of garbage. */
function refuserBinaire(o: Uint8Array): void {
  const sig = (...b: number[]) => b.every((x, i) => o[i] === x);
  if (sig(0x50, 0x4b, 0x03, 0x04) || sig(0x50, 0x4b, 0x05, 0x06)) {
    throw new RembError("ARGUMENT_INVALIDE", "Ce fichier est un classeur Excel (.xlsx, archive ZIP), pas un CSV : importez-le comme fichier XLSX.");
  }
  if (sig(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new RembError("ARGUMENT_INVALIDE", "Ce fichier est un ancien classeur Excel (.xls) : enregistrez-le au format .xlsx ou CSV.");
  }
  if (sig(0x25, 0x50, 0x44, 0x46)) throw new RembError("ARGUMENT_INVALIDE", "Ce fichier est un PDF : un tableau de garanties CSV, XLSX ou JSON est attendu.");
  const n = Math.min(o.length, 8192);
  let controles = 0;
  let nuls = 0;
  for (let i = 0; i < n; i++) {
    const b = o[i]!;
    if (b === 0) nuls++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controles++;
  }
  // UTF-16 without a BOM has a NUL every other byte: let utf16SansBom decide.
  const utf16Probable = nuls > n / 4 && nuls < (n * 3) / 4;
  if ((nuls > 0 && !utf16Probable) || controles > n / 20) {
    throw new RembError("ARGUMENT_INVALIDE", "Contenu binaire : ce fichier n'est pas un texte CSV (octets de contrôle). Un tableau de garanties CSV, XLSX ou JSON est attendu.");
  }
}

function utf16SansBom(o: Uint8Array): TexteDecode | undefined {
  const n = Math.min(o.length, 4096) & ~1;
  if (n < 4) return undefined;
  let pairs = 0;
  let impairs = 0;
  for (let i = 0; i < n; i += 2) {
    if (o[i] === 0) pairs++;
    if (o[i + 1] === 0) impairs++;
  }
  if (impairs > n / 2 / 2 && pairs === 0) return { texte: utf16(o, 0, true), encodage: "utf-16le" };
  if (pairs > n / 2 / 2 && impairs === 0) return { texte: utf16(o, 0, false), encodage: "utf-16be" };
  return undefined;
}

/** Strict UTF-8 (no overlong forms, no surrogates, ≤ U+10FFFF); undefined when invalid, unless `remplacer`. */
function utf8(o: Uint8Array, debut: number, remplacer: boolean): string | undefined {
  const morceaux: string[] = [];
  const buf: number[] = [];
  const vider = () => {
    morceaux.push(String.fromCharCode(...buf));
    buf.length = 0;
  };
  let i = debut;
  while (i < o.length) {
    const b = o[i]!;
    let cp = -1;
    let n = 0;
    if (b < 0x80) {
      cp = b;
      n = 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
      n = 2;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 3;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4;
      cp = b & 0x07;
    }
    let ok = n > 0 && i + n <= o.length;
    for (let k = 1; ok && k < n; k++) {
      const c = o[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff)))) ok = false;
    if (!ok) {
      if (!remplacer) return undefined;
      buf.push(0xfffd);
      i += 1;
    } else {
      if (cp >= 0x10000) {
        const x = cp - 0x10000;
        buf.push(0xd800 + (x >> 10), 0xdc00 + (x & 0x3ff));
      } else buf.push(cp);
      i += n;
    }
    if (buf.length >= 8192) vider();
  }
  vider();
  return morceaux.join("");
}

function utf16(o: Uint8Array, debut: number, le: boolean): string {
  const morceaux: string[] = [];
  const buf: number[] = [];
  for (let i = debut; i + 1 < o.length; i += 2) {
    buf.push(le ? o[i]! | (o[i + 1]! << 8) : (o[i]! << 8) | o[i + 1]!);
    if (buf.length >= 8192) {
      morceaux.push(String.fromCharCode(...buf));
      buf.length = 0;
    }
  }
  morceaux.push(String.fromCharCode(...buf));
  return morceaux.join("");
}

function cp1252(o: Uint8Array): string {
  const morceaux: string[] = [];
  const buf: number[] = [];
  for (let i = 0; i < o.length; i++) {
    const b = o[i]!;
    buf.push(b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80]! : b);
    if (buf.length >= 8192) {
      morceaux.push(String.fromCharCode(...buf));
      buf.length = 0;
    }
  }
  morceaux.push(String.fromCharCode(...buf));
  return morceaux.join("");
}
