import assert from "node:assert/strict";
import fc from "fast-check";
import { decoderOctets, detecterSeparateur, lireCsv } from "../../../src/core/grille";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("grille: byte decoding (pure TypeScript)", () => {
  it("decodes UTF-8 exactly like Node for any text, with or without BOM", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        const t = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
        if (t === "") return;
        assert.equal(decoderOctets(utf8(t)).texte, t);
        assert.equal(decoderOctets(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)])).texte, t);
      }),
      { numRuns: 500 },
    );
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8, with its 0x80–0x9F table", () => {
    const d = decoderOctets(new Uint8Array([0x46, 0x72, 0x61, 0x69, 0x73, 0x20, 0x72, 0xe9, 0x65, 0x6c, 0x73, 0x20, 0x80, 0x20, 0x9c, 0x92]));
    assert.deepEqual(d, { texte: "Frais réels € œ’", encodage: "windows-1252" });
  });

  it("rejects overlong forms and surrogates as UTF-8 (then reads them as Windows-1252)", () => {
    assert.equal(decoderOctets(new Uint8Array([0x41, 0xc0, 0xaf])).encodage, "windows-1252");
    assert.equal(decoderOctets(new Uint8Array([0x41, 0xed, 0xa0, 0x80])).encodage, "windows-1252");
  });

  it("reads UTF-16 with and without BOM", () => {
    const le = Buffer.from("Niveau 1\tNéant", "utf16le");
    assert.deepEqual(decoderOctets(new Uint8Array([0xff, 0xfe, ...le])), { texte: "Niveau 1\tNéant", encodage: "utf-16le" });
    assert.deepEqual(decoderOctets(new Uint8Array(le)), { texte: "Niveau 1\tNéant", encodage: "utf-16le" });
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    assert.equal(decoderOctets(new Uint8Array([0xfe, 0xff, ...be])).texte, "Niveau 1\tNéant");
  });

  it("refuses empty, binary, ZIP, old XLS and PDF contents with a French message", () => {
    assert.throws(() => decoderOctets(new Uint8Array()), /Fichier vide/);
    assert.throws(() => decoderOctets(new Uint8Array([1, 2, 3, 0, 0, 9, 200, 0, 7])), /Contenu binaire/);
    assert.throws(() => decoderOctets(new Uint8Array([0x50, 0x4b, 3, 4, 0])), /classeur Excel \(\.xlsx/);
    assert.throws(() => decoderOctets(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1])), /ancien classeur Excel \(\.xls\)/);
    assert.throws(() => decoderOctets(utf8("%PDF-1.7")), /PDF/);
  });

  it("never throws anything but a RembError on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (o) => {
        try {
          assert.equal(typeof decoderOctets(o).texte, "string");
        } catch (e) {
          assert.equal((e as Error).name, "RembError");
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("grille: CSV fields", () => {
  it("splits quoted fields with separators, doubled quotes and line breaks (RFC 4180)", () => {
    assert.deepEqual(lireCsv('a;"b;c";"d ""e""";"f\r\ng"\r\nh;;\n\ni', ";"), [["a", "b;c", 'd "e"', "f\r\ng"], ["h", "", ""], [""], ["i"]]);
    assert.deepEqual(lireCsv("a,b\rc,d", ","), [["a", "b"], ["c", "d"]]);
    assert.deepEqual(lireCsv('"150 %" BR;x', ";"), [["150 % BR", "x"]]);
  });

  it("names the line of a quote never closed", () => {
    assert.throws(() => lireCsv('a;b\nc;"d\ne;f', ";"), /guillemet ouvert ligne 2 et jamais fermé/);
  });

  it("finds « ; », « , » or tab as the separator; « ; » on a tie", () => {
    assert.equal(detecterSeparateur("Garanties;Niveau 1;Niveau 2\nFrais;100 % BR;1,5"), ";");
    assert.equal(detecterSeparateur('Garanties,Niveau 1,Niveau 2\nFrais,100 % BR,"1,5"'), ",");
    assert.equal(detecterSeparateur("Garanties\tNiveau 1\nFrais\t100 % BR"), "\t");
    assert.equal(detecterSeparateur("Garanties\nFrais"), ";");
  });

  it("round-trips any table written with quotes", () => {
    const champ = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(champ, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (t) => {
        const texte = t.map((l) => l.map((x) => `"${x.replace(/"/g, '""')}"`).join(";")).join("\r\n");
        assert.deepEqual(lireCsv(texte, ";"), t);
      }),
      { numRuns: 500 },
    );
  });
});
