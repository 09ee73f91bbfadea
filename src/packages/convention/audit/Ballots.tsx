// Every ballot (choices: auditors only) and every written proxy, page by page.
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CHOICE_LABELS, formatArea } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { ErrorBlock, Loading } from '../../../components/StateView'
import { useResource } from '../../../hooks/useResource'
import { conventionApi } from '../../../services/convention'
import { eventTime } from '../../../utils/format'
import { Fact } from '../components'

const PROXY_STATES = { active: '有效', used: '已使用', revoked: '已撤销' } as const

/** `generation` changes when a ballot was entered or the vote closed: the first page is read again. */
export function Ballots({ conventionId, generation }: { conventionId: string; generation: number }) {
  const rows = useResource(() => conventionApi.ballots({ conventionId }), [conventionId, generation])
  const [more, setMore] = useState(false)
  const data = rows.data
  if (rows.error && !data) return <ErrorBlock message={rows.error} onRetry={() => void rows.reload()} />
  if (!data) return <Loading />
  const loadMore = async (cursor: string) => {
    setMore(true)
    const res = await conventionApi.ballots({ conventionId, cursor })
    setMore(false)
    if (res.ok) rows.setData({ ...res.data, items: [...data.items, ...res.data.items] })
  }
  return (
    <>
      <Card title={`选票（${data.items.length}${data.nextCursor ? '+' : ''}）`} className='js-ballots'>
        {data.items.length ? null : <Text className='ll-block ll-muted'>还没有选票</Text>}
        {data.items.map((b) => (
          <Fact key={b.ballotId} label={b.unit} className={`js-ballot-row js-ballot-${b.ballotId}`}>
            <Text className='ll-block'>{`${CHOICE_LABELS[b.choice]} · ${b.source === 'paper' ? '纸质' : '线上'}${b.area ? ` · ${formatArea(b.area)} ㎡` : ''}`}</Text>
            <Text className='ll-block ll-muted'>{`${eventTime(b.castAt)}${b.proxyName ? ` · 受托人 ${b.proxyName} 代投` : ''}${b.actedBy ? ` · ${b.actedBy.name} 代办（${b.actedBy.consentNote}）` : ''}`}</Text>
          </Fact>
        ))}
        {data.nextCursor ? (
          <Button block fill='outline' loading={more} className='js-load-more' onClick={() => void loadMore(data.nextCursor ?? '')}>
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
