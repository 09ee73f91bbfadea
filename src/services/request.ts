// 你呼我应: the typed client of the `request` cloud function, and the subscription-message ask.
import type { RequestContract } from '@core/request/contract'
import { createClient } from './client'
import { askSubscription } from './user'

export const requestApi = createClient<RequestContract>('request')
export type { RequestSummary, RequestView } from '@core/request/contract'

/** WeChat only: one subscription message for this feature (see askSubscription). */
export const askRequestStatusSubscription = (): Promise<boolean> => askSubscription(LINLI_TEMPLATE_REQUEST_STATUS, 'requestStatus')
