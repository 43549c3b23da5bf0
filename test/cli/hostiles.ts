import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * Hostile files, generated rather than committed (some inflate to gigabytes): ZIP archives built byte by byte (a
 * bomb must lie about its sizes, which no ZIP library writes), XLSX workbooks with what exceljs would expand, CSV
 * and JSON past the limits, encodings REMB must refuse. Shared by test/cli/hostiles.test.ts (small variants, each
 * with its expected French message) and bench/hostiles.bench.ts (the sizes of issue 9: 1 Gio inflated, 50 000 rows),
 * which measures the CLI's peak memory on them.
 */

export interface EntreeZip {
  readonly nom: string;
  /** The entry's content; or, for huge entries, already deflated data with its real size. */
  readonly donnees?: Buffer | string;
  readonly deflate?: { readonly donnees: Buffer; readonly taille: number };
  /** Stored (method 0) rather than deflated. */
  readonly stocker?: boolean;
  /** Written in the headers instead of the real size (a bomb lies). */
  readonly tailleDeclaree?: number;
  readonly drapeaux?: number;
  readonly methode?: number;
}

/** A ZIP archive, exactly as told (CRCs are not checked by the readers under test and are written as 0). */
export function zip(entrees: readonly EntreeZip[]): Buffer {
  const locaux: Buffer[] = [];
  const central: Buffer[] = [];
  let position = 0;
  for (const e of entrees) {
    const brut = e.donnees === undefined ? undefined : Buffer.from(e.donnees);
    const donnees = e.deflate ? e.deflate.donnees : e.stocker ? brut! : zlib.deflateRawSync(brut!, { level: 1 });
    const taille = e.tailleDeclaree ?? (e.deflate ? e.deflate.taille : brut!.length);
    const methode = e.methode ?? (e.stocker ? 0 : 8);
    const nom = Buffer.from(e.nom);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt16LE(e.drapeaux ?? 0, 6);
    l.writeUInt16LE(methode, 8);
    l.writeUInt32LE(donnees.length, 18);
    l.writeUInt32LE(taille, 22);
    l.writeUInt16LE(nom.length, 26);
    locaux.push(l, nom, donnees);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.drapeaux ?? 0, 8);
    c.writeUInt16LE(methode, 10);
    c.writeUInt32LE(donnees.length, 20);
    c.writeUInt32LE(taille, 24);
    c.writeUInt16LE(nom.length, 28);
    c.writeUInt32LE(position, 42);
    central.push(c, nom);
    position += 30 + nom.length + donnees.length;
  }
  const cd = Buffer.concat(central);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(Math.min(entrees.length, 0xffff), 8);
  fin.writeUInt16LE(Math.min(entrees.length, 0xffff), 10);
  fin.writeUInt32LE(cd.length, 12);
  fin.writeUInt32LE(position, 16);
  return Buffer.concat([...locaux, cd, fin]);
}

/**
 * `tete` + `motif` × `fois` + `queue`, deflated as a stream: a gigabyte is never held in memory. Level 1: repetitive
 * data compresses about 1 000 to 1 anyway.
 */
