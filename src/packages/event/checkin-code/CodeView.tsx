// The code on screen, in the browser (H5 has no native components): the digits, the countdown and
// the QR as an SVG, as the WeChat build's native component ../native/checkin-code shows them. In
// WeChat, CodeView.weapp.tsx is used instead (Taro's platform files).
import { useEffect, useRef, useState } from 'react'
import { Text } from '@tarojs/components'
import { QrCode } from '../../../components/QrCode'

export interface CodeViewProps {
  code: string
  qrText: string
  /** When to ask for the next code: ms since the epoch, by this device's clock. */
  expiresAt: number
  /** The QR's width in px. */
  size: number
  /** 长辈模式 (here the page's `.elder` styles already enlarge the digits). */
  elder: boolean
  /** The shown code's time is up (called once per expiresAt). */
  onRotate: () => void
  /** The digits were tapped (WeChat only: the organiser copies the code). */
  onCopy?: (code: string) => void
}

export function CodeView({ code, qrText, expiresAt, size, onRotate }: CodeViewProps) {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [expiresAt])
  const secondsLeft = Math.max(0, Math.ceil((expiresAt - now) / 1000))
  const rotatedFor = useRef(0)
  useEffect(() => {
    if (secondsLeft > 0 || rotatedFor.current === expiresAt) return
    rotatedFor.current = expiresAt
    onRotate()
  }, [secondsLeft, expiresAt, onRotate])
  return (
    <>
      <Text className='ev-code__digits js-code-digits'>{code}</Text>
      <Text className='ev-code__countdown js-code-countdown'>{secondsLeft > 0 ? `${secondsLeft} 秒后自动更换` : '正在更换…'}</Text>
      <QrCode text={qrText} size={size} className='js-qr' />
    </>
  )
}
