// 提交议题: staff put a request on the next 三方联席会议's agenda.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro'
import { CATEGORY_LABELS } from '@core/request/rules'
import { Card } from '../../../components/Card'
import { proposeTopic } from '../../../services/report'
import type { RequestView } from '../../../services/request'

/** 提交议题 (staff): puts this request on the next 三方联席会议's agenda; the decision comes back onto the timeline. */
export function ProposeTopic({ v }: { v: RequestView }) {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const start = () => {
    setTitle(`${CATEGORY_LABELS[v.category]}：${[...v.content].slice(0, 40).join('')}`)
    setNote('')
    setProblem(null)
    setOpen(true)
  }
  // NutUI keeps the dialog open (with the message) when this throws
  const confirm = async () => {
    const t = title.trim()
    const local = !t ? '请填写议题' : [...t].length > 60 ? '议题不能超过 60 个字' : [...note.trim()].length > 500 ? '说明不能超过 500 个字' : null
    if (local) {
      setProblem(local)
      throw new Error(local)
    }
    const res = await proposeTopic({ kind: 'request', refId: v.requestId, title: t, ...(note.trim() ? { note: note.trim() } : {}) })
    if (!res.ok) {
      setProblem(res.message)
      throw new Error(res.message)
    }
    setDone(true)
    setOpen(false)
    void Taro.showToast({ title: '已提交三方联席会议', icon: 'success' })
  }
  return (
    <Card title='三方联席会议' className='js-propose-card'>
      <Text className='ll-block ll-muted'>需要党支部、业委会、物业一起商量的事，可以提交到下一次三方联席会议，会议的决定会写入办理过程。</Text>
      <Button size='large' disabled={done} className='js-propose' onClick={start}>
        {done ? '已提交议题' : '提交议题'}
      </Button>
      <Dialog visible={open} title='提交议题' confirmText='提交' cancelText='取消' onConfirm={confirm} onCancel={() => setOpen(false)} onClose={() => setOpen(false)}>
        {open ? (
          <View className='js-dialog-propose'>
            <Text className='ll-label'>议题</Text>
            <View className='rq-textarea'>
              <TextArea className='js-propose-title' value={title} maxLength={60} showCount onChange={(t: string) => setTitle(t)} />
            </View>
            <Text className='ll-label'>说明（可不填）</Text>
            <View className='rq-textarea'>
              <TextArea className='js-propose-note' placeholder='如：涉及公共收益使用，需业委会同意' value={note} maxLength={500} showCount onChange={(t: string) => setNote(t)} />
            </View>
            {problem ? <Text className='ll-error-text js-propose-error'>{problem}</Text> : null}
          </View>
        ) : null}
      </Dialog>
    </Card>
  )
}
