import zlib from "node:zlib";
import { RembError } from "../core/errors";
import { entierFr, LIMITES_ARCHIVE, OCTETS_CLASSEUR_MAX, tailleFr } from "../core/grille/limites";

/**
 * An XLSX workbook checked before exceljs sees it. exceljs inflates every entry of the archive whole, as one string,
 * and materialises what the sheets declare (every cell of a merged range, every cell of a data validation's range,
 * every column of a <col> span): a 1 Mo file could ask for gigabytes. So the archive is read here first, with Node's
 * zlib and nothing written anywhere:
 *
 * - only the parts exceljs needs for cell values are kept (workbook, its relationships, shared strings, styles for the
 *   number formats, the sheets); pictures, macros, embedded objects, drawings, comments… are left in the archive;
 * - each kept part is inflated with a bounded output, so its real size is known whatever the archive declares;
 * - the sheets' cells and merged areas are counted before exceljs creates them; what does not hold values and
 *   references parts left out or would be expanded cell by cell (empty styled cells, data validations, hyperlinks,
 *   drawings, tables, column widths, conditional formats, extensions) is removed;
 * - a new archive of the kept parts, stored uncompressed, is handed to exceljs.
 *
 * Every refusal is a RembError with a French message naming the limit or the fault and what to do.
 */

export { OCTETS_CLASSEUR_MAX };

export const LIMITES_CLASSEUR = {
  /** Entries, one part and all kept parts inflated: shared with the task pane's reader. */
  ...LIMITES_ARCHIVE,
  /**
   * Cells exceljs would create, in all sheets: cells holding something (empty styled cells are removed first) and
   * the cells of merged ranges. The sheet read may have 5 000 filled cells (LIMITES.cellules); exceljs takes about
   * 1 Ko per cell.
   */
  cellules: 20_000,
  /** Merged ranges, in all sheets (exceljs compares each with all the others). */
  fusions: 5_000,
  /** Shared strings (one per distinct text: never more than the cells). */
  textes: 20_000,
  /** Cell formats (Excel itself allows 64 000). */
  styles: 64_000,
} as const;

