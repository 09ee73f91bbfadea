// One notice in a list (首页 通知公告, 通知公告, 我发布的): 置顶 / 重要 / category, the title, who
// published it and when, and a red dot while the caller has not read it.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { NOTICE_CATEGORY_LABELS, type NoticeCategory, type NoticeItem } from '../../services/notice'
import { beijing } from '../../utils/format'
import { go, noticeUrl } from '../../routes'
import { tappable } from '../Tappable'
import './NoticeRow.scss'

/** One colour per category: orange for outages, blue for fee disclosures, red for policy. */
export const NOTICE_CATEGORY_COLORS: Record<NoticeCategory, string> = {
  outage: '#ad2102',
  disclosure: '#0958d9',
  policy: '#c8161d',
  event: '#237804',
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
    <Tag background='#ad4e00' color='#ffffff' className='js-important-tag'>
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
  // a dot says nothing to a screen reader: the words do (hidden from the eye by .ll-sr-only)
  return (
    <View className='ll-unread-dot js-unread-dot'>
      <Text className='ll-sr-only'>未读</Text>
    </View>
  )
}

/** `readMarks={false}` (a publisher's own list) leaves out the unread dot and the greyed read titles. */
export function NoticeRow({ item, extra, tags, readMarks = true }: { item: NoticeItem; extra?: ReactNode; tags?: ReactNode; readMarks?: boolean }) {
  const state = readMarks ? (item.read ? 'is-read' : 'is-unread') : ''
  const open = () => go(noticeUrl(item.noticeId))
  // the whole row opens the notice; its text is the link a keyboard reaches, and `extra` (a link of
  // its own, 已读 N 人) sits beside it rather than inside it
  return (
    <View className={`ll-list-item ll-nt ll-row-link js-notice-row js-notice-${item.noticeId} ${state}`} onClick={open}>
      <View className='ll-row-link__main' {...tappable(open, { role: 'link', clickFromParent: true })}>
        <View className='ll-nt__head'>
          {readMarks && !item.read ? <UnreadDot /> : null}
          {item.pinned ? <PinnedTag /> : null}
          {item.important ? <ImportantTag /> : null}
          <NoticeCategoryTag category={item.category} />
          {item.scheduled ? (
            <Tag plain background='#595959' className='js-scheduled-tag'>
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
        <Text className='ll-block ll-muted js-notice-meta'>
          {item.publisherName} · {noticeDate(item.publishedAt)}
        </Text>
      </View>
      {extra ? <View className='ll-row-link__extra'>{extra}</View> : null}
    </View>
  )
}
