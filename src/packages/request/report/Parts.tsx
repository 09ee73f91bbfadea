// 我要反映's side cards: similar reports of the last 24 hours nearby (我也遇到), and 代办.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Category } from '@core/request/rules'
import { Card } from '../../../components/Card'
import type { FormProblem } from '../../../components/FormField'
import { ProxyPicker, type ProxyChoice } from '../../../components/ProxyPicker'
import { StateTag } from '../../../components/RequestRow'
import { Toggle } from '../../../components/Toggle'
import { requestApi, type RequestSummary } from '../../../services/request'
import { MetooButton } from '../components'

export function SimilarHint({ buildingId, category }: { buildingId: string; category: Category }) {
  const [items, setItems] = useState<RequestSummary[]>([])
  useEffect(() => {
    let live = true
    setItems([])
    void requestApi.similar({ buildingId, category }).then((res) => {
      // only a hint: a failure here must not get in the way of reporting
      if (live && res.ok) setItems(res.data.items)
    })
    return () => {
      live = false
    }
  }, [buildingId, category])
  if (!items.length) return null
  const onlyMine = items.every((i) => i.mine)
  return (
    <Card title='24小时内同楼栋已有类似反映' className='rq-hint js-similar'>
      <Text className='ll-block ll-muted js-similar-tip'>
        {onlyMine
          ? '您 24 小时内已经反映过同类问题，工作人员正在跟进。如果是另一件事，仍然可以提交。'
          : '可能已经有邻居反映过这件事，工作人员正在跟进。遇到同样的问题点「我也遇到」即可；如果情况不同，仍然可以提交。'}
      </Text>
      {items.map((i) => (
        <View key={i.requestId} className='rq-hint__item js-similar-item'>
          <StateTag state={i.state} />
          <Text className='rq-hint__text'>{i.mine ? `（我反映的）${i.excerpt}` : i.excerpt}</Text>
          {!i.mine && i.excerpt !== '（内容未公开）' ? <MetooButton item={i} /> : null}
        </View>
      ))}
    </Card>
  )
}

/** 代办 (grid workers and the branch): file for a verified resident without a phone, consent noted. */
export function ProxyCard({ on, onToggle, choice, onChoice, problem }: { on: boolean; onToggle: (on: boolean) => void; choice: ProxyChoice; onChoice: (c: ProxyChoice) => void; problem: FormProblem | null }) {
  return (
    <Card className='js-proxy-card'>
      <View className='ll-row' style={{ justifyContent: 'space-between' }}>
        <Text>代居民提交（代办）</Text>
        <Toggle checked={on} onChange={onToggle} label='代居民提交（代办）' className='js-proxy-toggle' />
      </View>
      {on ? (
        <>
          <Text className='ll-block ll-muted'>为没有智能手机的已认证居民反映问题。反映记在居民名下，处理进度和结果居民登录后能看到。</Text>
          <ProxyPicker value={choice} onChange={onChoice} problem={problem} />
        </>
      ) : null}
    </Card>
  )
}
