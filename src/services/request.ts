// 你呼我应: the typed client of the `request` cloud function, and the subscription-message ask.
import { requestContract } from '../../cloudfunctions/common/contracts/request'
import { createClient } from './client'
import { askSubscription } from './user'

export const requestApi = createClient('request', requestContract)
export { requestContract } from '../../cloudfunctions/common/contracts/request'
export type { RequestSummary, RequestView } from '../../cloudfunctions/common/contracts/request'

/** WeChat only: one subscription message for this feature (see askSubscription). */
export const askRequestStatusSubscription = (): Promise<boolean> => askSubscription(LINLI_TEMPLATE_REQUEST_STATUS, 'requestStatus')
