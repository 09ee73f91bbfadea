// 办理: the buttons of the actions the caller may take now — exactly `view.can`, as the server decided.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import type { RequestView } from '../../../services/request'

export type Action = Exclude<RequestView['can'][number], 'confirm'>

const BUTTONS: ReadonlyArray<{ action: Action; label: string; primary?: boolean }> = [
  { action: 'accept', label: '受理', primary: true },
  { action: 'claim', label: '认领', primary: true },
  { action: 'start', label: '开始处理', primary: true },
  { action: 'resolve', label: '办结', primary: true },
  { action: 'note', label: '添加记录' },
  { action: 'escalate', label: '上报' },
  { action: 'transfer', label: '转派' },
  { action: 'reject', label: '不予受理' },
  { action: 'reopen', label: '重新办理' },
  { action: 'withdraw', label: '撤回' },
  { action: 'release', label: '放弃认领' },
]

export function Actions({ can, busy, error, onAction }: { can: RequestView['can']; busy: Action | null; error: string | null; onAction: (a: Action) => void }) {
  const buttons = BUTTONS.filter((b) => can.includes(b.action))
  if (!buttons.length) return null
  return (
    <Card title='办理' className='js-actions'>
      <View className='rq-actions'>
        {buttons.map((b) => (
          <Button
            key={b.action}
            type={b.primary ? 'primary' : 'default'}
            size='large'
            loading={busy === b.action}
            disabled={!!busy}
            className={`js-action-${b.action}`}
            onClick={() => onAction(b.action)}
          >
            {b.label}
          </Button>
        ))}
      </View>
      {error ? <Text className='ll-error-text js-action-error'>{error}</Text> : null}
    </Card>
  )
}
