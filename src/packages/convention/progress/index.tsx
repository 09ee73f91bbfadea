// 投票进度: per building, how many units have voted; for grid workers, the committee and auditors
// (canSeeNotVoted) the units still to vote — units only, never names or choices — and a reminder
// that goes only to those who have not voted; a grid worker taps a unit to enter its resident's paper ballot (代办).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PROXY_WORKERS } from '@core/admin/rules'
import { PROGRESS_READERS } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { group, tappable } from '../../../components/Tappable'
import { conventionApi, type Progress } from '../../../services/convention'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { percent, toast, useConventionId } from '../components'
import { ActingBallot, type ActingTarget } from './ActingBallot'

type Building = Progress['buildings'][number]

function Bar({ done, total, label }: { done: number; total: number; label: string }) {
  const width = total > 0 ? Math.min(100, Math.round((done * 100) / total)) : 0
  return (
    <View className='cv-bar' {...group('progressbar', `${label} ${width}%`)} aria-valuenow={width} aria-valuemin={0} aria-valuemax={100}>
      <View className='cv-bar__fill is-met' style={{ width: `${width}%` }} />
    </View>
  )
}

function BuildingCard(props: { b: Building; seeNotVoted: boolean; canRemind: boolean; onRemind: (buildingId: string) => void; onAct?: (t: ActingTarget) => void }) {
  const { b, seeNotVoted, canRemind, onRemind, onAct } = props
  return (
    <Card title={b.buildingName} extra={<Text className='js-building-count'>{`${b.voted} / ${b.units}`}</Text>} className={`js-progress-building js-progress-${b.buildingId}`}>
      <Bar done={b.voted} total={b.units} label={`${b.buildingName}已投票`} />
      <Text className='ll-block ll-muted'>{`已投票 ${percent(b.voted, b.units)}`}</Text>
      {seeNotVoted ? (
        b.notVoted.length ? (
          <>
            <Text className='ll-label'>{`未投票（${b.notVoted.length}）`}</Text>
            <View className='cv-units js-not-voted'>
              {b.notVoted.map((u) => (
                <Text
                  key={u}
                  className={`cv-unit ${onAct ? `ll-link js-act-unit-${b.buildingId}-${u}` : ''}`}
                  {...(onAct ? tappable(() => onAct({ buildingId: b.buildingId, buildingName: b.buildingName, label: u }), { label: `代办录入 ${u}` }) : {})}
                >
                  {u}
                </Text>
              ))}
            </View>
            {canRemind ? (
              <Button size='small' fill='outline' type='primary' className='js-remind-building' onClick={() => onRemind(b.buildingId)}>
                提醒本栋未投票住户
              </Button>
            ) : null}
          </>
        ) : b.voted >= b.units ? (
          <Text className='ll-block js-all-voted'>本栋已全部投票</Text>
        ) : null
      ) : null}
    </Card>
  )
}

function ProgressView({ conventionId }: { conventionId: string }) {
  const { hasRole } = useSession()
  const progress = useResource(() => conventionApi.progress({ conventionId }), [conventionId])
  useRefreshOnShow(progress.reload, progress.loading)
  const [busy, setBusy] = useState(false)
  const [acting, setActing] = useState<ActingTarget | null>(null)
  if (progress.error) return <ErrorBlock message={progress.error} onRetry={() => void progress.reload()} />
  if (!progress.data) return <Loading />
  const p = progress.data
  const canRemind = hasRole(...PROGRESS_READERS)

  const remind = async (buildingId?: string) => {
    const ok = await Taro.showModal({ title: '提醒投票', content: '只提醒还没有投票的住户（已订阅消息的会收到微信提醒）。', confirmText: '发送提醒', cancelText: '取消' }).catch(() => ({ confirm: false }))
    if (!ok.confirm) return
    setBusy(true)
    const res = await conventionApi.remind(buildingId ? { conventionId, buildingId } : { conventionId })
    setBusy(false)
    if (!res.ok) return toast(res.message)
    toast(`已提醒 ${res.data.reminded} 户`, 'success')
  }

  const actingDone = () => {
    setActing(null)
    void progress.reload()
  }

  return (
    <View className='js-progress-view'>
      <Card title='全小区' extra={<Text className='js-total-count'>{`${p.votedHeads} / ${p.electorateHeads}`}</Text>}>
        <Bar done={p.votedHeads} total={p.electorateHeads} label='全小区已投票' />
        <Text className='ll-block ll-muted'>{`已投票 ${percent(p.votedHeads, p.electorateHeads)}。投票进度公开，个人选择保密。`}</Text>
        {canRemind && p.canSeeNotVoted ? (
          <Button block size='large' type='primary' loading={busy} disabled={busy} className='js-remind' onClick={() => void remind()}>
            提醒未投票住户
          </Button>
        ) : null}
      </Card>
      {/* keyed by the unit: another unit's paper ballot starts afresh, nothing carried over */}
      {acting ? <ActingBallot key={`${acting.buildingId}|${acting.label}`} conventionId={conventionId} target={acting} onCancel={() => setActing(null)} onDone={actingDone} /> : null}
      {p.buildings.length ? null : <Empty text='还没有楼栋数据' />}
      {p.buildings.map((b) => (
        <BuildingCard key={b.buildingId} b={b} seeNotVoted={p.canSeeNotVoted} canRemind={canRemind} onRemind={(id) => void remind(id)} onAct={hasRole(...PROXY_WORKERS) ? setActing : undefined} />
      ))}
    </View>
  )
}

export default function ConventionProgress() {
  const conventionId = useConventionId()
  return <SessionPage title='投票进度' subtitle='按楼栋查看，楼栋长可上门提醒'>{conventionId ? <ProgressView conventionId={conventionId} /> : <Empty text='没有找到这个公约' />}</SessionPage>
}
