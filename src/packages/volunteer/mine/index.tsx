// 我的志愿服务: my teams, my booked shifts, my hours (verified only count) by month and by team, every
// record with its status, asking for a correction, the CSV export and the certificate.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { SOURCE_LABELS } from '@core/volunteer/rules'
import { Card } from '../../../components/Card'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, RemoteView } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { ROUTES, go, teamUrl } from '../../../routes'
import { isWeapp, saveCsv } from '../../../services/platform'
import { firstProblem } from '../../../services/validate'
import { volunteerApi, volunteerContract, type RecordView } from '../../../services/volunteer'
import { useResource } from '../../../hooks/useResource'
import { eventTimeRange } from '../../../utils/format'
import { formTimeToIso, isoToFormTime } from '../../../utils/formTime'
import { Bars, DateTimeField, MembershipTag, RecordStatusTag, ShiftRow, toast } from '../components'

function CorrectionForm({ record, onDone }: { record: RecordView; onDone: () => void }) {
  const [start, setStart] = useState(isoToFormTime(record.startAt))
  const [end, setEnd] = useState(isoToFormTime(record.endAt))
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    const data = { recordId: record.recordId, startAt: formTimeToIso(start), endAt: formTimeToIso(end), reason: reason.trim() }
    const problem = firstProblem(volunteerContract.correctService.input, data)
    if (problem) return setError(problem)
    setBusy(true)
    const res = await volunteerApi.correctService(data)
    setBusy(false)
    if (!res.ok) return setError(res.message)
    toast('已提交更正，待队长核实', 'success')
    onDone()
  }
  return (
    <View className='js-correction-form'>
      <DateTimeField label='实际开始' name='fix-start' value={start} onChange={setStart} />
      <DateTimeField label='实际结束' name='fix-end' value={end} onChange={setEnd} />
      <Text className='ll-label'>更正原因</Text>
      <View className='ll-field'>
        <Input className='js-correction-reason' value={reason} maxLength={100} placeholder='如 签退时忘记操作，实际 11:30 结束' onChange={(v: string) => setReason(v)} />
      </View>
      {error ? <Text className='ll-error-text js-correction-error'>{error}</Text> : null}
      <Button type='primary' size='small' loading={busy} disabled={busy} className='js-correction-submit' onClick={() => void send()}>
        提交更正
      </Button>
    </View>
  )
}

function RecordRow({ record: r, onChanged }: { record: RecordView; onChanged: () => void }) {
  const [fixing, setFixing] = useState(false)
  return (
    <View className={`vo-row js-record js-record-${r.recordId}`}>
      <View className='ll-row'>
        <Text className='vo-shift__time'>{r.content}</Text>
        <RecordStatusTag status={r.status} />
      </View>
      <Text className='ll-block ll-muted'>
        {r.teamName ?? r.organizer} · {SOURCE_LABELS[r.source]} · {eventTimeRange(r.startAt, r.endAt)}
      </Text>
      <Text className='ll-block js-record-hours'>{r.hours} 小时</Text>
      {r.rejectReason ? <Text className='ll-block vo-why'>退回理由：{r.rejectReason}</Text> : null}
      {r.status === 'verified' || r.status === 'pending' ? (
        <Text className='ll-block ll-text-2 js-correct' {...tappable(() => setFixing(!fixing), { expanded: fixing })}>
          {fixing ? '收起' : '时间有误？申请更正 ›'}
        </Text>
      ) : null}
      {fixing ? (
        <CorrectionForm
          record={r}
          onDone={() => {
            setFixing(false)
            onChanged()
          }}
        />
      ) : null}
    </View>
  )
}

