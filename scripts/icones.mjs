// Generates the add-in icons (assets/icon-<size>.png): a white cross on a teal rounded square. Run once with
// `node scripts/icones.mjs`; the PNGs are committed. Plain zlib + hand-written PNG chunks: no image dependency.
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

const TAILLES = [16, 32, 64, 80];

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function icone(n) {
  const r = n * 0.18; // corner radius
  const bras = Math.max(1, Math.round(n * 0.14)); // half-width of the cross arms
  const long = Math.round(n * 0.32); // half-length of the cross arms
  const lignes = [];
  for (let y = 0; y < n; y++) {
    const ligne = Buffer.alloc(1 + n * 4);
    for (let x = 0; x < n; x++) {
      const cx = Math.min(Math.max(x + 0.5, r), n - r);
      const cy = Math.min(Math.max(y + 0.5, r), n - r);
      const dedans = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
      const dx = Math.abs(x + 0.5 - n / 2);
      const dy = Math.abs(y + 0.5 - n / 2);
      const croix = (dx < bras && dy < long) || (dy < bras && dx < long);
      const p = 1 + x * 4;
      if (!dedans) ligne.set([0, 0, 0, 0], p);
      else if (croix) ligne.set([255, 255, 255, 255], p);
      else ligne.set([0, 120, 130, 255], p);
    }
    lignes.push(ligne);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(lignes))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL("../assets/", import.meta.url), { recursive: true });
for (const n of TAILLES) writeFileSync(new URL(`../assets/icon-${n}.png`, import.meta.url), icone(n));
console.log(`Icônes écrites : ${TAILLES.map((n) => `icon-${n}.png`).join(", ")}`);
