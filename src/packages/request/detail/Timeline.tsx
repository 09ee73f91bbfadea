// 办理过程: every step of a request, who took it (and in what role), its note and photos.
import { Text, View } from '@tarojs/components'
import { STATE_LABELS } from '@core/request/rules'
import { ROLE_LABELS } from '@core/roles'
import { Card } from '../../../components/Card'
import { PhotoGrid } from '../../../components/PhotoPicker'
import { StateTag } from '../../../components/RequestRow'
import type { RequestView } from '../../../services/request'
import { dateTime } from '../../../utils/format'

type Entry = RequestView['timeline'][number]

const ACTION_LABELS: Record<string, string> = {
  create: '提交反映',
  accept: '受理',
  claim: '认领',
  release: '放弃认领',
  start: '开始处理',
  note: '添加记录',
  resolve: '办结',
  confirm: '评价',
  reopen: '重新办理',
  escalate: '上报',
  transfer: '转派',
  reject: '不予受理',
  withdraw: '撤回',
  autoClose: '到期自动办结',
  deliberate: '三方联席会议商议',
}

/** 网格员 for 'grid'; a label the server already wrote stays as it is. */
export function roleText(role: string | null): string {
  if (!role) return ''
  return (ROLE_LABELS as Record<string, string | undefined>)[role] ?? role
}

export function Timeline({ entries, urls }: { entries: Entry[]; urls: Record<string, string> }) {
  return (
    <Card title='办理过程' className='js-timeline'>
      <View className='rq-timeline'>
        {entries.map((e, i) => (
          <View key={`${e.at}-${i}`} className={`rq-step js-step ${i === entries.length - 1 ? 'is-last' : ''}`}>
            <View className='rq-step__head'>
              <Text className='rq-step__state'>{ACTION_LABELS[e.action] ?? STATE_LABELS[e.toState]}</Text>
              <StateTag state={e.toState} />
            </View>
            <Text className='ll-block ll-muted'>
              {dateTime(e.at)} · {e.actor}
              {e.actorRole ? `（${roleText(e.actorRole)}）` : ''}
            </Text>
            {e.note ? <Text className='rq-step__note'>{e.note}</Text> : null}
            <PhotoGrid ids={e.photos} urls={urls} small className='js-step-photos' />
          </View>
        ))}
      </View>
    </Card>
  )
}
