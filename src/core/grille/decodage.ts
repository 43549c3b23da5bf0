import { RembError } from "../errors";

/**
 * Bytes → text for CSV files, in pure TypeScript (no TextDecoder: the core runs where it may be missing).
 * Excel writes CSV in UTF-8 with a BOM (« CSV UTF-8 »), in Windows-1252 (« CSV (séparateur : point-virgule) »
 * on a French Windows) or in UTF-16 (« Texte Unicode »); other tools write UTF-32. The encoding is found by
 * decoding: a BOM, else the NUL bytes of UTF-32 or UTF-16, else strict UTF-8, else Windows-1252 (every byte sequence
 * is valid Windows-1252, so it is the last resort).
 *
 * What cannot be decided is refused rather than read as mojibake, on which no verdict can be given: a file half
 * UTF-8 half Windows-1252 (two exports pasted together), a DOS or Mac text (« probl‚me »), accents already broken in
 * the file (« SantÃ© »).
 */
export type Encodage = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

export interface TexteDecode {
  readonly texte: string;
  readonly encodage: Encodage;
}

/** 0x80–0x9F in Windows-1252 (the rest of the upper half is Latin-1). Unassigned bytes keep their code point. */
const CP1252: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decoderOctets(o: Uint8Array): TexteDecode {
  const d = decoder(o);
  refuserTexteAbime(d.texte);
  return d;
}

function decoder(o: Uint8Array): TexteDecode {
  if (o.length === 0) throw new RembError("ARGUMENT_INVALIDE", "Fichier vide : aucun octet à lire.");
  // UTF-32 LE's BOM starts like UTF-16 LE's: tested first.
  if (o.length >= 4 && o[0] === 0xff && o[1] === 0xfe && o[2] === 0 && o[3] === 0) return { texte: utf32(o, 4, true), encodage: "utf-32le" };
  if (o.length >= 4 && o[0] === 0 && o[1] === 0 && o[2] === 0xfe && o[3] === 0xff) return { texte: utf32(o, 4, false), encodage: "utf-32be" };
  if (o.length >= 3 && o[0] === 0xef && o[1] === 0xbb && o[2] === 0xbf) {
    const t = utf8(o, 3, false);
    if (t === undefined) refuserMelange(o, 3, true);
    return { texte: t!, encodage: "utf-8" };
  }
  if (o.length >= 2 && o[0] === 0xff && o[1] === 0xfe) return { texte: utf16(o, 2, true), encodage: "utf-16le" };
  if (o.length >= 2 && o[0] === 0xfe && o[1] === 0xff) return { texte: utf16(o, 2, false), encodage: "utf-16be" };
  const utf32SansBom = utf32Probable(o);
  if (utf32SansBom) return { texte: utf32(o, 0, utf32SansBom === "utf-32le"), encodage: utf32SansBom };
  refuserBinaire(o);
  const sansBom = utf16SansBom(o);
  if (sansBom) return sansBom;
  const t = utf8(o, 0, false);
  if (t !== undefined) return { texte: t, encodage: "utf-8" };
  refuserMelange(o, 0, false);
  const texte = cp1252(o);
  refuserAutreEncodage(o, texte);
  return { texte, encodage: "windows-1252" };
}

/** What to do about an encoding REMB will not guess. */
const REENREGISTRER = "Ouvrez-le dans Excel et enregistrez-le en « CSV UTF-8 (délimité par des virgules) », puis vérifiez les accents.";

/** An excerpt of line `ligne` (1-based) of the text, for a message. */
function extraitLigne(texte: string, ligne: number): string {
  // Control characters (an unassigned byte read as U+008D) are shown as « � », never sent raw to a terminal.
  const l = (texte.split(/\r\n|\n|\r/)[ligne - 1] ?? "").replace(/[\u0000-\u001f\u007f-\u009f]/g, "\ufffd").trim();
  return l.length > 50 ? `${l.slice(0, 49)}…` : l;
}

/**
 * Not valid UTF-8: when it holds valid UTF-8 accents too (« é » as C3 A9, which Windows-1252 text never has: « Ã© »),
 * the file mixes two encodings and reading it either way breaks half of its accents. Also when a UTF-8 BOM says UTF-8.
 */
