// Draws the extension icon (docs/icon.png, 128x128): "835" in a pixel font on a rounded dark-teal tile,
// with a muted bar and an attention bar under it (the CAS shading the extension does). No external assets:
// the PNG is written by hand (zlib + CRC32). Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const W = 128,
  H = 128;
const px = new Uint8Array(W * H * 4); // RGBA, transparent

const set = (x, y, [r, g, b, a = 255]) => {
  if (x < 0 || y < 0 || x >= W || y >= H) return;
  const i = (y * W + x) * 4;
  px[i] = r;
  px[i + 1] = g;
  px[i + 2] = b;
  px[i + 3] = a;
};
const rect = (x0, y0, w, h, c) => {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) set(x, y, c);
};

// Rounded tile.
const R = 18,
  tile = [14, 74, 92];
for (let y = 0; y < H; y++)
  for (let x = 0; x < W; x++) {
    const cx = x < R ? R - x : x >= W - R ? x - (W - R - 1) : 0;
    const cy = y < R ? R - y : y >= H - R ? y - (H - R - 1) : 0;
    if (cx * cx + cy * cy <= R * R) set(x, y, tile);
  }

// 5x7 digits.
const FONT = {
  8: ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  3: ['11110', '00001', '00001', '01110', '00001', '00001', '11110'],
  5: ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
};
const S = 6; // pixel size
let x0 = 16;
for (const d of '835') {
  FONT[d].forEach((row, y) =>
    [...row].forEach((bit, x) => {
      if (bit === '1') rect(x0 + x * S, 22 + y * S, S, S, [255, 255, 255]);
    }),
  );
  x0 += 6 * S;
}
// Two bars: a muted one (sequestration: expected) and an attention one (needs work).
rect(16, 80, 96, 10, [120, 160, 170]);
rect(16, 96, 58, 10, [232, 89, 60]);

// PNG encoding.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8;
ihdr[9] = 6; // 8-bit RGBA
const raw = Buffer.alloc(H * (W * 4 + 1));
for (let y = 0; y < H; y++) {
  raw[y * (W * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * W * 4, W * 4).copy(raw, y * (W * 4 + 1) + 1);
}
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync('docs/icon.png', png);
console.log(`docs/icon.png: ${png.length} bytes`);