/** The parts exceljs reads for values; anything else in the archive is left out. */
const PARTIES = /^(?:xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;
const FEUILLE = /^xl\/worksheets\/sheet\d+\.xml$/;

interface EntreeZip {
  readonly nom: string;
  readonly methode: number;
  readonly drapeaux: number;
  readonly compresse: number;
  readonly declare: number;
  readonly local: number;
}

/** The kept parts of an XLSX archive, checked and rewritten as a stored ZIP for exceljs. */
export function archivePourExceljs(o: Uint8Array): Buffer {
  const b = Buffer.from(o.buffer, o.byteOffset, o.byteLength);
  const entrees = repertoire(b);
  const gardees = entrees.filter((e) => PARTIES.test(e.nom.replace(/^\//, "")));
  const vus = new Set<string>();
  let total = 0;
  let cellules = 0;
  let fusions = 0;
  const parties: { nom: string; donnees: Buffer }[] = [];
  for (const e of gardees) {
    const nom = e.nom.replace(/^\//, "");
    if (vus.has(nom)) throw endommage(`la partie « ${nom} » y figure deux fois`);
    vus.add(nom);
    if (e.drapeaux & 1) throw new RembError("ARGUMENT_INVALIDE", "Classeur XLSX chiffré : enregistrez-le sans mot de passe, ou exportez la feuille en CSV.");
    // Refused on the size the archive declares, before inflating anything.
    if (e.declare > LIMITES_CLASSEUR.partie) throw partieTropGrosse(nom, e.declare, LIMITES_CLASSEUR.partie, "annonce");
    let donnees = contenu(b, e, Math.min(LIMITES_CLASSEUR.partie, LIMITES_CLASSEUR.parties - total), nom);
    total += donnees.length;
    if (FEUILLE.test(nom)) {
      // latin1 keeps every byte as one character and back: the XML's tags are ASCII, its text is left as it was.
      // Empty styled cells (<c r="B7" s="3"/>: borders of a formatted area) hold no value: removed before counting.
      let xml = donnees.toString("latin1").replace(/<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\/>/g, "");
      cellules += compter(xml, /<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g);
      const f = fusionsDe(xml);
      fusions += f.nombre;
      cellules += f.cellules;
      if (fusions > LIMITES_CLASSEUR.fusions) {
        throw new RembError(
          "ARGUMENT_INVALIDE",
          `Classeur XLSX refusé : plus de ${entierFr(LIMITES_CLASSEUR.fusions)} plages de cellules fusionnées (au plus ${entierFr(LIMITES_CLASSEUR.fusions)}). Une grille en a quelques dizaines ; exportez la feuille de la grille en CSV.`,
        );
      }
      if (cellules > LIMITES_CLASSEUR.cellules) {
        throw new RembError(
          "ARGUMENT_INVALIDE",
          `Classeur XLSX refusé : plus de ${entierFr(LIMITES_CLASSEUR.cellules)} cellules remplies ou fusionnées dans ses feuilles (au plus ${entierFr(LIMITES_CLASSEUR.cellules)}). ` +
            "Une grille en a quelques milliers : enregistrez la feuille de la grille seule dans un nouveau classeur, ou en CSV.",
        );
      }
      xml = sansElementsInutiles(xml);
      donnees = Buffer.from(xml, "latin1");
    } else if (nom === "xl/sharedStrings.xml") {
      const n = compter(donnees.toString("latin1"), /<(?:[A-Za-z_][\w.-]*:)?si[\s/>]/g);
      if (n > LIMITES_CLASSEUR.textes)
        throw new RembError(
          "ARGUMENT_INVALIDE",
          `Classeur XLSX refusé : plus de ${entierFr(LIMITES_CLASSEUR.textes)} textes distincts (au plus ${entierFr(LIMITES_CLASSEUR.textes)}). Une grille en a quelques centaines ; exportez la feuille de la grille en CSV.`,
        );
    } else if (nom === "xl/styles.xml") {
      const n = compter(donnees.toString("latin1"), /<(?:[A-Za-z_][\w.-]*:)?xf[\s/>]/g);
      if (n > LIMITES_CLASSEUR.styles)
        throw new RembError(
          "ARGUMENT_INVALIDE",
          `Classeur XLSX refusé : plus de ${entierFr(LIMITES_CLASSEUR.styles)} formats de cellule (au plus ${entierFr(LIMITES_CLASSEUR.styles)}). Exportez la feuille de la grille en CSV.`,
        );
    }
    parties.push({ nom, donnees });
  }
  if (!vus.has("xl/workbook.xml")) {
    throw new RembError(
      "ARGUMENT_INVALIDE",
      "Archive ZIP sans classeur Excel (pas de « xl/workbook.xml ») : ce n'est pas un fichier .xlsx ; un tableau de garanties CSV, XLSX ou JSON est attendu.",
    );
  }
  return zipStocke(parties);
}

function compter(texte: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(texte) !== null) n++;
  return n;
}

/** The merged ranges of a sheet and the cells they cover. */
function fusionsDe(xml: string): { nombre: number; cellules: number } {
  let nombre = 0;
  let cellules = 0;
  for (const m of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g)) {
    nombre++;
    const p = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(m[1]!.trim());
    if (!p) continue;
    const c1 = colonne(p[1]!);
    const r1 = Number(p[2]);
    const c2 = p[3] !== undefined ? colonne(p[3]) : c1;
    const r2 = p[4] !== undefined ? Number(p[4]) : r1;
    cellules += (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
  }
  return { nombre, cellules };
}

function colonne(lettres: string): number {
  let n = 0;
  for (const ch of lettres.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Sheet elements that hold no value, that exceljs would expand cell by cell (a data validation on whole columns is a
 * million entries) or that point to parts left out of the archive (exceljs fails on a missing target).
 */
function sansElementsInutiles(xml: string): string {
  return xml
    .replace(
      /<((?:[A-Za-z_][\w.-]*:)?(?:dataValidations|hyperlinks|tableParts|cols|extLst|conditionalFormatting|oleObjects|controls))\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\s*>)/g,
      "",
    )
    .replace(/<(?:[A-Za-z_][\w.-]*:)?(?:drawing|legacyDrawing|legacyDrawingHF|picture)\b[^>]*?\/>/g, "");
}

// ZIP reading (APPNOTE.TXT): the end of central directory, the central directory, each local header.

const SIG_FIN = 0x06054b50;
const SIG_FIN64 = 0x06064b50;
const SIG_LOC64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function repertoire(b: Buffer): EntreeZip[] {
  // The end record is in the last 22 + 65 535 bytes (its comment may be that long).
  let fin = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b.readUInt32LE(i) === SIG_FIN && i + 22 + b.readUInt16LE(i + 20) <= b.length) {
      fin = i;
      break;
    }
  }
  if (fin < 0) throw endommage("la fin de l'archive ZIP est introuvable (fichier tronqué ou incomplet ?)", "Téléchargez-le ou copiez-le à nouveau");
  let nombre = b.readUInt16LE(fin + 10);
  let taille = b.readUInt32LE(fin + 12);
  let debut = b.readUInt32LE(fin + 16);
  let finRepertoire = fin;
  if (nombre === 0xffff || taille === 0xffffffff || debut === 0xffffffff) {
    // ZIP64: the locator right before the end record gives the ZIP64 end record.
    const loc = fin - 20;
    if (loc < 0 || b.readUInt32LE(loc) !== SIG_LOC64) throw endommage("son répertoire ZIP64 est introuvable");
    const fin64 = lireU64(b, loc + 8);
    if (fin64 + 56 > b.length || b.readUInt32LE(fin64) !== SIG_FIN64) throw endommage("son répertoire ZIP64 est invalide");
    nombre = lireU64(b, fin64 + 32);
    taille = lireU64(b, fin64 + 40);
    debut = lireU64(b, fin64 + 48);
    finRepertoire = fin64;
  }
  if (nombre > LIMITES_CLASSEUR.entrees) {
    throw new RembError(
      "ARGUMENT_INVALIDE",
      `Classeur XLSX refusé : ${entierFr(nombre)} éléments dans l'archive (au plus ${entierFr(LIMITES_CLASSEUR.entrees)}). Un classeur en a quelques dizaines.`,
    );
  }
  // Bytes before the archive (a ZIP appended to something else) shift every offset by the same amount.
  const decalage = finRepertoire - (debut + taille);
  if (decalage < 0) throw endommage("son répertoire ZIP déborde du fichier");
  const entrees: EntreeZip[] = [];
  let p = debut + decalage;
  for (let k = 0; k < nombre; k++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== SIG_CENTRAL) throw endommage("son répertoire ZIP est invalide");
    const drapeaux = b.readUInt16LE(p + 8);
    const methode = b.readUInt16LE(p + 10);
    let compresse = b.readUInt32LE(p + 20);
    let declare = b.readUInt32LE(p + 24);
    const lNom = b.readUInt16LE(p + 28);
    const lExtra = b.readUInt16LE(p + 30);
    const lCommentaire = b.readUInt16LE(p + 32);
    let local = b.readUInt32LE(p + 42);
    if (p + 46 + lNom + lExtra > b.length) throw endommage("son répertoire ZIP est invalide");
    // Names are compared with ASCII part names only: latin1 is enough to decode them.
    const nom = b.toString("latin1", p + 46, p + 46 + lNom);
    // ZIP64 extra field: the 8-byte values of the fields set to 0xFFFFFFFF, in this order.
    for (let x = p + 46 + lNom; x + 4 <= p + 46 + lNom + lExtra;) {
      const id = b.readUInt16LE(x);
      const lg = b.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let y = x + 4;
        const lire = () => {
          if (y + 8 > x + 4 + lg) throw endommage("son répertoire ZIP64 est invalide");
          const v = lireU64(b, y);
          y += 8;
          return v;
        };
        if (declare === 0xffffffff) declare = lire();
        if (compresse === 0xffffffff) compresse = lire();
        if (local === 0xffffffff) local = lire();
      }
      x += 4 + lg;
    }
    entrees.push({ nom, methode, drapeaux, compresse, declare, local: local + decalage });
    p += 46 + lNom + lExtra + lCommentaire;
  }
  return entrees;
}

function lireU64(b: Buffer, p: number): number {
  const v = b.readUInt32LE(p) + b.readUInt32LE(p + 4) * 0x100000000;
  if (!Number.isSafeInteger(v)) throw endommage("une taille de son répertoire ZIP est invalide");
  return v;
}

/** The entry's bytes, inflated without ever exceeding `max` bytes of output. */
function contenu(b: Buffer, e: EntreeZip, max: number, nom: string): Buffer {
  if (e.local + 30 > b.length || b.readUInt32LE(e.local) !== SIG_LOCAL) throw endommage(`l'en-tête de la partie « ${nom} » est introuvable`);
  const debut = e.local + 30 + b.readUInt16LE(e.local + 26) + b.readUInt16LE(e.local + 28);
  if (debut + e.compresse > b.length) throw endommage(`la partie « ${nom} » déborde du fichier (fichier tronqué ?)`);
  const brut = b.subarray(debut, debut + e.compresse);
  if (e.methode === 0) {
    if (brut.length > max) throw partieTropGrosse(nom, brut.length);
    return brut;
  }
  if (e.methode !== 8) {
    throw new RembError(
      "ARGUMENT_INVALIDE",
      `Classeur XLSX illisible : la partie « ${nom} » est compressée d'une manière qu'Excel n'utilise pas (méthode ${e.methode}). Ouvrez-le dans Excel et réenregistrez-le.`,
    );
  }
  try {
    return zlib.inflateRawSync(brut, { maxOutputLength: Math.max(1, max) });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw partieTropGrosse(nom, undefined, max);
    throw endommage(`la partie « ${nom} » ne se décompresse pas`);
  }
}

function partieTropGrosse(nom: string, taille: number | undefined, max: number = LIMITES_CLASSEUR.partie, verbe: "fait" | "annonce" = "fait"): RembError {
  const combien = taille !== undefined ? tailleFr(taille) : `plus de ${tailleFr(max)}`;
  return new RembError(
    "ARGUMENT_INVALIDE",
    `Classeur XLSX refusé : la partie « ${nom} » ${verbe} ${combien} une fois décompressée (au plus ${tailleFr(LIMITES_CLASSEUR.partie)} par partie, ${tailleFr(LIMITES_CLASSEUR.parties)} en tout). ` +
      "Celles d'un classeur de garanties font quelques centaines de Ko : ce classeur n'en est pas un (ou c'est une « bombe » ZIP). Exportez la feuille de la grille en CSV.",
  );
}

function endommage(pourquoi: string, quoiFaire = "Ouvrez-le dans Excel et réenregistrez-le, ou exportez la feuille en CSV"): RembError {
  return new RembError("ARGUMENT_INVALIDE", `Classeur XLSX endommagé : ${pourquoi}. ${quoiFaire}.`);
}

/** A ZIP of stored (uncompressed) entries: exceljs reads it without inflating anything. */
function zipStocke(parties: readonly { nom: string; donnees: Buffer }[]): Buffer {
  const morceaux: Buffer[] = [];
  const central: Buffer[] = [];
  let position = 0;
  for (const { nom, donnees } of parties) {
    const n = Buffer.from(nom, "latin1");
    const crc = zlib.crc32(donnees);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(SIG_LOCAL, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt32LE(crc, 14);
    l.writeUInt32LE(donnees.length, 18);
    l.writeUInt32LE(donnees.length, 22);
    l.writeUInt16LE(n.length, 26);
    morceaux.push(l, n, donnees);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(SIG_CENTRAL, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(donnees.length, 20);
    c.writeUInt32LE(donnees.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(position, 42);
    central.push(c, n);
    position += 30 + n.length + donnees.length;
  }
  const repertoireCentral = Buffer.concat(central);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(SIG_FIN, 0);
  fin.writeUInt16LE(parties.length, 8);
  fin.writeUInt16LE(parties.length, 10);
  fin.writeUInt32LE(repertoireCentral.length, 12);
  fin.writeUInt32LE(position, 16);
  return Buffer.concat([...morceaux, repertoireCentral, fin]);
}
