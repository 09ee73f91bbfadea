// 我的反映: everything I reported, newest first, with where each one stands.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { ROUTES, go } from '../../../routes'
import { RequestRow } from '../../../components/RequestRow'
import { Empty } from '../../../components/StateView'
import { proposeTopic } from '../../../services/report'
import { requestApi, type RequestSummary } from '../../../services/request'
import { tappable } from '../../../components/Tappable'
import { PagedRows, RequestPage, usePagedList, useRefreshOnShow } from '../components'

/** 向三方联席会议提议: a resident's proposal for the next meeting of the branch, committee and property company. */
function Proposal() {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const t = title.trim()
    const local = !t ? '请写下您的提议' : [...t].length > 60 ? '提议不能超过 60 个字' : [...note.trim()].length > 500 ? '说明不能超过 500 个字' : null
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await proposeTopic({ kind: 'proposal', title: t, ...(note.trim() ? { note: note.trim() } : {}) })
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    setTitle('')
    setNote('')
    setOpen(false)
    void Taro.showToast({ title: '提议已提交', icon: 'success' })
  }
  return (
    <Card className='js-proposal'>
      <View className='ll-row' {...tappable(() => setOpen(!open), { expanded: open })}>
        <Text className='ll-card__title'>向三方联席会议提议 {open ? '▾' : '▸'}</Text>
      </View>
      <Text className='ll-block ll-muted'>小区里需要党支部、业委会、物业一起商量的事（如公共收益怎么用、加装电梯），可以提议上会，会议的决定会告诉您。</Text>
      {open ? (
        <>
          <Text className='ll-label'>提议</Text>
          <View className='rq-textarea'>
            <Input className='js-proposal-title' placeholder='如：在3栋旁增设电动车充电棚' value={title} maxLength={60} onChange={(v: string) => setTitle(v)} />
          </View>
          <Text className='ll-label'>说明（可不填）</Text>
          <View className='rq-textarea'>
            <TextArea className='js-proposal-note' placeholder='说说原因和您的想法' value={note} maxLength={500} showCount onChange={(v: string) => setNote(v)} />
          </View>
          {problem ? <Text className='ll-block ll-error-text js-proposal-error'>{problem}</Text> : null}
          <Button type='primary' block loading={busy} disabled={busy} className='js-proposal-submit' onClick={() => void submit()}>
            提交提议
          </Button>
        </>
      ) : null}
    </Card>
  )
}

function MyRequests() {
  const list = usePagedList<RequestSummary>((cursor) => requestApi.listMine(cursor ? { cursor } : {}))
  useRefreshOnShow(list.reload)
  return (
    <>
      <Button type='primary' block size='large' className='js-new-request' onClick={() => go(ROUTES.requestReport)}>
        我要反映
      </Button>
      <View className='ll-gap' />
      <Button block size='large' className='js-open-board' onClick={() => go(ROUTES.requestBoard)}>
        看看邻居公开的反映
      </Button>
      <View className='ll-gap' />
      <PagedRows
        list={list}
        empty={
          <Empty
            text='您还没有反映过问题。遇到小区里的事，随时可以告诉我们。'
            action={
              <Button type='primary' className='js-empty-report' onClick={() => go(ROUTES.requestReport)}>
                我要反映
              </Button>
            }
          />
        }
      >
        {(items) => (
          <Card className='js-my-requests'>
            {items.map((item) => (
              <RequestRow key={item.requestId} item={item} />
            ))}
          </Card>
        )}
      </PagedRows>
      <View className='ll-gap' />
      <Proposal />
    </>
  )
}

export default function Mine() {
  return (
    <RequestPage title='我的反映' subtitle='提交后网格员会限时响应，办结后请您评价'>
      <MyRequests />
    </RequestPage>
  )
}
