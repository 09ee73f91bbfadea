// 反映详情's one domain hook: the view (read again when the page shows), the action in flight, and
// the dialog open. Every action answers with the new view, which replaces the one shown.
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { useResource } from '../../../hooks/useResource'
import { requestApi, type RequestView } from '../../../services/request'
import type { Action } from './Actions'
import type { DialogKind } from './ActionDialog'

const DIRECT_DONE = { accept: '已受理', claim: '已认领', start: '已开始处理' } as const

export function useRequestDetail(requestId: string) {
  const detail = useResource(() => requestApi.get({ requestId }), [requestId], { refreshOnShow: true })
  const [busy, setBusy] = useState<Action | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [dialog, setDialog] = useState<DialogKind | null>(null)

  const applied = (v: RequestView, done: string) => {
    detail.setData(v)
    setActionError(null)
    void Taro.showToast({ title: done, icon: 'success' })
  }

  const direct = async (action: keyof typeof DIRECT_DONE) => {
    setBusy(action)
    const res = await requestApi[action]({ requestId })
    setBusy(null)
    if (!res.ok) {
      setActionError(res.message)
      void Taro.showToast({ title: res.message, icon: 'none' })
      return
    }
    applied(res.data, DIRECT_DONE[action])
  }

  /** 受理, 认领 and 开始处理 go at once; the others ask for words first. */
  const onAction = (action: Action) => {
    if (action === 'accept' || action === 'claim' || action === 'start') return void direct(action)
    setDialog(action)
  }

  return { ...detail, busy, actionError, dialog, onAction, closeDialog: () => setDialog(null), applied }
}

/** Reads `?id=` of this page. */
export function useRequestId(): string {
  const id = useRouter()?.params?.id ?? ''
  try {
    return decodeURIComponent(id)
  } catch {
    return id
  }
}
