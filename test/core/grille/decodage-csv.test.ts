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

  it("reads UTF-32 LE and BE, with and without BOM, never as UTF-16", () => {
    const texte = "Garanties;Niveau 1\nFrais de séjour;100 % BR\nSanté 𝄞;Néant\n";
    const utf32 = (le: boolean) => {
      const cps = [...texte].map((c) => c.codePointAt(0)!);
      const b = Buffer.alloc(cps.length * 4);
      cps.forEach((cp, i) => (le ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
      return b;
    };
    for (const [octets, encodage] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(true)]), "utf-32le"],
      [Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(false)]), "utf-32be"],
      [utf32(true), "utf-32le"],
      [utf32(false), "utf-32be"],
    ] as const) {
      assert.deepEqual(decoderOctets(new Uint8Array(octets)), { texte, encodage });
    }
    assert.throws(() => decoderOctets(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0])), /^RembError: Texte UTF-32 tronqué : 3 octets, pas un multiple de 4/);
    assert.throws(() => decoderOctets(new Uint8Array([0xff, 0xfe, 0, 0, 0, 0xd8, 0, 0])), /^RembError: Ce fichier n'est pas un texte UTF-32 valide/);
  });

  // What cannot be decided is refused with what to do, never read as mojibake (« SantÃ© ») and given a verdict.
  const REFUS: readonly [string, Uint8Array, string][] = [
    [
      "half UTF-8, half Windows-1252 (two exports pasted together)",
      new Uint8Array([...utf8("Garanties;Niveau 1\nFrais de séjour;100 % BR\n"), ...Buffer.from("Orthodontie réservée;Néant\n", "latin1")]),
      "Encodage mélangé : le fichier contient du texte UTF-8 (ligne 2 : « Frais de séjour;100 % BR ») et du texte Windows-1252 (ligne 3 : « Orthodontie réservée;Néant ») ; lu d'une seule façon, la moitié de ses accents serait abîmée (« SantÃ© »). Ouvrez-le dans Excel et enregistrez-le en « CSV UTF-8 (délimité par des virgules) », puis vérifiez les accents.",
    ],
    [
      "a UTF-8 BOM over Windows-1252 lines",
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Garanties;Niveau 1\n"), ...Buffer.from("Orthodontie réservée;Néant\n", "latin1")]),
      "Encodage incohérent : le fichier se dit UTF-8 (il commence par la marque UTF-8) mais la ligne 2 : « Orthodontie réservée;Néant » n'est pas de l'UTF-8 (du Windows-1252 ?). REMB ne devine pas l'encodage. Ouvrez-le dans Excel et enregistrez-le en « CSV UTF-8 (délimité par des virgules) », puis vérifiez les accents.",
    ],
    [
      "a DOS text (CP850: é is 0x82, « ‚ » in Windows-1252)",
      new Uint8Array([...utf8("Garanties;Niveau 1\nFrais de s"), 0x82, ...utf8("jour;100 % BR\n")]),
      "Encodage non reconnu : ni UTF-8, ni Windows-1252 (ligne 2 : « Frais de s‚jour;100 % BR »), sans doute un texte DOS ou Mac. Ouvrez-le dans Excel et enregistrez-le en « CSV UTF-8 (délimité par des virgules) », puis vérifiez les accents.",
    ],
    [
      "a byte Windows-1252 does not assign (Mac Roman ç is 0x8D)",
      new Uint8Array([...utf8("Garanties;Niveau 1\nFran"), 0x8d, ...utf8("ais;100 % BR\n")]),
      "Encodage non reconnu : ni UTF-8, ni Windows-1252 (ligne 2 : « Fran\ufffdais;100 % BR »), sans doute un texte DOS ou Mac. Ouvrez-le dans Excel et enregistrez-le en « CSV UTF-8 (délimité par des virgules) », puis vérifiez les accents.",
    ],
    [
      "accents already broken in the file (UTF-8 of « SantÃ© »)",
      utf8("Garanties;Niveau 1\nSantÃ© globale;100 % BR\n"),
      "Accents abîmés dans le fichier (ligne 2 : « SantÃ© globale;100 % BR ») : « Ã© » pour « é », le texte a été converti deux fois avant d'arriver ici. REMB ne vérifie pas un texte abîmé : repartez du fichier d'origine, ou corrigez les accents puis enregistrez en « CSV UTF-8 ».",
    ],
  ];
  for (const [nom, octets, message] of REFUS) {
    it(`refuses ${nom}`, () => {
      assert.throws(
        () => decoderOctets(octets),
        (e: unknown) => (e as Error).name === "RembError" && (e as Error).message === message,
      );
    });
  }

  it("reads plain Windows-1252 French (apostrophes, œ, €, « ») and UTF-8 with accents without refusing", () => {
    const w = new Uint8Array([
      ...utf8("Garanties;Niveau 1\nl"),
      0x92,
      ...utf8("assur"),
      0xe9,
      0x20,
      0x9c,
      ...utf8("il "),
      0x80,
      0x20,
      0xab,
      0xa0,
      0x78,
      0xa0,
      0xbb,
      0x0a,
    ]);
    assert.deepEqual(decoderOctets(w), { texte: "Garanties;Niveau 1\nl’assuré œil € «\u00a0x\u00a0»\n", encodage: "windows-1252" });
    assert.equal(decoderOctets(utf8("Garanties;Niveau 1\nÉQUIPEMENT PAYÉ\u00a0: œil « Ça »\n")).encodage, "utf-8");
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
    assert.deepEqual(lireCsv("a,b\rc,d", ","), [
      ["a", "b"],
      ["c", "d"],
    ]);
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
