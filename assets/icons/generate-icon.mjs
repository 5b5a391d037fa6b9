// Draws assets/icons/icon.png (512×512): two enthusiasm curves in Okabe–Ito
// orange and sky blue on a dark rounded square. Plain Node, no dependencies,
// so the icon can be regenerated anywhere: `node assets/icons/generate-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for anti-aliasing
const BACKGROUND = [0x1d, 0x2b, 0x3a];
const CURVES = [
  // [colour, y(x) on 0..1 with 0 = top]
  [[0xe6, 0x9f, 0x00], (x) => 0.42 - 0.16 * Math.sin(Math.PI * 2 * (x - 0.1)) + 0.1 * x],
  [[0x56, 0xb4, 0xe9], (x) => 0.58 + 0.14 * Math.sin(Math.PI * 2 * (x + 0.05)) - 0.12 * x],
];
const STROKE = 0.045; // half line width, relative to the icon
const MARGIN = 0.18; // curves span x in [MARGIN, 1 - MARGIN]
const RADIUS = 0.2; // corner radius of the square

function insideRoundedSquare(x, y) {
  const dx = Math.max(RADIUS - x, 0, x - (1 - RADIUS));
  const dy = Math.max(RADIUS - y, 0, y - (1 - RADIUS));
  return dx * dx + dy * dy <= RADIUS * RADIUS;
}

function onCurve(f, x, y) {
  if (x < MARGIN - STROKE || x > 1 - MARGIN + STROKE) return false;
  const cx = Math.min(Math.max(x, MARGIN), 1 - MARGIN);
  const h = 1e-4;
  const slope = (f(cx + h) - f(cx - h)) / (2 * h);
  // Distance to the curve, approximated by the vertical gap over the local slope (and round caps at the ends).
  const distance = Math.hypot(x - cx, (y - f(cx)) / Math.sqrt(1 + slope * slope));
  return distance <= STROKE;
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = (px + (sx + 0.5) / SAMPLES) / SIZE;
        const y = (py + (sy + 0.5) / SAMPLES) / SIZE;
        if (!insideRoundedSquare(x, y)) continue;
        let colour = BACKGROUND;
        for (const [curveColour, f] of CURVES) if (onCurve(f, x, y)) colour = curveColour;
        sum[0] += colour[0];
        sum[1] += colour[1];
        sum[2] += colour[2];
        sum[3] += 255;
      }
    }
    const covered = sum[3] / 255;
    const offset = 1 + px * 4;
    if (covered > 0) {
      row[offset] = Math.round(sum[0] / covered);
      row[offset + 1] = Math.round(sum[1] / covered);
      row[offset + 2] = Math.round(sum[2] / covered);
    }
    row[offset + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
