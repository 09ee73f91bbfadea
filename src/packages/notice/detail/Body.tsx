// The notice itself: its tags, title, publisher and time (and when it was last edited), the sanitised
// rich text with its images, and the fee table of a 物业公示.
import { RichText, Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { ImportantTag, NoticeCategoryTag, PinnedTag } from '../../../components/NoticeRow'
import type { NoticeView } from '../../../services/notice'
import { eventTime } from '../../../utils/format'
import { FeeTable } from '../components'
import { Images } from './Media'

export function Body({ v }: { v: NoticeView }) {
  const showFees = v.category === 'disclosure' && v.feeTable.length > 0
  return (
    <>
      <Card>
        <View className='ll-row'>
          {v.pinned ? <PinnedTag /> : null}
          {v.important ? <ImportantTag /> : null}
          <NoticeCategoryTag category={v.category} />
          {v.state === 'archived' ? (
            <Tag background='#595959' color='#ffffff' className='js-archived-tag'>
              已下架
            </Tag>
          ) : null}
        </View>
        <Text className='ntc-title js-notice-title'>{v.title}</Text>
        <Text className='ntc-meta js-notice-meta'>
          {v.publisherName} · {eventTime(v.publishedAt)}
          {Date.parse(v.publishedAt) > Date.now() ? '（定时发布）' : ''}
        </Text>
        {v.editedAt ? <Text className='ntc-meta ntc-edited js-notice-edited'>已于 {eventTime(v.editedAt)} 修改，修改内容见下方</Text> : null}
        {/* the server stores only sanitised HTML (a small allowlist; images only from cloud storage) */}
        <RichText className='ntc-content js-notice-content' nodes={v.content} />
        <Images images={v.images} />
      </Card>

      {showFees ? (
        <Card title='费用明细' className='js-fee-card'>
          <FeeTable rows={v.feeTable} />
        </Card>
      ) : null}
    </>
  )
}
