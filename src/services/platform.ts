// The only code that knows where it runs: WeChat's cloud in the mini-program, the local
// function host over HTTP in a browser (Taro.cloud is undefined on H5).
import Taro from '@tarojs/taro'
import type { Envelope } from '@core/errors'

const DEV_OPENID_KEY = 'linli.devOpenid'
export const DEFAULT_DEV_OPENID = 'demo-resident'

export const isWeapp = process.env.TARO_ENV === 'weapp'
/** Built with LINLI_LOCAL=1: the browser talks to the local stack and may switch identities. */
export const isLocal = LINLI_LOCAL

let cloudReady = false
function ensureCloud(): void {
  if (cloudReady || !isWeapp) return
  Taro.cloud.init({ env: LINLI_CLOUD_ENV || undefined, traceUser: true })
  cloudReady = true
}

/** The identity the local stack should treat this browser as (dev only; never in WeChat). */
export function devOpenid(): string {
  try {
    return Taro.getStorageSync(DEV_OPENID_KEY) || DEFAULT_DEV_OPENID
  } catch {
    return DEFAULT_DEV_OPENID
  }
}

export function setDevOpenid(openid: string): void {
  Taro.setStorageSync(DEV_OPENID_KEY, openid)
}

const NETWORK_FAILURE: Envelope<never> = { ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }

function isEnvelope(v: unknown): v is Envelope<unknown> {
  return !!v && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean'
}

/** Calls `name` with `{ action, data }`; never throws — every failure is an envelope. */
export async function callFunction<T>(name: string, action: string, data: unknown): Promise<Envelope<T>> {
  try {
    let result: unknown
    if (isWeapp) {
      ensureCloud()
      result = (await Taro.cloud.callFunction({ name, data: { action, data } as never })).result
    } else {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (isLocal) headers['x-wx-openid'] = devOpenid()
      const res = await Taro.request({ url: `${LINLI_API_BASE}/functions/${name}`, method: 'POST', data: { action, data }, header: headers })
      if (res.statusCode !== 200) return { ok: false, code: 'INTERNAL', message: `服务暂时不可用（${res.statusCode}），请稍后再试` }
      result = res.data
    }
    return isEnvelope(result) ? (result as Envelope<T>) : { ok: false, code: 'INTERNAL', message: '服务返回了无法识别的结果' }
  } catch {
    return NETWORK_FAILURE
  }
}

/**
 * Hands a CSV file to the user: a download in the browser; in WeChat, which cannot save files
 * for the user, the text goes to the clipboard. With a BOM so that Excel reads the Chinese.
 */
export async function saveCsv(filename: string, csv: string): Promise<'downloaded' | 'copied'> {
  const text = csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = filename
    a.style.display = 'none'
    document.body.appendChild(a)
    a.click()
    document.body.removeChild(a)
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return 'downloaded'
  }
  await Taro.setClipboardData({ data: csv.replace(/^\ufeff/, '') })
  return 'copied'
}
