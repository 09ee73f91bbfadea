// The certificate the function issues, as shown, saved (WeChat) or printed (the browser).
import { useState } from 'react'
import { Canvas, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { QrCode } from '../../../components/QrCode'
import { ErrorBlock, Loading } from '../../../components/StateView'
import { ROUTES, go } from '../../../routes'
import { isWeapp } from '../../../services/platform'
import { volunteerApi } from '../../../services/volunteer'
import { useResource } from '../../../hooks/useResource'
import { Fact, toast } from '../components'
import { H, W, certificateText, day, saveImage } from './drawing'

export function Certificate() {
  // issued once per visit: each call numbers a new certificate, so showing the page again does not re-issue
  const cert = useResource(() => volunteerApi.certificate({}), [])
  const [saving, setSaving] = useState(false)

  if (cert.error) return <ErrorBlock message={cert.error} onRetry={() => void cert.reload()} />
  if (!cert.data) return <Loading text='正在出具证明…' />
  const c = cert.data

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
