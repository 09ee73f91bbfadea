// How residents take part: volunteer hours by team, event attendance, votes, notice reach.
import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { Empty } from '../../../components/StateView'
import type { Overview } from '../../../services/admin'
import { DataTable, Figures, hoursOf, percent } from '../components'

export function Volunteering({ d }: { d: Overview }) {
  const v = d.volunteerHours
  const top = Math.max(1, ...v.byTeam.map((t) => t.minutes))
  return (
    <Card title={`志愿服务时长 · 共 ${v.hours} 小时`} className='js-volunteer-hours'>
      {v.byTeam.length ? (
        <DataTable
          caption='志愿服务时长（按队伍）'
          columns={[
            { title: '队伍/组织方', key: true, cell: (t) => t.name },
            { title: '时长', cell: (t) => hoursOf(t.minutes) },
          ]}
          rows={v.byTeam}
          rowKey={(t) => t.name}
          rowClass={() => 'js-row'}
          bar={(t) => t.minutes / top}
        />
      ) : (
        <Empty text='这个月还没有核实的志愿服务时长' />
      )}
    </Card>
  )
}

export function Attendance({ d }: { d: Overview }) {
  const a = d.attendance
  return (
    <Card title='活动出勤' className='js-attendance'>
      <Figures
        items={[
          { label: '活动', value: String(a.events), className: 'js-events' },
          { label: '报名', value: String(a.registered), className: 'js-registered' },
          { label: '签到', value: String(a.checkedIn), className: 'js-checked-in' },
          { label: '签到率', value: percent(a.rate), className: 'js-attendance-rate' },
        ]}
      />
    </Card>
  )
}

export function Votes({ d }: { d: Overview }) {
  return (
    <Card title='表决参与' className='js-votes'>
      {d.voteParticipation.length ? (
        d.voteParticipation.map((v) => (
          <View key={v.conventionId} className={`adm-item js-vote-${v.conventionId}`}>
            <View className='adm-item__head'>
              <Text className='adm-item__title'>{v.title}</Text>
              <Text className='ll-text-2'>
                已投 {v.votedHeads} / {v.electorateHeads} 户 · {percent(v.rate)}
              </Text>
            </View>
            <DataTable
              caption={`${v.title} 各楼栋参与`}
              columns={[
                { title: '楼栋', key: true, cell: (b) => b.buildingName },
                { title: '已投', cell: (b) => b.voted },
                { title: '户数', cell: (b) => b.units },
                { title: '比例', cell: (b) => percent(b.units ? b.voted / b.units : null) },
              ]}
              rows={v.byBuilding}
              rowKey={(b) => b.buildingName}
              rowClass={() => 'js-row'}
              bar={(b) => (b.units ? b.voted / b.units : null)}
            />
          </View>
        ))
      ) : (
        <Empty text='目前没有进行中或已计票的表决' />
      )}
    </Card>
  )
}

export function NoticeReach({ d }: { d: Overview }) {
  return (
    <Card title='通知触达（已读住户）' className='js-notice-reach'>
      {d.noticeReach.length ? (
        <DataTable
          caption='通知触达'
          columns={[
            { title: '通知', key: true, cell: (n) => n.title },
            { title: '已读户', cell: (n) => n.readHouseholds },
            { title: '总户数', cell: (n) => n.totalHouseholds },
            { title: '触达率', cell: (n) => percent(n.reach) },
          ]}
          rows={d.noticeReach}
          rowKey={(n) => n.noticeId}
          rowClass={() => 'js-row'}
          bar={(n) => n.reach}
        />
      ) : (
        <Empty text='还没有发布的通知' />
      )}
    </Card>
  )
}
