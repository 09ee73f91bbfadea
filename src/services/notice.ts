// 通知公告: the typed client of the `notice` cloud function, who publishes, and the reminder
// subscription ask for 重要通知.
import Taro from '@tarojs/taro'
import type { InputOf, OutputOf } from '../../cloudfunctions/common/contract'
import { NOTICE_CATEGORIES, noticeContract, type NoticeContract } from '../../cloudfunctions/common/contracts/notice'
import type { Role } from '../../cloudfunctions/common/roles'
import { createClient } from './client'
import { userApi } from './user'

export const noticeApi = createClient('notice', noticeContract)
export { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, noticeContract } from '../../cloudfunctions/common/contracts/notice'
export type { NoticeContract, NoticeView } from '../../cloudfunctions/common/contracts/notice'
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]
export type NoticeItem = OutputOf<NoticeContract['list']>['items'][number]
export type ManagedNotice = OutputOf<NoticeContract['listManaged']>['items'][number]
export type ReadStats = OutputOf<NoticeContract['readStats']>
export type PublishInput = InputOf<NoticeContract['publish']>
export type UpdateInput = InputOf<NoticeContract['update']>
export type FeeRow = NonNullable<PublishInput['feeTable']>[number]

/** Who publishes notices (DESIGN §2): the owners' committee, the party branch, the property company. */
export const NOTICE_PUBLISHER_ROLES: readonly Role[] = ['committee', 'branch', 'property']
/** Who sees 阅读统计: the publishers, and the building leaders / grid workers who knock on doors. */
export const NOTICE_STATS_ROLES: readonly Role[] = ['committee', 'branch', 'property', 'grid', 'officer']

/**
 * Asks (WeChat only) for one 「重要通知」 subscription message and records the acceptance, so the
 * next 重要通知 reaches this resident. Must run straight from a tap, before any other await.
 * A refusal is normal and never an error.
 */
export async function askNoticeSubscription(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || !LINLI_TEMPLATE_NOTICE) return false
  try {
    const option = { tmplIds: [LINLI_TEMPLATE_NOTICE] } as Taro.requestSubscribeMessage.Option
    // the answer is keyed by template id: 'accept' | 'reject' | 'ban' | 'filter'
    const res = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>
    if (res[LINLI_TEMPLATE_NOTICE] !== 'accept') return false
    void userApi.subscribe({ templateKeys: ['noticeImportant'] })
    return true
  } catch {
    return false
  }
}
