// Pieces shared by the 志愿服务 pages: ?id=, the vocabulary as tags, one shift row, the 6-digit
// code form, a required-reason dialog, bars and stars, and a date-and-time field.
import { useEffect, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Dialog, Input, Tag, TextArea } from '@nutui/nutui-react-taro'
import { group, tappable } from '../../components/Tappable'
import { MEMBERSHIP_LABELS, TEAM_KIND_LABELS, type MembershipState, type TeamKind } from '@core/volunteer/rules'
import type { RecordView, ShiftView } from '../../services/volunteer'
import { eventTimeRange } from '../../utils/format'
import { Fact } from '../../components/Fact'
import './volunteer.scss'

/** Reads `?name=` of this page ('' when there is none). */
export function useParam(name = 'id'): string {
  const raw = useRouter()?.params?.[name] ?? ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

export { splitSkills } from '@core/volunteer/form'

export function toast(title: string, icon: 'success' | 'none' = 'none') {
  void Taro.showToast({ title, icon })
}

export function KindTag({ kind }: { kind: TeamKind }) {
  return (
    <Tag plain background='#c8161d' className='js-team-kind'>
      {TEAM_KIND_LABELS[kind]}
    </Tag>
  )
}

const MEMBERSHIP_COLOURS: Record<MembershipState, string> = { pending: '#ad4e00', active: '#237804', declined: '#595959', left: '#595959', removed: '#595959' }

/** 待审核 / 已加入 / … (nothing when the caller has no membership). */
export function MembershipTag({ status }: { status: MembershipState | null }) {
  if (!status) return null
  return (
    <Tag background={MEMBERSHIP_COLOURS[status]} color='#ffffff' className='js-my-status'>
      {MEMBERSHIP_LABELS[status]}
    </Tag>
  )
}

export const RECORD_STATUS_LABELS: Record<RecordView['status'], string> = { pending: '待核实', verified: '已核实', rejected: '已退回', corrected: '已更正' }
const RECORD_COLOURS: Record<RecordView['status'], string> = { pending: '#ad4e00', verified: '#237804', rejected: '#a8071a', corrected: '#595959' }

export function RecordStatusTag({ status }: { status: RecordView['status'] }) {
  return (
    <Tag background={RECORD_COLOURS[status]} color='#ffffff' className='js-record-status'>
      {RECORD_STATUS_LABELS[status]}
    </Tag>
  )
}

export { Fact }

/**
 * One shift: when, where, seats, my booking; the book and cancel buttons come from `can`, and when
 * booking is not possible the function's reason (`bookable`) is shown instead.
 */
export function ShiftRow(props: { shift: ShiftView; busy: boolean; onBook?: () => void; onCancel?: () => void; showTeam?: boolean; children?: ReactNode }) {
  const { shift: s, busy, onBook, onCancel } = props
  const booked = s.mine?.status === 'booked'
  return (
    <View className={`vo-shift js-shift js-shift-${s.shiftId}`}>
      <View className='ll-row'>
        <Text className='vo-shift__time js-shift-time'>{eventTimeRange(s.startAt, s.endAt)}</Text>
        {booked ? (
          <Tag background='#0958d9' color='#ffffff' className='js-shift-booked'>
            {s.mine?.checkedOutAt ? '已签退' : s.mine?.checkedInAt ? '已签到' : '已预约'}
          </Tag>
        ) : null}
        {s.risky ? <Tag plain background='#a8071a'>有风险</Tag> : null}
      </View>
      <Text className='ll-block ll-muted'>
        {props.showTeam ? `${s.teamName} · ` : ''}
        {s.place} · 已约 {s.booked}/{s.capacity}
      </Text>
      {s.can.book && onBook ? (
        <Button type='primary' size='small' loading={busy} disabled={busy} className='js-book' onClick={onBook}>
          预约
        </Button>
      ) : null}
      {s.can.cancel && onCancel ? (
        <Button size='small' fill='outline' disabled={busy} className='js-cancel-shift' onClick={onCancel}>
          取消预约
        </Button>
      ) : null}
      {!s.can.book && s.bookable && !booked ? <Text className='ll-block vo-why js-bookable'>{s.bookable}</Text> : null}
      {props.children}
    </View>
  )
}

/** 签到 / 签退 with the leader's rotating 6-digit code. */
export function CodeCheck({ onCheck }: { onCheck: (kind: 'in' | 'out', code: string) => Promise<string | null> }) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const send = async (kind: 'in' | 'out') => {
    setBusy(true)
    const problem = await onCheck(kind, code.trim())
    setBusy(false)
    setError(problem)
    if (!problem) setCode('')
  }
  return (
    <View className='vo-check js-code-check'>
      <View className='ll-field vo-check__field'>
        <Input className='js-code-input' type='number' placeholder='队长出示的 6 位签到码' maxLength={6} value={code} onChange={(t: string) => setCode(t)} />
      </View>
      <View className='vo-actions'>
        <Button type='primary' size='small' disabled={busy} className='js-check-in' onClick={() => void send('in')}>
          签到
        </Button>
        <Button size='small' disabled={busy} className='js-check-out' onClick={() => void send('out')}>
          签退
        </Button>
      </View>
      {error ? <Text className='ll-error-text js-check-error'>{error}</Text> : null}
    </View>
  )
}

