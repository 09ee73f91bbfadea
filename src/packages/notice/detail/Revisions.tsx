// 修改记录 of a notice: every edit of a 物业公示 (public to all readers), else the latest edit — each
// change a fee line with its old and new amounts, or the old and new title or text.
import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import type { NoticeView } from '../../../services/notice'
import { eventTime } from '../../../utils/format'
import { money } from '../components'

type Revision = NoticeView['history'][number]
type Change = Revision['changes'][number]

const amount = (v: number | null) => (v === null ? '—' : money(v))

/** One change of an edit: a fee line with its old and new amounts, or the old and new title or text. */
function ChangeLine({ change }: { change: Change }) {
  if (change.field === 'fee') {
    const what = change.beforeAmount === null ? '新增' : change.afterAmount === null ? '删除' : '金额'
    return (
      <Text className='ll-block ntc-change js-change js-change-fee'>
        {change.label} {what}：{amount(change.beforeAmount)} 元 → {amount(change.afterAmount)} 元
      </Text>
    )
  }
  if (change.field === 'title') {
    return (
      <Text className='ll-block ntc-change js-change js-change-title'>
        标题：「{change.before}」改为「{change.after}」
      </Text>
    )
  }
  if (change.field === 'content') {
    return (
      <View className='ntc-change js-change js-change-content'>
        <Text className='ll-block'>正文已修改，修改前：</Text>
        <Text className='ll-block ll-muted ntc-change__before'>{change.before}</Text>
      </View>
    )
  }
  return <Text className='ll-block ntc-change js-change'>{change.label}已修改</Text>
}

/** 修改记录: every edit of a 物业公示 (public to all readers), else the latest edit. */
export function Revisions({ history, historyPublic }: { history: Revision[]; historyPublic: boolean }) {
  if (!history.length) return null
  return (
    <Card title={historyPublic ? '修改记录（公开）' : '最近一次修改'} className='js-notice-history'>
      {history.map((r) => (
        <View key={r.version} className='ntc-revision js-revision'>
          <Text className='ll-block ll-text-2'>
            {eventTime(r.editedAt)} 修改（第 {r.version} 版）
          </Text>
          {r.changes.map((c, i) => (
            <ChangeLine key={i} change={c} />
          ))}
        </View>
      ))}
    </Card>
  )
}

