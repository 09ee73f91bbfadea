// 活动报名: the typed client of the `event` cloud function, and the reminder subscription ask.
import type { OutputOf } from '@core/contract'
import type { EventContract } from '@core/event/contract'
import type { Role } from '@core/roles'
import { EVENT_ORGANISERS } from '@core/event/rules'
import { createClient } from './client'
import { askSubscription } from './user'

export const eventApi = createClient<EventContract>('event')
export type { EventContract, EventSummary, EventView } from '@core/event/contract'
export type MyRegistration = OutputOf<EventContract['myRegistrations']>['items'][number]
export type Attendee = OutputOf<EventContract['attendees']>['confirmed'][number]
export type CheckinCode = OutputOf<EventContract['issueCheckinCode']>

/** Who publishes events (DESIGN §2: the owners' committee publishes, the party branch may do everything). */
export const EVENT_ORGANIZER_ROLES: readonly Role[] = EVENT_ORGANISERS

/** WeChat only: one subscription message for this feature (see askSubscription). */
export const askEventReminderSubscription = (): Promise<boolean> => askSubscription(LINLI_TEMPLATE_EVENT, 'eventReminder')

/** The text of the check-in QR code the organiser shows: `linli-checkin:<eventId>:<code>`. */
export function parseCheckinQr(text: string): { eventId: string; code: string } | null {
  const m = /^linli-checkin:([^:]+):(\d{6})$/.exec(text.trim())
  return m ? { eventId: m[1], code: m[2] } : null
}