function Hours() {
  const record = useResource(() => volunteerApi.myRecord({}), [])
  useRefreshOnShow(record.reload, record.loading)
  const [exporting, setExporting] = useState(false)
  const exportCsv = async () => {
    setExporting(true)
    const res = await volunteerApi.exportMyRecord({})
    if (!res.ok) {
      setExporting(false)
      return toast(res.message)
    }
    try {
      const how = await saveCsv(res.data.filename, res.data.csv)
      if (how === 'downloaded') toast(`已导出 ${res.data.rows} 条`, 'success')
      else void Taro.showModal({ title: '服务记录已复制', content: `共 ${res.data.rows} 条记录（CSV 格式）已复制到剪贴板，可粘贴发送到电脑保存为 .csv 文件。`, showCancel: false, confirmText: '知道了' })
    } catch {
      toast('导出失败，请重试')
    }
    setExporting(false)
  }
  return (
    <RemoteView {...record} onRetry={() => void record.reload()}>
      {(d) => (
        <>
          <Card title='我的服务时长' className='js-my-hours'>
            <Text className='vo-total js-total-hours'>{d.totalHours} 小时</Text>
            <Text className='ll-block ll-muted js-points'>积分 {d.points} · 只有队长核实过的时长才计入</Text>
            {d.byMonth.length ? <Bars className='js-by-month' rows={d.byMonth.map((m) => ({ key: m.month, label: m.month, value: m.minutes, text: `${m.hours} 小时` }))} /> : null}
            {d.byTeam.length ? <Bars className='js-by-team' rows={d.byTeam.map((t, i) => ({ key: `t${i}`, label: t.team, value: t.minutes, text: `${t.hours} 小时` }))} /> : null}
            <View className='vo-actions'>
              <Button type='primary' size='large' className='js-certificate' onClick={() => go(ROUTES.volunteerCertificate)}>
                志愿服务证明
              </Button>
              <Button size='large' loading={exporting} disabled={exporting} className='js-export' onClick={() => void exportCsv()}>
                导出记录
              </Button>
            </View>
            <Text className='ll-block ll-muted'>{isWeapp ? '导出会把记录（CSV）复制到剪贴板。' : '导出会下载记录（CSV，可用 Excel 打开）。'}</Text>
          </Card>
          <Card title='服务记录' className='js-records'>
            {d.records.length ? d.records.map((r) => <RecordRow key={r.recordId} record={r} onChanged={() => void record.reload()} />) : <Empty text='还没有服务记录' />}
          </Card>
        </>
      )}
    </RemoteView>
  )
}

function TeamsAndShifts() {
  const teams = useResource(() => volunteerApi.listTeams({ mine: true }), [])
  const shifts = useResource(() => volunteerApi.shifts({ mine: true }), [])
  useRefreshOnShow(() => Promise.all([teams.reload(), shifts.reload()]), teams.loading || shifts.loading)
  return (
    <>
      <Card title='我的队伍' className='js-my-teams'>
        <RemoteView {...teams} onRetry={() => void teams.reload()} isEmpty={(d) => !d.items.length} emptyText='还没有加入志愿服务队'>
          {(d) =>
            d.items.map((t) => (
              <View key={t.teamId} className={`vo-row js-my-team-${t.teamId}`} {...tappable(() => go(teamUrl(t.teamId)), { role: 'link' })}>
                <View className='ll-row'>
                  <Text className='vo-team__name'>{t.name}</Text>
                  <MembershipTag status={t.mine} />
                </View>
              </View>
            ))
          }
        </RemoteView>
      </Card>
      <Card title='我预约的班次' className='js-my-shifts'>
        <RemoteView {...shifts} onRetry={() => void shifts.reload()} isEmpty={(d) => !d.items.length} emptyText='还没有预约班次'>
          {(d) => d.items.map((s) => <ShiftRow key={s.shiftId} shift={s} busy={false} showTeam />)}
        </RemoteView>
      </Card>
    </>
  )
}

export default function VolunteerMinePage() {
  return (
    <SessionPage title='我的志愿服务' subtitle='队伍、班次、服务时长与证明'>
      <Hours />
      <TeamsAndShifts />
    </SessionPage>
  )
}