function refuserMelange(o: Uint8Array, debut: number, bom: boolean): void {
  let ligne = 1;
  let ligneUtf8 = 0;
  let ligne1252 = 0;
  for (let i = debut; i < o.length;) {
    const b = o[i]!;
    if (b === 0x0a) ligne++;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= o.length;
    let cp = n === 2 ? b & 0x1f : n === 3 ? b & 0x0f : b & 0x07;
    for (let k = 1; ok && k < n; k++) {
      const c = o[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && lettreFrancaise(cp)) {
      if (ligneUtf8 === 0) ligneUtf8 = ligne;
      i += n;
    } else if (ok) i += n;
    else {
      if (ligne1252 === 0) ligne1252 = ligne;
      i++;
    }
    if (ligneUtf8 > 0 && ligne1252 > 0) break;
  }
  if (ligne1252 === 0 || (!bom && ligneUtf8 === 0)) return;
  const comme1252 = cp1252(o);
  const commeUtf8 = utf8(o, debut, true)!;
  const partie1252 = `ligne ${ligne1252} : « ${extraitLigne(comme1252, ligne1252)} »`;
  throw new RembError(
    "ARGUMENT_INVALIDE",
    bom && ligneUtf8 === 0
      ? `Encodage incohérent : le fichier se dit UTF-8 (il commence par la marque UTF-8) mais la ${partie1252} n'est pas de l'UTF-8 (du Windows-1252 ?). REMB ne devine pas l'encodage. ${REENREGISTRER}`
      : `Encodage mélangé : le fichier contient du texte UTF-8 (ligne ${ligneUtf8} : « ${extraitLigne(commeUtf8, ligneUtf8)} ») et du texte Windows-1252 (${partie1252}) ; ` +
          `lu d'une seule façon, la moitié de ses accents serait abîmée (« SantÃ© »). ${REENREGISTRER}`,
  );
}

/** Letters and signs of French text beyond ASCII: what UTF-8 accents decode to. */
function lettreFrancaise(cp: number): boolean {
  return (cp >= 0xa0 && cp <= 0xff) || cp === 0x152 || cp === 0x153 || cp === 0x178 || (cp >= 0x2013 && cp <= 0x2026) || cp === 0x202f || cp === 0x20ac;
}

/**
 * Bytes Windows-1252 does not assign (0x81, 0x8D, 0x8F, 0x90, 0x9D), or a 1252 sign between two letters where DOS
 * (CP850) and Mac texts have their accents (« probl‚me », « mŽdecin », « Š » for « è »): another encoding, refused.
 */
function refuserAutreEncodage(o: Uint8Array, texte: string): void {
  let ligne = 1;
  for (let i = 0; i < o.length; i++) {
    const b = o[i]!;
    if (b === 0x0a) ligne++;
    const nonAssigne = b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d;
    const signeEntreLettres = SIGNES_SUSPECTS.has(b) && i > 0 && i + 1 < o.length && estLettre(o[i - 1]!) && estLettre(o[i + 1]!);
    if (nonAssigne || signeEntreLettres) {
      throw new RembError(
        "ARGUMENT_INVALIDE",
        `Encodage non reconnu : ni UTF-8, ni Windows-1252 (ligne ${ligne} : « ${extraitLigne(texte, ligne)} »), sans doute un texte DOS ou Mac. ${REENREGISTRER}`,
      );
    }
  }
}

/** ‚ ƒ „ ‡ ˆ ‰ Š ‹ Ž ™ š ž: where CP850 and Mac Roman put é, â, ä, ç, ê, ë, è, ï, é, ô… */
const SIGNES_SUSPECTS = new Set([0x82, 0x83, 0x84, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8e, 0x99, 0x9a, 0x9e]);

function estLettre(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/**
 * « SantÃ© », « lâ€™assurÃ© »: accents converted twice before the file reached REMB (UTF-8 read as Windows-1252 and
 * saved again). The text decodes, but a verdict on it would be a verdict on broken labels.
 */
function refuserTexteAbime(texte: string): void {
  const m = /[ÂÃ][\u0080-\u00bf\u2018-\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u0192]|â€/.exec(texte);
  if (!m) return;
  const ligne = (texte.slice(0, m.index).match(/\r\n|\n|\r/g) ?? []).length + 1;
  throw new RembError(
    "ARGUMENT_INVALIDE",
    `Accents abîmés dans le fichier (ligne ${ligne} : « ${extraitLigne(texte, ligne)} ») : « Ã© » pour « é », le texte a été converti deux fois avant d'arriver ici. ` +
      "REMB ne vérifie pas un texte abîmé : repartez du fichier d'origine, ou corrigez les accents puis enregistrez en « CSV UTF-8 ».",
  );
}

/**
 * UTF-32 without BOM: every 4-byte unit is a code point ≤ U+10FFFF (its top byte zero, the next ≤ 0x10) and most are
 * ASCII or Latin (the next byte zero too), which text in any 1- or 2-byte encoding never is.
 */
function utf32Probable(o: Uint8Array): "utf-32le" | "utf-32be" | undefined {
  const n = Math.min(o.length, 4096) & ~3;
  if (n < 8) return undefined;
  let le = true;
  let be = true;
  let latinLe = 0;
  let latinBe = 0;
  for (let i = 0; i < n && (le || be); i += 4) {
    if (o[i + 3] !== 0 || o[i + 2]! > 0x10) le = false;
    else if (o[i + 2] === 0 && o[i + 1] === 0 && o[i] !== 0) latinLe++;
    if (o[i] !== 0 || o[i + 1]! > 0x10) be = false;
    else if (o[i + 1] === 0 && o[i + 2] === 0 && o[i + 3] !== 0) latinBe++;
  }
  const unites = n / 4;
  if (le && latinLe > unites / 2) return "utf-32le";
  if (be && latinBe > unites / 2) return "utf-32be";
  return undefined;
}

function utf32(o: Uint8Array, debut: number, le: boolean): string {
  if ((o.length - debut) % 4 !== 0)
    throw new RembError("ARGUMENT_INVALIDE", `Texte UTF-32 tronqué : ${o.length - debut} octets, pas un multiple de 4. ${REENREGISTRER}`);
  const morceaux: string[] = [];
  const buf: number[] = [];
  for (let i = debut; i < o.length; i += 4) {
    const cp = le
      ? (o[i]! | (o[i + 1]! << 8) | (o[i + 2]! << 16) | (o[i + 3]! << 24)) >>> 0
      : ((o[i]! << 24) | (o[i + 1]! << 16) | (o[i + 2]! << 8) | o[i + 3]!) >>> 0;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      throw new RembError("ARGUMENT_INVALIDE", `Ce fichier n'est pas un texte UTF-32 valide (octet ${i}) : ${REENREGISTRER}`);
    }
    if (cp >= 0x10000) buf.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else buf.push(cp);
    if (buf.length >= 8192) {
      morceaux.push(String.fromCharCode(...buf));
      buf.length = 0;
    }
  }
  morceaux.push(String.fromCharCode(...buf));
  return morceaux.join("");
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
    throw new RembError(
      "ARGUMENT_INVALIDE",
      "Contenu binaire : ce fichier n'est pas un texte CSV (octets de contrôle). Un tableau de garanties CSV, XLSX ou JSON est attendu.",
    );
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
