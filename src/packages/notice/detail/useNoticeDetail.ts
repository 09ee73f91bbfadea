// 通知详情's one domain hook: the notice (read again when the page shows — `get` also records the
// read, the first one per user and household counting) and taking it down (下架).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useResource } from '../../../hooks/useResource'
import { noticeApi } from '../../../services/notice'

export type NoticeDetailState = ReturnType<typeof useNoticeDetail>

export function useNoticeDetail(noticeId: string) {
  const detail = useResource(() => noticeApi.get({ noticeId }), [noticeId], { refreshOnShow: true })
  const [archiving, setArchiving] = useState(false)
  const [archiveError, setArchiveError] = useState<string | null>(null)

  const openArchive = () => {
    setArchiveError(null)
    setArchiving(true)
  }

  // NutUI closes the dialog when this resolves and keeps it open (with the error) when it throws.
  const archive = async () => {
    const res = await noticeApi.archive({ noticeId })
    if (!res.ok) {
      setArchiveError(res.message)
      throw new Error(res.message)
    }
    setArchiving(false)
    if (detail.data) detail.setData({ ...detail.data, state: 'archived' })
    void Taro.showToast({ title: '已下架', icon: 'success' })
  }

  return { ...detail, archiving, archiveError, openArchive, archive, closeArchive: () => setArchiving(false) }
}
