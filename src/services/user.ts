import { userContract } from '../../cloudfunctions/common/contracts/user'
import { createClient } from './client'

export const userApi = createClient('user', userContract)
export { PRIVACY_VERSION } from '../../cloudfunctions/common/contracts/user'
export type { Session } from '../../cloudfunctions/common/contracts/user'
