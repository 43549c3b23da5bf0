/**
 * DEFLATE decoder (RFC 1951, raw stream: stored, fixed and dynamic Huffman blocks), after Mark Adler's puff.c
 * design: canonical Huffman tables decoded bit by bit. Small rather than fast: it inflates the bundle's legal
 * parameter data (≈ 100 KB) once at load, which keeps the functions bundle within its size budget while the
 * data stays byte-for-byte what src/core/params holds (scripts/json-compresse-loader.js compresses it with
 * zlib at build time). Synchronous on purpose: DecompressionStream is async and the core reads its parameters
 * at import.
 */

interface Huffman {
  /** count[len]: number of codes of each length (0..15). */
  readonly count: Uint16Array;
  /** Symbols ordered by code. */
  readonly symbol: Uint16Array;
}

const LONGUEUR_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LONGUEUR_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193,
  12289, 16385, 24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const ORDRE_LONGUEURS = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function construire(longueurs: ArrayLike<number>, n: number): Huffman {
  const count = new Uint16Array(16);
  const symbol = new Uint16Array(n);
  for (let s = 0; s < n; s++) count[longueurs[s]!]!++;
  const offs = new Uint16Array(16);
  for (let l = 1; l < 15; l++) offs[l + 1] = offs[l]! + count[l]!;
  for (let s = 0; s < n; s++) if (longueurs[s] !== 0) symbol[offs[longueurs[s]!]!++] = s;
  return { count, symbol };
}

let fixes: { lit: Huffman; dist: Huffman } | undefined;

function tablesFixes(): { lit: Huffman; dist: Huffman } {
  if (fixes) return fixes;
  const l = new Uint8Array(288);
  for (let s = 0; s < 288; s++) l[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
  fixes = { lit: construire(l, 288), dist: construire(new Uint8Array(30).fill(5), 30) };
  return fixes;
}

export function inflateRaw(source: Uint8Array): Uint8Array {
  let pos = 0;
  let tampon = 0;
  let nbBits = 0;
  let sortie = new Uint8Array(Math.max(1024, source.length * 4));
  let taille = 0;

  const erreur = (quoi: string) => new Error(`Données compressées invalides : ${quoi}.`);

  function bits(n: number): number {
    while (nbBits < n) {
      if (pos >= source.length) throw erreur("fin prématurée");
      tampon |= source[pos++]! << nbBits;
      nbBits += 8;
    }
    const v = tampon & ((1 << n) - 1);
    tampon >>>= n;
    nbBits -= n;
    return v;
  }

  function place(n: number): void {
    if (taille + n <= sortie.length) return;
    let t = sortie.length * 2;
    while (t < taille + n) t *= 2;
    const s = new Uint8Array(t);
    s.set(sortie.subarray(0, taille));
    sortie = s;
  }

  function decoder(h: Huffman): number {
    let code = 0;
    let premier = 0;
    let index = 0;
    for (let l = 1; l < 16; l++) {
      code |= bits(1);
      const c = h.count[l]!;
      if (code - c < premier) return h.symbol[index + (code - premier)]!;
      index += c;
      premier += c;
      premier <<= 1;
      code <<= 1;
    }
    throw erreur("code de Huffman hors table");
  }

  function codes(lit: Huffman, dist: Huffman): void {
    for (;;) {
      const s = decoder(lit);
      if (s < 256) {
        place(1);
        sortie[taille++] = s;
      } else if (s === 256) {
        return;
      } else {
        const i = s - 257;
        if (i >= 29) throw erreur("longueur invalide");
        const longueur = LONGUEUR_BASE[i]! + bits(LONGUEUR_EXTRA[i]!);
        const d = decoder(dist);
        if (d >= 30) throw erreur("distance invalide");
        const distance = DISTANCE_BASE[d]! + bits(DISTANCE_EXTRA[d]!);
        if (distance > taille) throw erreur("distance trop grande");
        place(longueur);
        for (let k = 0; k < longueur; k++, taille++) sortie[taille] = sortie[taille - distance]!;
      }
    }
  }

  function bloqueStocke(): void {
    tampon = 0;
    nbBits = 0;
    if (pos + 4 > source.length) throw erreur("fin prématurée");
    const len = source[pos]! | (source[pos + 1]! << 8);
    const nlen = source[pos + 2]! | (source[pos + 3]! << 8);
    pos += 4;
    if (len !== (~nlen & 0xffff)) throw erreur("longueur de bloc stocké incohérente");
    if (pos + len > source.length) throw erreur("fin prématurée");
    place(len);
    sortie.set(source.subarray(pos, pos + len), taille);
    taille += len;
    pos += len;
  }

  function bloqueDynamique(): void {
    const nlit = bits(5) + 257;
    const ndist = bits(5) + 1;
    const ncode = bits(4) + 4;
    if (nlit > 286 || ndist > 30) throw erreur("nombre de codes invalide");
    const l = new Uint8Array(320);
    for (let i = 0; i < ncode; i++) l[ORDRE_LONGUEURS[i]!] = bits(3);
    const h = construire(l, 19);
    const longueurs = new Uint8Array(nlit + ndist);
    for (let i = 0; i < nlit + ndist; ) {
      const s = decoder(h);
      if (s < 16) {
        longueurs[i++] = s;
        continue;
      }
      let valeur = 0;
      let repetition: number;
      if (s === 16) {
        if (i === 0) throw erreur("répétition sans longueur précédente");
        valeur = longueurs[i - 1]!;
        repetition = 3 + bits(2);
      } else if (s === 17) repetition = 3 + bits(3);
      else repetition = 11 + bits(7);
      if (i + repetition > nlit + ndist) throw erreur("trop de longueurs");
      while (repetition--) longueurs[i++] = valeur;
    }
    if (longueurs[256] === 0) throw erreur("pas de code de fin de bloc");
    codes(construire(longueurs.subarray(0, nlit), nlit), construire(longueurs.subarray(nlit), ndist));
  }

  let dernier = 0;
  while (!dernier) {
    dernier = bits(1);
    const type = bits(2);
    if (type === 0) bloqueStocke();
    else if (type === 1) codes(tablesFixes().lit, tablesFixes().dist);
    else if (type === 2) bloqueDynamique();
    else throw erreur("type de bloc invalide");
  }
  return sortie.slice(0, taille);
}
