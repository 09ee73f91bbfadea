// The certificate's sentence, and its picture for WeChat: drawn on a canvas and saved to the album.
import Taro from '@tarojs/taro'
import { qrGrid } from '../../../components/QrCode'
import type { CertificateView } from '../../../services/volunteer'
import { beijing } from '../../../utils/format'

export const day = (iso: string | null) => (iso ? beijing(iso).format('YYYY年M月D日') : '—')

/** The sentence of the certificate, the same on screen and in the saved image. */
export function certificateText(c: CertificateView): string {
  return `兹证明 ${c.name}（志愿者编号 ${c.volunteerNo}）于 ${day(c.periodFrom)} 至 ${day(c.periodTo)} 期间参加${c.content.join('、')}等志愿服务，累计服务时长 ${c.totalHours} 小时。`
}

export const W = 600
export const H = 860

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D
}

/** Text wrapped by width (Chinese has no spaces to break at). */
function wrap(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, width: number, lineHeight: number): number {
  let line = ''
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width && line) {
      ctx.fillText(line, x, y)
      line = ch
      y += lineHeight
    } else line += ch
  }
  if (line) ctx.fillText(line, x, y)
  return y + lineHeight
}

function draw(ctx: CanvasRenderingContext2D, c: CertificateView) {
  ctx.fillStyle = '#fffdf7'
  ctx.fillRect(0, 0, W, H)
  ctx.strokeStyle = '#c8161d'
  ctx.lineWidth = 6
  ctx.strokeRect(16, 16, W - 32, H - 32)
  ctx.fillStyle = '#c8161d'
  ctx.font = 'bold 40px sans-serif'
  ctx.textAlign = 'center'
  ctx.fillText('志愿服务证明', W / 2, 90)
  ctx.textAlign = 'left'
  ctx.fillStyle = '#1f1f1f'
  ctx.font = '24px sans-serif'
  let y = wrap(ctx, certificateText(c), 56, 160, W - 112, 40)
  for (const [k, v] of [['出具单位', c.issuer], ['经办', c.handler], ['联系方式', c.contact], ['证明编号', c.number], ['出具日期', day(c.issuedAt)]]) {
    y = wrap(ctx, `${k}：${v}`, 56, y + 4, W - 112, 36)
  }
  const grid = qrGrid(c.verifyText)
  const cell = Math.floor(200 / (grid.length + 8))
  const x0 = (W - cell * grid.length) / 2
  const y0 = H - 60 - cell * grid.length
  grid.forEach((row, r) => row.forEach((dark, col) => dark && ctx.fillRect(x0 + col * cell, y0 + r * cell, cell, cell)))
  ctx.font = '20px sans-serif'
  ctx.textAlign = 'center'
  ctx.fillText('扫码或在「志愿服务证明查验」输入编号核验', W / 2, H - 32)
}

/** WeChat: draws the certificate on the hidden canvas and saves it to the photo album. */
export async function saveImage(c: CertificateView): Promise<void> {
  const node = await new Promise<CanvasNode | null>((resolve) =>
    Taro.createSelectorQuery()
      .select('#vo-cert-canvas')
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode } | null>) => resolve(res?.[0]?.node ?? null)),
  )
  if (!node) throw new Error('画布还没有准备好，请稍后再试')
  node.width = W
  node.height = H
  draw(node.getContext('2d'), c)
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node as never } as never)
  await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
}
