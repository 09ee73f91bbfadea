// 用户: the typed client of the `user` cloud function, and the one subscription-message ask.
import Taro from '@tarojs/taro'
import type { UserContract, TemplateKey } from '@core/user/contract'
import { createClient } from './client'

export const userApi = createClient<UserContract>('user')
export type { Session } from '@core/user/contract'

/**
 * Asks (WeChat only) for one subscription message of `templateId` and records the acceptance as a
 * credit of `key` (one send per acceptance). Must run straight from a tap, before any other await.
 * A refusal — or a build without the template id, or H5 — is normal and never an error.
 */
export async function askSubscription(templateId: string, key: TemplateKey): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || !templateId) return false
  try {
    const option = { tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option
    // the answer is keyed by template id: 'accept' | 'reject' | 'ban' | 'filter'
    const res = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>
    if (res[templateId] !== 'accept') return false
    // recorded in the background: the action that asked must not wait for it
    void userApi.subscribe({ templateKeys: [key] })
    return true
  } catch {
    return false
  }
}
