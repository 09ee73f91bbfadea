// 公约与表决: the typed client of the `convention` cloud function, and the vote reminder subscription ask.
import type { OutputOf } from '@core/contract'
import type { ConventionContract } from '@core/convention/contract'
import { createClient } from './client'
import { askSubscription } from './user'

export const conventionApi = createClient<ConventionContract>('convention')
export type { ConventionContract, ConventionSummary, ConventionView, CommentView, TallyView, VoteInfo } from '@core/convention/contract'
export type Progress = OutputOf<ConventionContract['progress']>
export type BallotRows = OutputOf<ConventionContract['ballots']>
export type Objection = OutputOf<ConventionContract['objections']>['items'][number]
export type Comparison = OutputOf<ConventionContract['compare']>

/** WeChat only: one subscription message for vote reminders (see askSubscription). */
export const askVoteReminderSubscription = (): Promise<boolean> => askSubscription(LINLI_TEMPLATE_VOTE, 'voteReminder')
