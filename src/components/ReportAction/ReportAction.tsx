// 举报: one tap opens a sheet of reasons; the report goes to the committee's moderation queue (one per
// person per item — a second report, or one of your own post, answers with the function's message).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Dialog, TextArea } from '@nutui/nutui-react-taro'
import type { ModerationKind } from '@core/admin/rules'
import { REPORT_REASONS, reportContent } from '../../services/report'
import { group, tappable } from '../Tappable'

const OTHER = '其他'

export function ReportAction({ kind, refId, className }: { kind: ModerationKind; refId: string; className?: string }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<string | null>(null)
  const [other, setOther] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [reported, setReported] = useState(false)

  const start = () => {
    setReason(null)
    setOther('')
    setProblem(null)
    setOpen(true)
  }

  // NutUI keeps the dialog open (with the message) when this throws
  const confirm = async () => {
    const text = reason === OTHER ? other.trim() : (reason ?? '')
    const local = !reason ? '请选择举报理由' : !text ? '请写明举报理由' : text.length > 100 ? '举报理由不能超过 100 个字' : null
    if (local) {
      setProblem(local)
      throw new Error(local)
    }
    const res = await reportContent({ kind, refId, reason: text })
    if (!res.ok) {
      setProblem(res.message)
      if (res.code === 'CONFLICT') setReported(true)
      throw new Error(res.message)
    }
    setReported(true)
    setOpen(false)
    void Taro.showToast({ title: '已举报，工作人员会尽快处理', icon: 'none' })
  }

  return (
    <>
      <Text className={`ll-link ll-muted js-report ${className ?? ''}`} {...tappable(reported ? undefined : start, { disabled: reported, label: reported ? '已举报' : '举报这条内容' })}>
        {reported ? '已举报' : '举报'}
      </Text>
      <Dialog visible={open} title='举报' confirmText='提交举报' cancelText='取消' onConfirm={confirm} onCancel={() => setOpen(false)} onClose={() => setOpen(false)}>
        {open ? (
          <View className='js-dialog-report'>
            <Text className='ll-block ll-muted'>工作人员会核实处理，不会告诉对方是谁举报的。</Text>
            <View className='ll-choice-row' {...group('radiogroup', '举报理由')}>
              {[...REPORT_REASONS, OTHER].map((r, i) => (
                <View key={r} className={`ll-choice js-report-reason-${i} ${reason === r ? 'is-selected' : ''}`} {...tappable(() => setReason(r), { role: 'radio', checked: reason === r })}>
                  <Text>{r}</Text>
                </View>
              ))}
            </View>
            {reason === OTHER ? (
              <TextArea className='js-report-other' placeholder='请写明理由' value={other} maxLength={100} showCount onChange={(t: string) => setOther(t)} />
            ) : null}
            {problem ? <Text className='ll-block ll-error-text js-report-error'>{problem}</Text> : null}
          </View>
        ) : null}
      </Dialog>
    </>
  )
}
