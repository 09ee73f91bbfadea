// 你呼我应: the typed client of the `request` cloud function, and the subscription-message ask.
import Taro from '@tarojs/taro'
import { requestContract } from '../../cloudfunctions/common/contracts/request'
import { createClient } from './client'
import { userApi } from './user'

export const requestApi = createClient('request', requestContract)
export { requestContract } from '../../cloudfunctions/common/contracts/request'
export type { RequestSummary, RequestView } from '../../cloudfunctions/common/contracts/request'

/**
 * Asks (WeChat only) for one 「反映进度」 subscription message and records the acceptance.
 * Must run straight from a tap, before any other await. A refusal is normal and never an error.
 */
export async function askRequestStatusSubscription(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || !LINLI_TEMPLATE_REQUEST_STATUS) return false
  try {
    const option = { tmplIds: [LINLI_TEMPLATE_REQUEST_STATUS] } as Taro.requestSubscribeMessage.Option
    // the answer is keyed by template id: 'accept' | 'reject' | 'ban' | 'filter'
    const res = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>
    if (res[LINLI_TEMPLATE_REQUEST_STATUS] !== 'accept') return false
    // the credit is recorded in the background: the report itself must not wait for it
    void userApi.subscribe({ templateKeys: ['requestStatus'] })
    return true
  } catch {
    return false
  }
}
