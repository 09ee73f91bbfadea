// 活动报名: the typed client of the `event` cloud function, and the reminder subscription ask.
import Taro from '@tarojs/taro'
import type { OutputOf } from '../../cloudfunctions/common/contract'
import { eventContract, type EventContract } from '../../cloudfunctions/common/contracts/event'
import type { Role } from '../../cloudfunctions/common/roles'
import { createClient } from './client'
import { userApi } from './user'

export const eventApi = createClient('event', eventContract)
export { eventContract } from '../../cloudfunctions/common/contracts/event'
export type { EventContract, EventSummary, EventView } from '../../cloudfunctions/common/contracts/event'
export type MyRegistration = OutputOf<EventContract['myRegistrations']>['items'][number]
export type Attendee = OutputOf<EventContract['attendees']>['confirmed'][number]
export type CheckinCode = OutputOf<EventContract['issueCheckinCode']>

/** Who publishes events (DESIGN §2: the owners' committee publishes, the party branch may do everything). */
export const EVENT_ORGANIZER_ROLES: readonly Role[] = ['committee', 'branch']

/**
 * Asks (WeChat only) for one 「活动提醒」 subscription message and records the acceptance, so the
 * reminder before the start can be sent. Must run straight from a tap, before any other await.
 * A refusal is normal and never an error.
 */
export async function askEventReminderSubscription(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || !LINLI_TEMPLATE_EVENT) return false
  try {
    const option = { tmplIds: [LINLI_TEMPLATE_EVENT] } as Taro.requestSubscribeMessage.Option
    // the answer is keyed by template id: 'accept' | 'reject' | 'ban' | 'filter'
    const res = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>
    if (res[LINLI_TEMPLATE_EVENT] !== 'accept') return false
    // recorded in the background: the registration itself must not wait for it
    void userApi.subscribe({ templateKeys: ['eventReminder'] })
    return true
  } catch {
    return false
  }
}

/** The text of the check-in QR code the organiser shows: `linli-checkin:<eventId>:<code>`. */
export function parseCheckinQr(text: string): { eventId: string; code: string } | null {
  const m = /^linli-checkin:([^:]+):(\d{6})$/.exec(text.trim())
  return m ? { eventId: m[1], code: m[2] } : null
}