/**
 * A dialog asking for a reason (decline, remove, return a record). `onConfirm` answers a problem to
 * show, or null when done; NutUI closes the dialog when the handler resolves and keeps it on a throw.
 */
export function ReasonDialog(props: { visible: boolean; title: string; tip: string; confirmText: string; onConfirm: (reason: string) => Promise<string | null>; onClose: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (props.visible) {
      setReason('')
      setError(null)
    }
  }, [props.visible])
  const confirm = async () => {
    const problem = reason.trim() ? await props.onConfirm(reason.trim()) : '请写明理由'
    setError(problem)
    if (problem) throw new Error(problem)
  }
  return (
    <Dialog visible={props.visible} title={props.title} confirmText={props.confirmText} cancelText='取消' onConfirm={confirm} onCancel={props.onClose} onClose={props.onClose}>
      <View className='js-reason-dialog'>
        <Text className='ll-block ll-muted'>{props.tip}</Text>
        <View className='vo-textarea'>
          <TextArea className='js-reason-input' placeholder='请写明理由' value={reason} maxLength={100} showCount onChange={(t: string) => setReason(t)} />
        </View>
        {error ? <Text className='ll-error-text js-reason-error'>{error}</Text> : null}
      </View>
    </Dialog>
  )
}

/** A labelled bar per row, the longest filling the width (hours by team, by month). */
export function Bars({ rows, className }: { rows: Array<{ key: string; label: string; value: number; text: string }>; className?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value))
  return (
    <View className={`vo-bars ${className ?? ''}`}>
      {rows.map((r) => (
        <View key={r.key} className={`vo-bar js-bar-${r.key}`}>
          <Text className='vo-bar__label'>{r.label}</Text>
          <View className='vo-bar__track'>
            <View className='vo-bar__fill' style={{ width: `${Math.round((r.value / max) * 100)}%` }} />
          </View>
          <Text className='vo-bar__text'>{r.text}</Text>
        </View>
      ))}
    </View>
  )
}

export function Stars({ n }: { n: number }) {
  return (
    <Text className='vo-stars' aria-label={`${n} 星`}>
      {'★'.repeat(n)}
      {'☆'.repeat(Math.max(0, 5 - n))}
    </Text>
  )
}

export { DateTimeField } from '../../components/DateTimeField'

/** One choice of a few, as tiles (a member to log hours for, a team kind). */
export function Choices<T extends string>(props: { options: ReadonlyArray<{ value: T; label: string }>; value: T | null; onChange: (v: T) => void; label?: string; className?: string }) {
  return (
    <View className={`ll-choice-row ${props.className ?? ''}`} {...group('radiogroup', props.label)}>
      {props.options.map((o) => (
        <View key={o.value} className={`ll-choice js-choice-${o.value} ${props.value === o.value ? 'is-selected' : ''}`} {...tappable(() => props.onChange(o.value), { role: 'radio', checked: props.value === o.value })}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}

export { Tabs } from '../../components/Tabs'
