#!/usr/bin/env node
// Generates the tab bar icons in src/assets/tabbar/ (81x81 RGBA PNGs) using only node built-ins.
// Usage: node scripts/make-icons.js
'use strict'
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const SIZE = 81
const SS = 4 // supersampling per axis for anti-aliasing
const OUT = path.join(__dirname, '..', 'src', 'assets', 'tabbar')
const COLORS = { normal: [0x99, 0x99, 0x99], active: [0xc8, 0x16, 0x1d] }

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

// --- shape helpers: each returns (x, y) => boolean, coordinates in 0..81 ---
const rect = (x0, y0, x1, y1, r = 0) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false
  if (r <= 0) return true
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const ellipse = (cx, cy, rx, ry) => (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
// triangle via barycentric sign test
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy)
  const d1 = s(ax, ay, bx, by), d2 = s(bx, by, cx, cy), d3 = s(cx, cy, ax, ay)
  const neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0
  return !(neg && pos)
}
const union = (...fs) => (x, y) => fs.some(f => f(x, y))
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y)
const intersect = (a, b) => (x, y) => a(x, y) && b(x, y)

const SHAPES = {
  // house: roof triangle + body, with a door cut out
  home: minus(
    union(
      triangle(40.5, 10, 8, 38, 73, 38),
      rect(17, 34, 64, 70, 3)
    ),
    rect(34, 48, 47, 70.5, 2)
  ),
  // 2x2 grid of rounded squares
  services: union(
    rect(12, 12, 37, 37, 5),
    rect(44, 12, 69, 37, 5),
    rect(12, 44, 37, 69, 5),
    rect(44, 44, 69, 69, 5)
  ),
  // person: head + shoulders (upper half of an ellipse)
  me: union(
    circle(40.5, 26, 13),
    intersect(ellipse(40.5, 71, 28, 26), rect(0, 0, 81, 70, 0))
  )
}

function render(shape, [r, g, b]) {
  const buf = Buffer.alloc(SIZE * SIZE * 4)
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hit = 0
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++)
          if (shape(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)) hit++
      const i = (py * SIZE + px) * 4
      buf[i] = r; buf[i + 1] = g; buf[i + 2] = b
      buf[i + 3] = Math.round((255 * hit) / (SS * SS))
    }
  }
  return png(SIZE, SIZE, buf)
}

fs.mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(SHAPES)) {
  fs.writeFileSync(path.join(OUT, `${name}.png`), render(shape, COLORS.normal))
  fs.writeFileSync(path.join(OUT, `${name}-active.png`), render(shape, COLORS.active))
}
console.log(`wrote ${Object.keys(SHAPES).length * 2} icons to ${path.relative(process.cwd(), OUT)}`)
