// A QR code drawn from qrcode-generator's module grid: inline SVG in the browser, a Canvas 2D in
// WeChat (the mini-program renders no SVG elements).
import { useEffect, useMemo } from 'react'
import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import qrcode from 'qrcode-generator'
import './QrCode.scss'

/** The white border around the code, in modules (the QR standard asks for 4). */
const QUIET_ZONE = 4

export interface QrCodeProps {
  text: string
  /** Width and height in CSS pixels. */
  size: number
  className?: string
  /** What the code is, for a screen reader (default 签到二维码). */
  label?: string
}

/** The dark modules, row by row (error correction M: readable with a quarter of it smudged). */
export function qrGrid(text: string): boolean[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
}

/** One SVG path for all dark modules: a rectangle per horizontal run. */
function svgPath(grid: boolean[][]): string {
  const parts: string[] = []
  grid.forEach((row, r) => {
    let c = 0
    while (c < row.length) {
      if (!row[c]) {
        c++
        continue
      }
      const from = c
      while (c < row.length && row[c]) c++
      parts.push(`M${from + QUIET_ZONE} ${r + QUIET_ZONE}h${c - from}v1h${from - c}z`)
    }
  })
  return parts.join('')
}

function QrSvg({ grid, size, className, label }: { grid: boolean[][]; size: number; className?: string; label: string }) {
  const span = grid.length + QUIET_ZONE * 2
  const d = useMemo(() => svgPath(grid), [grid])
  return (
    <View className={`ll-qr ${className ?? ''}`} style={{ width: `${size}px`, height: `${size}px` }}>
      <svg viewBox={`0 0 ${span} ${span}`} width={size} height={size} shapeRendering='crispEdges' role='img' aria-label={label}>
        <rect width={span} height={span} fill='#ffffff' />
        <path d={d} fill='#000000' />
      </svg>
    </View>
  )
}

/** The part of a Canvas 2D node (from a selector query) that drawing needs. */
interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 2
  } catch {
    return 2
  }
}

let canvasSeq = 0

function QrCanvas({ grid, size, className }: { grid: boolean[][]; size: number; className?: string }) {
  const id = useMemo(() => `ll-qr-${++canvasSeq}`, [])
  useEffect(() => {
    let live = true
    let tries = 0
    const draw = () => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode } | null>) => {
          const canvas = res?.[0]?.node
          if (!live) return
          // the native canvas may not exist yet right after a render: try again shortly
          if (!canvas) {
            if (tries++ < 20) setTimeout(draw, 50)
            return
          }
          const px = Math.round(size * pixelRatio())
          canvas.width = px
          canvas.height = px
          const ctx = canvas.getContext('2d')
          const span = grid.length + QUIET_ZONE * 2
          // whole device pixels per module, centred: no blurred seams between modules
          const cell = Math.max(1, Math.floor(px / span))
          const offset = Math.floor((px - cell * grid.length) / 2)
          ctx.fillStyle = '#ffffff'
          ctx.fillRect(0, 0, px, px)
          ctx.fillStyle = '#000000'
          grid.forEach((row, r) => row.forEach((dark, c) => dark && ctx.fillRect(offset + c * cell, offset + r * cell, cell, cell)))
        })
    }
    Taro.nextTick(draw)
    return () => {
      live = false
    }
  }, [grid, size, id])
  return <Canvas type='2d' id={id} className={`ll-qr ${className ?? ''}`} style={{ width: `${size}px`, height: `${size}px` }} />
}

export function QrCode({ text, size, className, label = '签到二维码' }: QrCodeProps) {
  const grid = useMemo(() => qrGrid(text), [text])
  if (process.env.TARO_ENV === 'weapp') return <QrCanvas grid={grid} size={size} className={className} />
  return <QrSvg grid={grid} size={size} className={className} label={label} />
}
