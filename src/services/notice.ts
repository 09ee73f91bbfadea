// 通知公告: the typed client of the `notice` cloud function, who publishes, and the reminder
// subscription ask for 重要通知.
import type { InputOf, OutputOf } from '@core/contract'
import type { NoticeContract } from '@core/notice/contract'
import { NOTICE_CATEGORIES, NOTICE_PUBLISHERS, NOTICE_STATS_ROLES as STATS_ROLES } from '@core/notice/rules'
import type { Role } from '@core/roles'
import { createClient } from './client'
import { askSubscription } from './user'

export const noticeApi = createClient<NoticeContract>('notice')
export { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS } from '@core/notice/rules'
export type { NoticeContract, NoticeView } from '@core/notice/contract'
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]
export type NoticeItem = OutputOf<NoticeContract['list']>['items'][number]
export type ManagedNotice = OutputOf<NoticeContract['listManaged']>['items'][number]
export type ReadStats = OutputOf<NoticeContract['readStats']>
export type PublishInput = InputOf<NoticeContract['publish']>
export type UpdateInput = InputOf<NoticeContract['update']>
export type FeeRow = NonNullable<PublishInput['feeTable']>[number]

/** Who publishes notices (DESIGN §2): the owners' committee, the party branch, the property company. */
export const NOTICE_PUBLISHER_ROLES: readonly Role[] = NOTICE_PUBLISHERS
/** Who sees 阅读统计: the publishers, and the building leaders / grid workers who knock on doors. */
export const NOTICE_STATS_ROLES: readonly Role[] = STATS_ROLES

/** WeChat only: one subscription message for this feature (see askSubscription). */
export const askNoticeSubscription = (): Promise<boolean> => askSubscription(LINLI_TEMPLATE_NOTICE, 'noticeImportant')
