// 志愿服务证明: the certificate the function issues (民政部令第67号's fields) with the QR code of its
// public check. In WeChat it is drawn on a canvas and saved to the album; in the browser it prints.
import { useEffect, useState } from 'react'
import { Canvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { QrCode, qrGrid } from '../../../components/QrCode'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { ROUTES, go } from '../../../routes'
import { isWeapp } from '../../../services/platform'
import { volunteerApi, type CertificateView } from '../../../services/volunteer'
import { beijing } from '../../../utils/format'
import { Fact, toast } from '../components'

const day = (iso: string | null) => (iso ? beijing(iso).format('YYYY年M月D日') : '—')

/** The sentence of the certificate, the same on screen and in the saved image. */
export function certificateText(c: CertificateView): string {
  return `兹证明 ${c.name}（志愿者编号 ${c.volunteerNo}）于 ${day(c.periodFrom)} 至 ${day(c.periodTo)} 期间参加${c.content.join('、')}等志愿服务，累计服务时长 ${c.totalHours} 小时。`
}

const W = 600
const H = 860

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
async function saveImage(c: CertificateView): Promise<void> {
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

function Certificate() {
  const [cert, setCert] = useState<CertificateView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // issued once per visit: each call numbers a new certificate, so showing the page again does not re-issue
  const load = async () => {
    setError(null)
    const res = await volunteerApi.certificate({})
    if (res.ok) setCert(res.data)
    else setError(res.message)
  }
  useEffect(() => {
    void load()
  }, [])

  if (error) return <ErrorBlock message={error} onRetry={() => void load()} />
  if (!cert) return <Loading text='正在出具证明…' />
  const c = cert

  const save = async () => {
    setSaving(true)
    try {
      await saveImage(c)
      toast('已保存到相册', 'success')
    } catch (e) {
      toast(e instanceof Error && /auth|deny/i.test(e.message) ? '请允许保存到相册后重试' : '保存失败，请重试')
    }
    setSaving(false)
  }
  const print = () => {
    if (typeof window !== 'undefined' && typeof window.print === 'function') window.print()
  }

  return (
    <View className='js-certificate'>
      <View className='vo-cert'>
        <Text className='vo-cert__title'>志愿服务证明</Text>
        <Text className='vo-cert__body js-cert-text'>{certificateText(c)}</Text>
        <Fact label='服务时长' className='js-cert-hours'>
          <Text>{c.totalHours} 小时</Text>
        </Fact>
        <Fact label='出具单位' className='js-cert-issuer'>
          <Text>{c.issuer}</Text>
        </Fact>
        <Fact label='经办'>
          <Text>{c.handler}</Text>
        </Fact>
        {c.contact ? (
          <Fact label='联系方式'>
            <Text>{c.contact}</Text>
          </Fact>
        ) : null}
        <Fact label='证明编号' className='js-cert-number'>
          <Text>{c.number}</Text>
        </Fact>
        <Fact label='出具日期'>
          <Text>{day(c.issuedAt)}</Text>
        </Fact>
        <View className='vo-cert__qr'>
          <QrCode text={c.verifyText} size={160} className='js-cert-qr' label='证明查验二维码' />
          <Text className='ll-muted'>扫码或输入证明编号即可查验</Text>
        </View>
      </View>
      <Card className='vo-no-print'>
        {isWeapp ? (
          <>
            <Button type='primary' block size='large' loading={saving} disabled={saving} className='js-save-image' onClick={() => void save()}>
              保存图片到相册
            </Button>
            <Canvas type='2d' id='vo-cert-canvas' className='vo-cert-canvas' style={{ width: `${W}px`, height: `${H}px` }} />
          </>
        ) : (
          <Button type='primary' block size='large' className='js-print' onClick={print}>
            打印证明
          </Button>
        )}
        <View className='ll-gap' />
        <Button block size='large' fill='outline' className='js-open-verify' onClick={() => go(`${ROUTES.volunteerVerify}?number=${encodeURIComponent(c.number)}`)}>
          查验这份证明
        </Button>
      </Card>
    </View>
  )
}

export default function VolunteerCertificatePage() {
  return (
    <SessionPage title='志愿服务证明' subtitle='依《志愿服务记录与证明出具办法》出具' allow={(s) => !!s.session?.compound} denied={<Empty text='认证房屋后才能出具志愿服务证明' />}>
      <Certificate />
    </SessionPage>
  )
}
