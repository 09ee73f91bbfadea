// 我的志愿服务: my teams, my booked shifts, my hours (verified only count) by month and by team, every
// record with its status, asking for a correction, the CSV export and the certificate.
import { SessionPage } from '../../../components/SessionPage'
import { Hours } from './Hours'
import { TeamsAndShifts } from './TeamsAndShifts'

export default function VolunteerMinePage() {
  return (
    <SessionPage title='我的志愿服务' subtitle='队伍、班次、服务时长与证明'>
      <Hours />
      <TeamsAndShifts />
    </SessionPage>
  )
}
