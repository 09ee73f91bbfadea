// 投票进度: per building, how many units have voted; for grid workers, the committee and auditors
// (canSeeNotVoted) the units still to vote — units only, never names or choices — and a reminder
// that goes only to those who have not voted.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PROGRESS_READERS } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { group } from '../../../components/Tappable'
import { conventionApi, type Progress } from '../../../services/convention'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { percent, toast, useConventionId } from '../components'

type Building = Progress['buildings'][number]

function Bar({ done, total, label }: { done: number; total: number; label: string }) {
  const width = total > 0 ? Math.min(100, Math.round((done * 100) / total)) : 0
  return (
    <View className='cv-bar' {...group('progressbar', `${label} ${width}%`)} aria-valuenow={width} aria-valuemin={0} aria-valuemax={100}>
      <View className='cv-bar__fill is-met' style={{ width: `${width}%` }} />
    </View>
  )
}

function BuildingCard({ b, seeNotVoted, canRemind, onRemind }: { b: Building; seeNotVoted: boolean; canRemind: boolean; onRemind: (buildingId: string) => void }) {
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
                <Text key={u} className='cv-unit'>
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
      {p.buildings.length ? null : <Empty text='还没有楼栋数据' />}
      {p.buildings.map((b) => (
        <BuildingCard key={b.buildingId} b={b} seeNotVoted={p.canSeeNotVoted} canRemind={canRemind} onRemind={(id) => void remind(id)} />
      ))}
    </View>
  )
}

export default function ConventionProgress() {
  const conventionId = useConventionId()
  return <SessionPage title='投票进度' subtitle='按楼栋查看，楼栋长可上门提醒'>{conventionId ? <ProgressView conventionId={conventionId} /> : <Empty text='没有找到这个公约' />}</SessionPage>
}
