// 任务大厅 (党员/志愿者): open help requests anyone in the hall may take on; a claim is exclusive.
import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { go, requestDetailUrl } from '../../../routes'
import { RequestRow } from '../../../components/RequestRow'
import { Empty } from '../../../components/StateView'
import { requestApi, type RequestSummary } from '../../../services/request'
import { PagedRows, RequestPage, usePagedList, useRefreshOnShow } from '../components'

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

export default function Hall() {
  return (
    <RequestPage
      title='任务大厅'
      subtitle='邻里求助，党员志愿者认领'
      allow={(s) => s.hasRole('member')}
      denied={<Empty text='任务大厅面向党员和志愿者。想加入志愿服务，请联系小区党支部。' />}
    >
      <HallList />
    </RequestPage>
  )
}
