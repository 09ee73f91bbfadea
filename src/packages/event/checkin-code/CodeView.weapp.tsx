// The code on screen in WeChat: the native custom component ../native/checkin-code (declared in
// index.config.ts usingComponents). It renders the digits, counts down and lays the QR out as WXML
// views itself, so the page does not re-render every second; it asks for the next code with
// `rotate`. Taro picks this file over CodeView.tsx for the weapp build.
import type { CodeViewProps } from './CodeView'

export function CodeView({ code, qrText, expiresAt, size, elder, onRotate, onCopy }: CodeViewProps) {
  return (
    <checkin-code
      code={code}
      qrText={qrText}
      expiresAt={expiresAt}
      size={size}
      elder={elder}
      onRotate={() => onRotate()}
      onCopy={(e) => onCopy?.(e.detail.code)}
    />
  )
}
