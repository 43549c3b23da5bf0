import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { constants, deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { inflateRaw } from "../../src/functions/compression/inflate";
import { jsonCompresse, texte93EnOctets, utf8EnTexte } from "../../src/functions/compression/json-compresse";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const chargeur = require("../../scripts/json-compresse-loader.js") as {
  compresserJson: (s: string) => string;
  compresserDossier: (dossier: string) => string;
  texte93: (octets: Uint8Array) => string;
  PARAMETRES: string;
};

function fichiersJson(dossier: string): string[] {
  return readdirSync(dossier).flatMap((n) => {
    const p = path.join(dossier, n);
    return statSync(p).isDirectory() ? fichiersJson(p) : n.endsWith(".json") ? [p] : [];
  });
}

describe("données compressées du bundle (scripts/json-compresse-loader.js)", () => {
  const fichiers = fichiersJson(path.resolve(__dirname, "../../src"));

  it("il y a des données à vérifier", () => assert.ok(fichiers.length > 0));

  const pack = () => jsonCompresse(chargeur.compresserDossier(chargeur.PARAMETRES)) as Record<string, unknown>;

  for (const f of fichiers) {
    it(`${path.relative(path.resolve(__dirname, "../.."), f)} : identique après compression puis décompression`, () => {
      const texte = readFileSync(f, "utf8");
      const attendu = JSON.parse(texte) as unknown;
      assert.deepEqual(jsonCompresse(chargeur.compresserJson(texte)), attendu);
      if (path.dirname(f) === chargeur.PARAMETRES) assert.deepEqual(pack()[path.basename(f)], attendu);
    });
  }

  it("le paquet des paramètres contient exactement les fichiers de src/core/params", () => {
    const noms = readdirSync(chargeur.PARAMETRES).filter((n) => n.endsWith(".json")).sort();
    assert.deepEqual(Object.keys(pack()).sort(), noms);
  });

  const strategies = [
    { level: 0 },
    { level: 1 },
    { level: 9 },
    { level: 6, strategy: constants.Z_FIXED },
    { level: 6, strategy: constants.Z_HUFFMAN_ONLY },
    { level: 6, strategy: constants.Z_RLE },
  ];

  it("inflateRaw rend exactement ce que zlib a compressé (blocs stockés, fixes, dynamiques)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.string({ unit: "grapheme", maxLength: 2000 }).map((s) => new Uint8Array(Buffer.from(s, "utf8"))),
          fc.array(fc.constantFrom("150 % BR", " + ", "€", "é", "R871-2 3°"), { maxLength: 800 }).map((a) => new Uint8Array(Buffer.from(a.join(""), "utf8"))),
        ),
        fc.constantFrom(...strategies),
        (octets, options) => {
          const z = deflateRawSync(octets, options);
          assert.deepEqual(Buffer.from(inflateRaw(new Uint8Array(z))), Buffer.from(octets));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("inflateRaw sur plus de 64 Kio (plusieurs blocs, distances longues)", () => {
    const grand = Buffer.from(Array.from({ length: 40000 }, (_, i) => `ligne ${i % 997} : ${(i * 7919) % 10007}\n`).join(""));
    assert.ok(grand.length > 65536);
    assert.ok(Buffer.from(inflateRaw(new Uint8Array(deflateRawSync(grand, { level: 9 })))).equals(grand));
  });

  it("refuse des données tronquées ou corrompues (erreur, jamais une boucle infinie)", () => {
    const z = deflateRawSync(Buffer.from("Frais réels dans la limite des plafonds du contrat responsable".repeat(20)));
    assert.throws(() => inflateRaw(new Uint8Array(z.subarray(0, z.length >> 1))), /invalides/);
    assert.throws(() => inflateRaw(new Uint8Array([0xff, 0xff, 0xff])), /invalides/);
    assert.throws(() => texte93EnOctets("ab\\c"), /hors alphabet/);
    assert.throws(() => texte93EnOctets("abé"), /hors alphabet/);
    assert.throws(() => texte93EnOctets("~~"), /hors limites/); // 92 + 93 × 92 > 2^13 − 1
  });

  it("texte à 93 caractères : rend exactement les octets écrits par le chargeur, toutes longueurs de fin", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (octets) => {
        const texte = chargeur.texte93(octets);
        assert.doesNotMatch(texte, /["\\]|[^ -~]/, "caractère à échapper dans une chaîne JS");
        assert.ok(texte.length <= Math.ceil((octets.length * 16) / 13), `${texte.length} caractères pour ${octets.length} octets`);
        assert.deepEqual(Buffer.from(texte93EnOctets(texte)), Buffer.from(octets));
      }),
      { numRuns: 2000 },
    );
  });

  it("UTF-8 comme Node le décode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        assert.equal(utf8EnTexte(new Uint8Array(Buffer.from(s, "utf8"))), s);
      }),
      { numRuns: 300 },
    );
  });
});