export function deflaterRepete(tete: string, motif: string, fois: number, queue: string): Promise<{ donnees: Buffer; taille: number }> {
  return new Promise((resolve, reject) => {
    const d = zlib.createDeflateRaw({ level: 1 });
    const sortie: Buffer[] = [];
    d.on("data", (b: Buffer) => sortie.push(b));
    d.on("error", reject);
    d.on("end", () =>
      resolve({ donnees: Buffer.concat(sortie), taille: Buffer.byteLength(tete) + Buffer.byteLength(motif) * fois + Buffer.byteLength(queue) }),
    );
    const bloc = Buffer.from(motif.repeat(Math.max(1, Math.floor(1_048_576 / Buffer.byteLength(motif)))));
    const parBloc = Math.max(1, Math.floor(1_048_576 / Buffer.byteLength(motif)));
    let restant = fois;
    d.write(tete);
    const ecrire = () => {
      while (restant > 0) {
        const n = Math.min(parBloc, restant);
        restant -= n;
        const ok = d.write(n === parBloc ? bloc : Buffer.from(motif.repeat(n)));
        if (!ok) {
          d.once("drain", ecrire);
          return;
        }
      }
      d.end(queue);
    };
    ecrire();
  });
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
export const DEBUT_FEUILLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>`;
export const DEBUT_TEXTES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS.split(" ")[0]}>`;

/** A small valid grid as sheet XML rows (inline strings): a header and two lines. */
export const LIGNES_GRILLE =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Garanties</t></is></c><c r="B1" t="inlineStr"><is><t>Niveau 1</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Frais de séjour</t></is></c><c r="B2" t="inlineStr"><is><t>100 % BR</t></is></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Monture</t></is></c><c r="B3" t="inlineStr"><is><t>100 €</t></is></c></row>';

/** The parts of a one-sheet workbook around the given sheet entry (and optional shared strings or other entries). */
export function classeurBrut(feuille: EntreeZip | string, autres: readonly EntreeZip[] = [], nomFeuille = "Grille"): Buffer {
  const f: EntreeZip = typeof feuille === "string" ? { nom: "xl/worksheets/sheet1.xml", donnees: feuille } : feuille;
  return zip([
    {
      nom: "[Content_Types].xml",
      donnees:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      nom: "_rels/.rels",
      donnees: `${RELS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      nom: "xl/workbook.xml",
      donnees: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}><sheets><sheet name="${nomFeuille}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      nom: "xl/_rels/workbook.xml.rels",
      donnees: `${RELS}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    f,
    ...autres,
  ]);
}

/** A sheet of the small grid with `avant` inside <sheetData> (more rows) and `apres` after it (merges, validations…). */
export function feuilleGrille(avant = "", apres = ""): string {
  return `${DEBUT_FEUILLE}${LIGNES_GRILLE}${avant}</sheetData>${apres}</worksheet>`;
}

/** A CSV grid of `lignes` rows (header included) and `niveaux` levels, each label and value distinct. */
export function csvGrille(lignes: number, niveaux: number): string {
  const libelles = [
    "Frais de séjour",
    "Honoraires chirurgicaux OPTAM",
    "Consultation généraliste OPTAM",
    "Verres simples",
    "Monture",
    "Soins dentaires",
    "Auxiliaires médicaux",
  ];
  const valeur = (i: number, k: number) => [`${100 + ((i + k) % 9) * 25} % BR`, `${(i * (k + 1)) % 300} € / an`, `texte libre ${i}-${k}`, `${i + k} %`][k % 4]!;
  const t = [["Garanties", ...Array.from({ length: niveaux }, (_, k) => `Niveau ${k + 1}`)].join(";")];
  for (let i = 1; i < lignes; i++) t.push([`${libelles[i % libelles.length]} ${i}`, ...Array.from({ length: niveaux }, (_, k) => valeur(i, k))].join(";"));
  return `${t.join("\r\n")}\r\n`;
}

/** A CSV grid where a stray quote opens a label and the next quote is `avalees` lines further. */
export function csvGuillemet(avalees: number): string {
  const t = ["Garanties;Niveau 1;Niveau 2", "Frais de séjour;100 % BR;150 % BR", '"Honoraires chirurgicaux OPTAM;100 % BR;200 % BR'];
  for (let i = 0; i < avalees - 2; i++) t.push(`Consultation ${i};100 % BR;150 % BR`);
  t.push('Soins dentaires";100 % BR;125 % BR', "Monture;60 €;100 €", "");
  return t.join("\r\n");
}

export function utf32(texte: string, le: boolean, bom: boolean): Buffer {
  const cps = [...texte].map((c) => c.codePointAt(0)!);
  const b = Buffer.alloc((cps.length + (bom ? 1 : 0)) * 4);
  [...(bom ? [0xfeff] : []), ...cps].forEach((cp, i) => (le ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
  return b;
}

export const GRILLE_CSV = "Garanties;Niveau 1\r\nFrais de séjour;100 % BR\r\nSanté globale;Néant\r\n";

/** A file of the hostile set: its name and how to make it (a function writing it at the given path). */
export interface Hostile {
  readonly nom: string;
  readonly ecrire: (chemin: string) => void | Promise<void>;
}

/**
 * The hostile set. `grand`: the sizes of issue 9 (bench); otherwise small variants that hit the same limits (tests).
 * FIFOs, devices and process substitutions are not files: the bench and the tests create them apart.
 */
export function ensembleHostile(grand: boolean): Hostile[] {
  const mo = 1024 * 1024;
  const tailleBombe = grand ? 1024 * mo : 24 * mo;
  const ecrire = (contenu: Buffer | string) => (chemin: string) => writeFileSync(chemin, contenu);
  return [
    // XLSX: bombs and what exceljs would expand.
    {
      nom: "bombe-feuille.xlsx",
      ecrire: async (c) => {
        const d = await deflaterRepete(
          DEBUT_FEUILLE,
          '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
          Math.floor(tailleBombe / 48),
          "</sheetData></worksheet>",
        );
        writeFileSync(c, classeurBrut({ nom: "xl/worksheets/sheet1.xml", deflate: d }));
      },
    },
    {
      nom: "bombe-menteuse.xlsx",
      ecrire: async (c) => {
        const d = await deflaterRepete(
          DEBUT_FEUILLE,
          '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
          Math.floor(tailleBombe / 48),
          "</sheetData></worksheet>",
        );
        writeFileSync(c, classeurBrut({ nom: "xl/worksheets/sheet1.xml", deflate: d, tailleDeclaree: 4096 }));
      },
    },
    {
      nom: "bombe-textes.xlsx",
      ecrire: async (c) => {
        const d = await deflaterRepete(DEBUT_TEXTES, "<si><t>Frais de séjour</t></si>", Math.floor(tailleBombe / 30), "</sst>");
        writeFileSync(c, classeurBrut(feuilleGrille(), [{ nom: "xl/sharedStrings.xml", deflate: d, tailleDeclaree: 2048 }]));
      },
    },
    { nom: "fusion-geante.xlsx", ecrire: ecrire(classeurBrut(feuilleGrille("", '<mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>'))) },
    {
      nom: "fusions-nombreuses.xlsx",
      ecrire: ecrire(
        classeurBrut(
          feuilleGrille("", `<mergeCells>${Array.from({ length: 6000 }, (_, i) => `<mergeCell ref="D${i * 2 + 10}:E${i * 2 + 10}"/>`).join("")}</mergeCells>`),
        ),
      ),
    },
    {
      nom: "cellules.xlsx",
      ecrire: ecrire(classeurBrut(feuilleGrille(Array.from({ length: 400 }, (_, r) => `<row r="${r + 10}">${"<c><v>1</v></c>".repeat(60)}</row>`).join("")))),
    },
    // A formatted area: 120 000 empty styled cells, removed before exceljs sees them.
    {
      nom: "cellules-vides.xlsx",
      ecrire: ecrire(classeurBrut(feuilleGrille(Array.from({ length: 2000 }, (_, r) => `<row r="${r + 10}">${'<c s="0"/>'.repeat(60)}</row>`).join("")))),
    },
    {
      nom: "validation-geante.xlsx",
      ecrire: ecrire(
        classeurBrut(
          feuilleGrille(
            "",
            '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
          ),
        ),
      ),
    },
    {
      nom: "colonnes-geantes.xlsx",
      ecrire: ecrire(classeurBrut(feuilleGrille().replace("<sheetData>", `<cols>${'<col min="1" max="16384" width="9"/>'.repeat(2000)}</cols><sheetData>`))),
    },
    {
      nom: "entites.xlsx",
      ecrire: ecrire(
        classeurBrut(
          `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet ${NS}><sheetData>${LIGNES_GRILLE}<row r="4"><c r="A4" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`,
        ),
      ),
    },
    { nom: "tronque.xlsx", ecrire: ecrire(classeurBrut(feuilleGrille()).subarray(0, 600)) },
    {
      nom: "deflate-casse.xlsx",
      ecrire: ecrire(classeurBrut({ nom: "xl/worksheets/sheet1.xml", deflate: { donnees: Buffer.from([0xff, 0xff, 0xff, 0x00, 0x12, 0x34]), taille: 100 } })),
    },
    { nom: "chiffre.xlsx", ecrire: ecrire(classeurBrut({ nom: "xl/worksheets/sheet1.xml", donnees: feuilleGrille(), drapeaux: 1 })) },
    { nom: "methode.xlsx", ecrire: ecrire(classeurBrut({ nom: "xl/worksheets/sheet1.xml", donnees: feuilleGrille(), stocker: true, methode: 12 })) },
    { nom: "protege.xlsx", ecrire: ecrire(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(504)])) },
    {
      nom: "sans-classeur.xlsx",
      ecrire: ecrire(
        zip([
          { nom: "mimetype", donnees: "application/epub+zip", stocker: true },
          { nom: "OEBPS/texte.xhtml", donnees: "<html/>" },
        ]),
      ),
    },
    { nom: "entrees.xlsx", ecrire: ecrire(zip(Array.from({ length: 10_001 }, (_, i) => ({ nom: `x/${i}`, donnees: "", stocker: true })))) },
    { nom: "feuille-lointaine.xlsx", ecrire: ecrire(classeurBrut(feuilleGrille('<row r="50000"><c r="A50000" t="inlineStr"><is><t>x</t></is></c></row>'))) },
    // CSV and JSON.
    { nom: "cinquante-mille-lignes.csv", ecrire: ecrire(csvGrille(grand ? 50_000 : 2_500, 1)) },
    { nom: "cellules.csv", ecrire: ecrire(csvGrille(1_500, 12)) },
    { nom: "separateurs.csv", ecrire: ecrire(`Garanties;Niveau 1\r\nFrais;100 % BR\r\n${"1;".repeat(grand ? 2_500_000 : 100_000)}\r\n`) },
    { nom: "gros.csv", ecrire: ecrire(Buffer.alloc(6 * mo, 0x41)) },
    { nom: "guillemet.csv", ecrire: ecrire(csvGuillemet(56)) },
    { nom: "utf32-bom.csv", ecrire: ecrire(utf32(GRILLE_CSV, true, true)) },
    { nom: "utf32.csv", ecrire: ecrire(utf32(GRILLE_CSV, true, false)) },
    {
      nom: "melange.csv",
      ecrire: ecrire(Buffer.concat([Buffer.from("Garanties;Niveau 1\r\nFrais de séjour;100 % BR\r\n"), Buffer.from("Santé globale;Néant\r\n", "latin1")])),
    },
    { nom: "dos.csv", ecrire: ecrire(Buffer.from([...Buffer.from("Garanties;Niveau 1\r\nFrais de s"), 0x82, ...Buffer.from("jour;100 % BR\r\n")])) },
    { nom: "abime.csv", ecrire: ecrire("Garanties;Niveau 1\r\nFrais de séjour;100 % BR\r\nSantÃ© globale;Néant\r\n") },
    { nom: "profond.json", ecrire: ecrire("[".repeat(grand ? 4 * mo : 100_000)) },
    { nom: "gros.json", ecrire: ecrire(`{"nom": "${"x".repeat(6 * mo)}"}`) },
    {
      nom: "proto.json",
      ecrire: ecrire(
        '{"__proto__": {"pollue": true}, "constructor": {"prototype": {"pollue": true}}, "nom": "Proto", "niveaux": ["Base"], "lignes": [{"libelle": "Frais de séjour", "garanties": {"__proto__": "100 % BR", "Base": "100 % BR"}}]}',
      ),
    },
    { nom: "echap-\u001b[31mrouge\u001b[0m.csv", ecrire: ecrire("Garanties;Niveau 1\r\nFrais de séjour\u001b[2J;100 % BR\r\n") },
  ];
}

/** A folder of grids with a link loop and a FIFO named like a grid (not read from a folder). */
export function dossierPiege(racine: string, mkfifo: (chemin: string) => void): void {
  mkdirSync(path.join(racine, "sous"), { recursive: true });
  writeFileSync(path.join(racine, "sous/grille.csv"), GRILLE_CSV);
  symlinkSync(racine, path.join(racine, "sous/boucle"));
  mkfifo(path.join(racine, "sous/tube.csv"));
}

/**
 * The largest inputs the readers accept, for the bench: a CSV of exactly 5 000 filled cells (a label and 4 levels,
 * distinct texts, some unreadable so that every cell is reported), and a workbook with the same grid plus the most
 * shared strings and cells the archive limits leave (the memory worst case of the XLSX path).
 */
export function csvPire(): string {
  return csvGrille(1000, 4);
}

export function xlsxPire(): Buffer {
  const textes: string[] = [];
  const t = (s: string, r: number, c: number) => {
    textes.push(s);
    return `<c r="${"ABCDE"[c]}${r}" t="s"><v>${textes.length - 1}</v></c>`;
  };
  const lignes = csvGrille(1000, 4).trim().split("\r\n");
  const rows = lignes
    .map(
      (l, r) =>
        `<row r="${r + 1}">${l
          .split(";")
          .map((s, c) => t(s, r + 1, c))
          .join("")}</row>`,
    )
    .join("");
  // Shared strings up to the part limit (3 Mo), below the count limit (20 000).
  while (textes.length < 19_000) textes.push(`texte partagé ${textes.length} ${"y".repeat(140)}`);
  const sst = `${DEBUT_TEXTES}${textes.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`;
  return classeurBrut(`${DEBUT_FEUILLE}${rows}</sheetData></worksheet>`, [{ nom: "xl/sharedStrings.xml", donnees: sst }]);
}
