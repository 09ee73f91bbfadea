// 监票: for the auditors (view.can.audit) every ballot with its choice, source and proxy, the
// written proxies, paper ballot entry, the live tally and the export of the record; for the
// drafters closing, finalizing, answering objections and filing.
import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { CHOICE_LABELS, formatArea } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { conventionUrl, go } from '../../../routes'
import { conventionApi, type BallotRows, type ConventionView } from '../../../services/convention'
import { saveCsv } from '../../../services/platform'
import { eventTime } from '../../../utils/format'
import { CloseAndFinalize, Filing, ObjectionAnswers, PaperBallots } from '../audit-parts'
import { Fact, PhaseTag, VoteFacts, WithConvention, toast, useConventionId } from '../components'

const PROXY_STATES = { active: '有效', used: '已使用', revoked: '已撤销' } as const

/** Every ballot (choices: auditors only) and every written proxy, page by page. */
function Ballots({ conventionId, generation }: { conventionId: string; generation: number }) {
  const [data, setData] = useState<BallotRows | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [more, setMore] = useState(false)
  const load = useCallback(
    async (cursor?: string) => {
      const res = await conventionApi.ballots(cursor ? { conventionId, cursor } : { conventionId })
      if (!res.ok) return setError(res.message)
      setError(null)
      setData((cur) => (cursor && cur ? { ...res.data, items: [...cur.items, ...res.data.items] } : res.data))
    },
    [conventionId],
  )
  useEffect(() => {
    void load()
  }, [load, generation])
  if (error && !data) return <ErrorBlock message={error} onRetry={() => void load()} />
  if (!data) return <Loading />
  return (
    <>
      <Card title={`选票（${data.items.length}${data.nextCursor ? '+' : ''}）`} className='js-ballots'>
        {data.items.length ? null : <Text className='ll-block ll-muted'>还没有选票</Text>}
        {data.items.map((b) => (
          <Fact key={b.ballotId} label={b.unit} className={`js-ballot-row js-ballot-${b.ballotId}`}>
            <Text className='ll-block'>{`${CHOICE_LABELS[b.choice]} · ${b.source === 'paper' ? '纸质' : '线上'}${b.area ? ` · ${formatArea(b.area)} ㎡` : ''}`}</Text>
            <Text className='ll-block ll-muted'>{`${eventTime(b.castAt)}${b.proxyName ? ` · 受托人 ${b.proxyName} 代投` : ''}`}</Text>
          </Fact>
        ))}
        {data.nextCursor ? (
          <Button
            block
            fill='outline'
            loading={more}
            className='js-load-more'
            onClick={async () => {
              setMore(true)
              await load(data.nextCursor ?? undefined)
              setMore(false)
            }}
          >
            加载更多
          </Button>
        ) : null}
      </Card>
      <Card title={`委托书（${data.proxies.length}）`} className='js-proxies'>
        {data.proxies.length ? null : <Text className='ll-block ll-muted'>没有委托</Text>}
        {data.proxies.map((p) => (
          <Fact key={p.proxyId} label={p.unit} className={`js-proxy-row js-proxy-${p.proxyId}`}>
            <Text className='ll-block'>{`${p.grantorName} 委托 ${p.proxyName}（${PROXY_STATES[p.state]}）`}</Text>
            <Text className='ll-block ll-muted'>{eventTime(p.at)}</Text>
          </Fact>
        ))}
      </Card>
    </>
  )
}

function Exports({ conventionId }: { conventionId: string }) {
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null)
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format)
    const res = await conventionApi.exportRecord({ conventionId, format })
    setBusy(null)
    if (!res.ok) return toast(res.message)
    const { csv, url, filename, rows } = res.data
    if (format === 'csv' && csv !== null) {
      const how = await saveCsv(filename, csv).catch(() => null)
      if (how === 'downloaded') toast(`已导出 ${rows} 条`, 'success')
      else if (how === 'copied') void Taro.showModal({ title: '表决记录已复制', content: `共 ${rows} 条（CSV）已复制到剪贴板，可粘贴到电脑保存为 .csv 文件。`, showCancel: false, confirmText: '知道了' })
      else toast('导出失败，请重试')
      return
    }
    if (!url) return toast('导出文件还没有生成，请稍后再试')
    if (process.env.TARO_ENV === 'h5') window.open(url, '_blank')
    else void Taro.setClipboardData({ data: url }).then(() => toast('下载链接已复制'))
  }
  return (
    <Card title='导出表决记录' className='js-export'>
      <Text className='ll-block ll-muted'>包括选票、纸质录入、委托书、计票所用名册和操作记录，依法保存至少一年。</Text>
      <View className='cv-buttons'>
        <Button size='large' loading={busy === 'csv'} disabled={!!busy} className='js-export-csv' onClick={() => void run('csv')}>
          导出 CSV
        </Button>
        <Button size='large' loading={busy === 'xlsx'} disabled={!!busy} className='js-export-xlsx' onClick={() => void run('xlsx')}>
          导出 Excel
        </Button>
      </View>
    </Card>
  )
}

function Audit({ v, reload }: { v: ConventionView; reload: () => Promise<void> }) {
  const [generation, setGeneration] = useState(0)
  const allowed = v.can.audit || v.can.close || v.can.finalize || v.can.answer || v.can.filing
  if (!allowed) return <Empty text='只有本次表决的监票人和业委会可以查看' />
  const refresh = () => {
    setGeneration((g) => g + 1)
    void reload()
  }
  return (
    <View className='js-audit'>
      <Card title={v.title} extra={<PhaseTag phase={v.phase} />}>
        {v.vote ? <VoteFacts vote={v.vote} /> : <Text className='ll-block ll-muted'>还没有发起表决</Text>}
        <View className='cv-buttons'>
          {v.can.tally ? (
            <Button size='large' type='primary' className='js-live-tally' onClick={() => go(conventionUrl(v.conventionId, 'conventionResult'))}>
              {v.vote?.open ? '实时计票' : '计票结果'}
            </Button>
          ) : null}
          {v.can.progress ? (
            <Button size='large' className='js-progress' onClick={() => go(conventionUrl(v.conventionId, 'conventionProgress'))}>
              投票进度
            </Button>
          ) : null}
        </View>
      </Card>
      <CloseAndFinalize v={v} reload={refresh} />
      {v.can.audit && v.vote?.open ? <PaperBallots conventionId={v.conventionId} onEntered={refresh} /> : null}
      {v.can.audit ? <Ballots conventionId={v.conventionId} generation={generation} /> : null}
      {v.can.audit ? <Exports conventionId={v.conventionId} /> : null}
      {v.result ? <ObjectionAnswers conventionId={v.conventionId} canAnswer={v.can.answer} /> : null}
      <Filing v={v} reload={refresh} />
    </View>
  )
}

export default function ConventionAudit() {
  const conventionId = useConventionId()
  return (
    <SessionPage title='监票' subtitle='个人选择只有监票人可见'>
      {conventionId ? <WithConvention conventionId={conventionId}>{(v, reload) => <Audit v={v} reload={reload} />}</WithConvention> : <Empty text='没有找到这个公约' />}
    </SessionPage>
  )
}
