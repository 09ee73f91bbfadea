/* global wx, Component */
// 签到码 for the big screen at the door, as a plain WeChat custom component (no Taro, no canvas):
// the six digits, a countdown to the next rotation, and the QR code laid out as WXML views from
// qrcode-generator's module grid (the encoder src/components/QrCode.tsx uses, with the same
// settings, so both draw the same code). The page owns the code; this component asks for a new one
// with a `rotate` event when the shown one's time is up.
//
// Properties: code (six digits), qrText (what the QR encodes), expiresAt (ms since the epoch, by
// this device's clock: when to ask for the next code), size (the QR's width in px), elder (长辈模式).
// Events: rotate { code, expiresAt } once per expiresAt; copy { code } on a tap on the digits;
// enlarge { enlarged } on a tap on the QR (it then fills the screen, and a second tap restores it).
const qrcode = require('qrcode-generator')

/** The white border around the code, in modules (the QR standard asks for 4). */
const QUIET_ZONE = 4
const TICK_MS = 1000

/** The dark modules of `text`, row by row, as horizontal runs { x, w } (error correction M). */
function qrRuns(text) {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const n = qr.getModuleCount()
  const rows = []
  for (let r = 0; r < n; r++) {
    const runs = []
    let c = 0
    while (c < n) {
      if (!qr.isDark(r, c)) {
        c++
        continue
      }
      const x = c
      while (c < n && qr.isDark(r, c)) c++
      runs.push({ x, w: c - x })
    }
    rows.push(runs)
  }
  return { n, rows }
}

/** Whole pixels per module for a code of `n` modules (plus the quiet zone) in `px`: no seams. */
function cellFor(px, n) {
  return Math.max(2, Math.floor(px / (n + QUIET_ZONE * 2)))
}

/** The window's width in px, for the enlarged code; null where the API is missing. */
function windowWidth() {
  try {
    const info = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo() : wx.getSystemInfoSync()
    return info && info.windowWidth > 0 ? info.windowWidth : null
  } catch (e) {
    return null
  }
}

Component({
  options: { styleIsolation: 'isolated' },
  properties: {
    code: { type: String, value: '' },
    qrText: { type: String, value: '' },
    expiresAt: { type: Number, value: 0 },
    size: { type: Number, value: 260 },
    elder: { type: Boolean, value: false },
  },
  data: {
    digits: [],
    spoken: '',
    n: 0,
    rows: [],
    cell: 0,
    quiet: QUIET_ZONE,
    secondsLeft: 0,
    enlarged: false,
  },
  observers: {
    code(code) {
      const digits = String(code || '').split('')
      this.setData({ digits, spoken: digits.join(' ') })
    },
    qrText(text) {
      if (!text) {
        this.setData({ n: 0, rows: [], cell: 0 })
        return
      }
      const { n, rows } = qrRuns(text)
      this.setData({ n, rows, cell: this.cellSize(n, this.data.enlarged) })
    },
    size() {
      if (this.data.n) this.setData({ cell: this.cellSize(this.data.n, this.data.enlarged) })
    },
    expiresAt() {
      this.tick()
    },
  },
  lifetimes: {
    attached() {
      this.tick()
      this.timer = setInterval(() => this.tick(), TICK_MS)
    },
    detached() {
      clearInterval(this.timer)
      this.timer = null
    },
  },
  pageLifetimes: {
    // timers may be held while the page is hidden: catch up at once when it shows again
    show() {
      this.tick()
    },
  },
  methods: {
    cellSize(n, enlarged) {
      const normal = this.data.size > 0 ? this.data.size : 260
      if (!enlarged) return cellFor(normal, n)
      const width = windowWidth()
      return Math.max(cellFor(normal, n), cellFor(width ? width - 32 : normal * 1.4, n))
    },
    /** Seconds left of the shown code; asks for the next one once when they run out. */
    tick() {
      const at = this.data.expiresAt
      if (!at) return
      const left = Math.max(0, Math.ceil((at - Date.now()) / 1000))
      if (left !== this.data.secondsLeft) this.setData({ secondsLeft: left })
      if (left === 0 && this.rotatedFor !== at) {
        this.rotatedFor = at
        this.triggerEvent('rotate', { code: this.data.code, expiresAt: at })
      }
    },
    onDigitsTap() {
      if (this.data.code) this.triggerEvent('copy', { code: this.data.code })
    },
    onQrTap() {
      const enlarged = !this.data.enlarged
      this.setData({ enlarged, cell: this.data.n ? this.cellSize(this.data.n, enlarged) : 0 })
      this.triggerEvent('enlarge', { enlarged })
    },
  },
})
