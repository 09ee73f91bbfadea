// The native 签到码 component (./checkin-code/index.js) as a JSX element of the WeChat build.
// Properties are passed as written (camelCase works); its events reach React as on + the event name.

interface CheckinCodeEvent<T> {
  detail: T
}

declare global {
  namespace JSX {
    interface IntrinsicElements {
      'checkin-code': {
        code: string
        qrText: string
        /** When to ask for the next code, ms since the epoch by this device's clock. */
        expiresAt: number
        /** The QR's width in px. */
        size?: number
        elder?: boolean
        /** The shown code's time is up: issue the next one. */
        onRotate?: (e: CheckinCodeEvent<{ code: string; expiresAt: number }>) => void
        /** A tap on the digits. */
        onCopy?: (e: CheckinCodeEvent<{ code: string }>) => void
        /** A tap on the QR: it now fills the screen, or no longer does. */
        onEnlarge?: (e: CheckinCodeEvent<{ enlarged: boolean }>) => void
      }
    }
  }
}

export {}
