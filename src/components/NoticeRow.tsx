// One notice in a list (首页 通知公告, 通知公告, 我发布的): 置顶 / 重要 / category, the title, who
// published it and when, and a red dot while the caller has not read it.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { NOTICE_CATEGORY_LABELS, type NoticeCategory, type NoticeItem } from '../services/notice'
import { beijing } from '../utils/format'
import { go, noticeUrl } from '../routes'

/** One colour per category: orange for outages, blue for fee disclosures, red for policy. */
export const NOTICE_CATEGORY_COLORS: Record<NoticeCategory, string> = {
  outage: '#d4380d',
  disclosure: '#1677ff',
  policy: '#c8161d',
  event: '#389e0d',
  other: '#595959',
}

export function NoticeCategoryTag({ category }: { category: NoticeCategory }) {
  return (
    <Tag plain background={NOTICE_CATEGORY_COLORS[category]} className={`js-notice-category js-notice-category-${category}`}>
      {NOTICE_CATEGORY_LABELS[category]}
    </Tag>
  )
}

export function PinnedTag() {
  return (
    <Tag background='#c8161d' color='#ffffff' className='js-pinned-tag'>
      置顶
    </Tag>
  )
}

export function ImportantTag() {
  return (
    <Tag background='#d46b08' color='#ffffff' className='js-important-tag'>
      重要
    </Tag>
  )
}

/** '11月28日', with the year when it is not this year's (Beijing time). */
export function noticeDate(iso: string): string {
  const d = beijing(iso)
  return d.format(d.year() === beijing(new Date().toISOString()).year() ? 'M月D日' : 'YYYY年M月D日')
}

export function UnreadDot() {
  return <View className='ll-unread-dot js-unread-dot' aria-label='未读' />
}

/** `readMarks={false}` (a publisher's own list) leaves out the unread dot and the greyed read titles. */
export function NoticeRow({ item, extra, tags, readMarks = true }: { item: NoticeItem; extra?: ReactNode; tags?: ReactNode; readMarks?: boolean }) {
  const state = readMarks ? (item.read ? 'is-read' : 'is-unread') : ''
  return (
    <View
      className={`ll-list-item ll-nt js-notice-row js-notice-${item.noticeId} ${state}`}
      onClick={() => go(noticeUrl(item.noticeId))}
    >
      <View className='ll-nt__head'>
        {readMarks && !item.read ? <UnreadDot /> : null}
        {item.pinned ? <PinnedTag /> : null}
        {item.important ? <ImportantTag /> : null}
        <NoticeCategoryTag category={item.category} />
        {item.scheduled ? (
          <Tag plain background='#8c8c8c' className='js-scheduled-tag'>
            定时发布
          </Tag>
        ) : null}
        {item.edited ? (
          <Tag plain background='#595959' className='js-edited-tag'>
            已修改
          </Tag>
        ) : null}
        {tags}
      </View>
      <Text className='ll-nt__title js-notice-title'>{item.title}</Text>
      <View className='ll-nt__foot'>
        <Text className='ll-muted js-notice-meta'>
          {item.publisherName} · {noticeDate(item.publishedAt)}
        </Text>
        {extra}
      </View>
    </View>
  )
}
