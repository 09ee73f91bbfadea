// 任务大厅 (党员/志愿者): open help requests anyone in the hall may take on (a claim is exclusive), and
// 我认领的 — the tasks this volunteer took on, to come back to, finish or give back (放弃认领).
import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { go, requestDetailUrl } from '../../../routes'
import { RequestRow } from '../../../components/RequestRow'
import { Empty } from '../../../components/StateView'
import { requestApi, type RequestSummary } from '../../../services/request'
import { PagedRows, RequestPage, Tiles, usePagedList, useRefreshOnShow } from '../components'

const CLAIMED_BY_OTHERS = '已经有人认领了'

function HallList() {
  const list = usePagedList<RequestSummary>((cursor) => requestApi.listHall(cursor ? { cursor } : {}))
  useRefreshOnShow(list.reload)
  const [claiming, setClaiming] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const claim = async (requestId: string) => {
    setClaiming(requestId)
    setNotice(null)
    const res = await requestApi.claim({ requestId })
    setClaiming(null)
    if (res.ok) {
      void Taro.showToast({ title: '认领成功', icon: 'success' })
      go(requestDetailUrl(requestId))
      return
    }
    if (res.code === 'CONFLICT') {
      setNotice(`${CLAIMED_BY_OTHERS}，列表已刷新`)
      void Taro.showToast({ title: CLAIMED_BY_OTHERS, icon: 'none' })
      void list.reload()
      return
    }
    void Taro.showToast({ title: res.message, icon: 'none' })
    setNotice(res.message)
  }

  return (
    <>
      {notice ? <Text className='ll-error-text js-hall-notice'>{notice}</Text> : null}
      <PagedRows list={list} empty={<Empty text='大厅里暂时没有待认领的任务，感谢您的热心！' />}>
        {(items) => (
          <Card title='待认领' className='js-hall-list'>
            {items.map((item) => (
              <RequestRow
                key={item.requestId}
                item={item}
                forStaff
                extra={
                  <Button
                    type='primary'
                    loading={claiming === item.requestId}
                    disabled={!!claiming}
                    className='js-claim'
                    onClick={(e) => {
                      e.stopPropagation()
                      void claim(item.requestId)
                    }}
                  >
                    认领
                  </Button>
                }
              />
            ))}
          </Card>
        )}
      </PagedRows>
    </>
  )
}

/** 我认领的: what this volunteer took on, so they can come back to finish it (or give it back). */
function ClaimedList() {
  const list = usePagedList<RequestSummary>((cursor) => requestApi.listClaimed(cursor ? { cursor } : {}))
  useRefreshOnShow(list.reload)
  return (
    <PagedRows list={list} empty={<Empty text='您还没有认领任务。在「待认领」里挑一件力所能及的事吧。' />}>
      {(items) => (
        <Card title='我认领的' className='js-claimed-list'>
          {items.map((item) => (
            <RequestRow key={item.requestId} item={item} forStaff />
          ))}
        </Card>
      )}
    </PagedRows>
  )
}

const TABS = [
  { key: 'hall', label: '待认领' },
  { key: 'mine', label: '我认领的' },
] as const

function HallTabs() {
  const [tab, setTab] = useState<(typeof TABS)[number]['key']>('hall')
  return (
    <>
      <Tiles
        layout='chips'
        className='js-hall-tabs'
        options={TABS.map((t) => ({ value: t.key, label: t.label, className: `js-tab-${t.key}` }))}
        value={tab}
        onChange={setTab}
      />
      {tab === 'hall' ? <HallList /> : <ClaimedList />}
    </>
  )
}

export default function Hall() {
  return (
    <RequestPage
      title='任务大厅'
      subtitle='邻里求助，党员志愿者认领'
      allow={(s) => s.hasRole('member')}
      denied={<Empty text='任务大厅面向党员和志愿者。想加入志愿服务，请联系小区党支部。' />}
    >
      <HallTabs />
    </RequestPage>
  )
}
