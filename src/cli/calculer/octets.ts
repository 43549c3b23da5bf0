/**
 * Small byte tools of the claims-table path: a growable output buffer that writes amounts without building strings,
 * and a table that turns the bytes of a text field into a value once per distinct text (a poste column holds a few
 * dozen codes over ten million lines).
 */

export class Tampon {
  octets: Buffer;
  n = 0;

  constructor(taille: number) {
    this.octets = Buffer.allocUnsafeSlow(Math.max(1024, taille));
  }

  /** Room for `k` more bytes. */
  place(k: number): void {
    if (this.n + k <= this.octets.length) return;
    const plus = Buffer.allocUnsafeSlow(Math.max(this.octets.length * 2, this.n + k));
    this.octets.copy(plus, 0, 0, this.n);
    this.octets = plus;
  }

  /**
   * Bytes of `source`. A claim line is copied by a loop: `set(subarray)` allocates a view per line and Buffer.copy
   * goes through a slower JavaScript wrapper in Node 20 (both measured slower on 10⁶ lines).
   */
  copier(source: Uint8Array, debut: number, fin: number): void {
    const k = fin - debut;
    this.place(k);
    if (k > 512) this.octets.set(source.subarray(debut, fin), this.n);
    else {
      const o = this.octets;
      let n = this.n;
      for (let i = debut; i < fin; i++) o[n++] = source[i]!;
    }
    this.n += k;
  }

  octet(c: number): void {
    this.place(1);
    this.octets[this.n++] = c;
  }

  texte(s: string): void {
    this.copierTout(ENCODEUR.encode(s));
  }

  copierTout(o: Uint8Array): void {
    this.place(o.length);
    this.octets.set(o, this.n);
    this.n += o.length;
  }

  /** Cents as « 1234,56 » (or with a point): no thousands separator, always two decimals. */
  cents(c: number, decimale: number): void {
    this.place(24);
    const o = this.octets;
    let n = this.n;
    if (c < 0) {
      o[n++] = 0x2d;
      c = -c;
    }
    const euros = Math.floor(c / 100);
    const centimes = c - euros * 100;
    if (euros === 0) o[n++] = 0x30;
    else {
      // Digits of the euros, written backwards then in place.
      let k = n;
      let e = euros;
      while (e > 0) {
        const q = Math.floor(e / 10);
        o[k++] = 0x30 + (e - q * 10);
        e = q;
      }
      for (let a = n, b = k - 1; a < b; a++, b--) {
        const t = o[a]!;
        o[a] = o[b]!;
        o[b] = t;
      }
      n = k;
    }
    o[n++] = decimale;
    const d = Math.floor(centimes / 10);
    o[n++] = 0x30 + d;
    o[n++] = 0x30 + (centimes - d * 10);
    this.n = n;
  }

  resultat(): Uint8Array {
    return this.octets.subarray(0, this.n);
  }
}

export const ENCODEUR = new TextEncoder();

/** Bytes of a text field → a value computed once per distinct text. */
export class Interneur<T> {
  private readonly seaux = new Map<number, { octets: Uint8Array; valeur: T }[]>();
  private taille = 0;

  constructor(
    private readonly calculer: (texte: string) => T,
    private readonly decodeur: TextDecoder,
    /** Beyond this many distinct texts the table is emptied (a free-text column must not fill the memory). */
    private readonly max = 100_000,
  ) {}

  valeur(o: Uint8Array, debut: number, fin: number): T {
    let h = 0x811c9dc5;
    for (let i = debut; i < fin; i++) h = Math.imul(h ^ o[i]!, 0x01000193);
    const seau = this.seaux.get(h);
    if (seau !== undefined) {
      for (const e of seau) if (egaux(e.octets, o, debut, fin)) return e.valeur;
    }
    const valeur = this.calculer(this.decodeur.decode(o.subarray(debut, fin)));
    if (this.taille >= this.max) {
      this.seaux.clear();
      this.taille = 0;
    }
    const e = { octets: o.slice(debut, fin), valeur };
    if (seau !== undefined && this.seaux.has(h)) seau.push(e);
    else this.seaux.set(h, [e]);
    this.taille++;
    return valeur;
  }
}

function egaux(a: Uint8Array, o: Uint8Array, debut: number, fin: number): boolean {
  if (a.length !== fin - debut) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== o[debut + i]) return false;
  return true;
}

/**
 * A set of 64-bit hashes (two 32-bit halves) in one typed array, open addressing: the distinct beneficiaries of a
 * claims table, counted without storing their ids nor allocating per line (a JavaScript Set of numbers boxes each
 * one). Two ids collide with a probability of about n² / 2^65: none in practice.
 */
export const HACHE = new Int32Array(2);

export class EnsembleHaches {
  private table: Int32Array;
  private masque: number;
  taille = 0;

  constructor(capacite = 1 << 15) {
    let c = 1024;
    while (c < capacite * 2) c *= 2;
    this.table = new Int32Array(c * 2);
    this.masque = c - 1;
  }

  /** The two 32-bit halves of the hash of o[debut, fin), in HACHE[0] and HACHE[1] (no allocation). */
  static hacher(o: Uint8Array, debut: number, fin: number): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x2c9277b5;
    for (let i = debut; i < fin; i++) {
      const b = o[i]!;
      h1 = Math.imul(h1 ^ b, 0x01000193);
      h2 = Math.imul(h2 ^ b, 0x5bd1e995);
    }
    HACHE[0] = h1;
    HACHE[1] = h2;
  }

  ajouter(h1: number, h2: number): void {
    // (0, 0) marks an empty slot.
    if (h1 === 0 && h2 === 0) h2 = 1;
    const t = this.table;
    let i = (h1 ^ (h2 >>> 7)) & this.masque;
    for (;;) {
      const a = t[2 * i]!;
      const b = t[2 * i + 1]!;
      if (a === 0 && b === 0) break;
      if (a === h1 && b === h2) return;
      i = (i + 1) & this.masque;
    }
    t[2 * i] = h1;
    t[2 * i + 1] = h2;
    this.taille++;
    if (this.taille * 2 > this.masque) this.agrandir();
  }

  private agrandir(): void {
    const ancienne = this.table;
    this.table = new Int32Array(ancienne.length * 2);
    this.masque = this.masque * 2 + 1;
    this.taille = 0;
    for (let i = 0; i < ancienne.length; i += 2) {
      const a = ancienne[i]!;
      const b = ancienne[i + 1]!;
      if (a !== 0 || b !== 0) this.ajouter(a, b);
    }
  }

  /** The hashes as pairs, for another set (ajouterTout). */
  exporter(): Int32Array {
    const r = new Int32Array(this.taille * 2);
    let k = 0;
    const t = this.table;
    for (let i = 0; i < t.length; i += 2) {
      if (t[i] !== 0 || t[i + 1] !== 0) {
        r[k++] = t[i]!;
        r[k++] = t[i + 1]!;
      }
    }
    return r;
  }

  ajouterTout(paires: Int32Array): void {
    for (let i = 0; i < paires.length; i += 2) this.ajouter(paires[i]!, paires[i + 1]!);
  }
}
