// WeChat's privacy authorisation (用户隐私保护指引, app.json `__usePrivacyCheck__`): a privacy-scoped API
// (chooseImage, chooseMedia, chooseMessageFile, scanCode, setClipboardData …) called before the user
// agreed is held by WeChat, which asks the app through onNeedPrivacyAuthorization. The app shows
// its own prompt (src/components/PrivacyPrompt/PrivacyPrompt.tsx) and answers; agreeing needs a tap on a button
// with open-type="agreePrivacyAuthorization" whose id is given back to WeChat.
import Taro from '@tarojs/taro'

export const PRIVACY_AGREE_BUTTON_ID = 'll-privacy-agree'

type Answer = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }
type Resolve = (answer: Answer) => void

/** Held calls waiting for the user's answer (one answer releases them all: the agreement is global). */
let waiting: Resolve[] = []
const listeners = new Set<(asking: boolean) => void>()

function notify(): void {
  for (const l of listeners) l(waiting.length > 0)
}

let listening = false
/** Registers the app's handler once (weapp only; older base libraries have no such API). */
export function listenForPrivacyAsks(): void {
  if (listening || process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  listening = true
  Taro.onNeedPrivacyAuthorization((resolve) => {
    waiting.push(resolve)
    notify()
  })
}

export function isAskingPrivacy(): boolean {
  return waiting.length > 0
}

/** `fn(asking)` whenever an ask starts or ends; returns the unsubscribe. */
export function onPrivacyAsk(fn: (asking: boolean) => void): () => void {
  listeners.add(fn)
  return () => void listeners.delete(fn)
}

/** Tells WeChat the prompt is on screen. */
export function privacyPromptShown(): void {
  for (const r of waiting) r({ event: 'exposureAuthorization' })
}

/** The user's answer: the held calls go on (agree) or fail with "privacy permission is not authorized". */
export function answerPrivacyAsk(agree: boolean): void {
  const held = waiting
  waiting = []
  for (const r of held) r(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
  notify()
}
