/**
 * Cutting a CSV byte stream into blocks of whole records, so that each block can be computed alone: a block ends
 * after the last line break that is outside quotes (a quoted field may hold line breaks). The quote scan uses the
 * engine's native indexOf; a file without quotes costs one lastIndexOf per block.
 */

/** The length of the longest prefix of `o` made of whole records (0 when none ends in `o`). `o` starts a record. */
export function finDesEnregistrements(o: Uint8Array): number {
  let q = o.indexOf(0x22);
  if (q < 0) return o.lastIndexOf(0x0a) + 1;
  // Walk the quotes: inside/outside toggles at each one ("" toggles twice). Remember the last line break seen while
  // outside quotes.
  let dehors = true;
  let dernier = -1;
  let debut = 0;
  while (q >= 0) {
    if (dehors) {
      const lf = lastIndexOfEntre(o, 0x0a, debut, q);
      if (lf >= 0) dernier = lf;
    }
    dehors = !dehors;
    debut = q + 1;
    q = o.indexOf(0x22, debut);
  }
  if (dehors) {
    const lf = lastIndexOfEntre(o, 0x0a, debut, o.length);
    if (lf >= 0) dernier = lf;
  }
  return dernier + 1;
}

function lastIndexOfEntre(o: Uint8Array, c: number, debut: number, fin: number): number {
  if (fin <= debut) return -1;
  const i = o.lastIndexOf(c, fin - 1);
  return i >= debut ? i : -1;
}

/** The separator of a header line: the most frequent of « ; », « , », tab (ties: « ; »). */
export function separateurDeLEntete(ligne: string): number {
  const n = (c: string) => ligne.split(c).length - 1;
  const pv = n(";");
  const v = n(",");
  const t = n("\t");
  if (t > pv && t > v) return 0x09;
  if (v > pv) return 0x2c;
  return 0x3b;
}

/** The fields of one CSV line (the header), quotes removed. */
export function champsDeLaLigne(ligne: string, sep: number): string[] {
  const s = String.fromCharCode(sep);
  const champs: string[] = [];
  let i = 0;
  while (i <= ligne.length) {
    if (ligne[i] === '"') {
      let v = "";
      i++;
      while (i < ligne.length) {
        if (ligne[i] === '"') {
          if (ligne[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += ligne[i++];
      }
      while (i < ligne.length && ligne[i] !== s) i++;
      champs.push(v.trim());
      i++;
    } else {
      const j = ligne.indexOf(s, i);
      const fin = j < 0 ? ligne.length : j;
      champs.push(ligne.slice(i, fin).trim());
      i = fin + 1;
    }
  }
  return champs;
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's « CSV » export on French Windows). */
export function encodageDe(o: Uint8Array): "utf-8" | "windows-1252" {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(o.subarray(0, Math.min(o.length, 1 << 20)));
    return "utf-8";
  } catch {
    // A multi-byte character cut at the end of the sample is not an error of the file.
    const n = Math.min(o.length, 1 << 20);
    for (let k = 1; k <= 3 && k < n; k++) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(o.subarray(0, n - k));
        return "utf-8";
      } catch {
        // try a shorter sample
      }
    }
    return "windows-1252";
  }
}
