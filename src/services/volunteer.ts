// 志愿服务: the typed client of the `volunteer` cloud function.
import type { OutputOf } from '@core/contract'
import type { VolunteerContract } from '@core/volunteer/contract'
import { createClient } from './client'

export const volunteerApi = createClient<VolunteerContract>('volunteer')
export type { VolunteerContract, TeamSummary, TeamView, ShiftView, RecordView, CertificateView } from '@core/volunteer/contract'
export type Member = OutputOf<VolunteerContract['members']>['items'][number]
export type MyRecord = OutputOf<VolunteerContract['myRecord']>
export type Leaderboard = OutputOf<VolunteerContract['leaderboard']>
export type LeaderRatings = OutputOf<VolunteerContract['leaderRatings']>
export type TeamStats = OutputOf<VolunteerContract['teamStats']>
export type CertificateCheck = OutputOf<VolunteerContract['verifyCertificate']>

/** The number in a certificate's QR code: the check page's URL (`…/verify/index?number=<number>`), or `linli-cert:<number>` where no H5 site is set. */
export function parseCertificateQr(text: string): string | null {
  const m = /^linli-cert:([0-9A-Z]+)$/i.exec(text.trim()) ?? /\/packages\/volunteer\/verify\/index\?(?:.*&)?number=([0-9A-Z]+)(?:&|$)/i.exec(text.trim())
  return m ? m[1].toUpperCase() : null
}
