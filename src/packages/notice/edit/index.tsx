// 发布通知 / 编辑通知 (业委会、党支部、物业): category, title, 正文 (plain paragraphs, **bold**; sent as
// HTML and previewed as it will look), audience, 置顶, 重要通知, 定时发布, images and PDF attachments
// (WeChat and browser), and for 物业公示 a fee table. The form model is core/notice/form; the state and
// submit are useNoticeForm; an edit sends only what changed.
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { Field, FormProblemLine } from '../../../components/FormField'
import { NOTICE_PUBLISHER_ROLES, noticeApi, type NoticeView } from '../../../services/notice'
import { useResource } from '../../../hooks/useResource'
import { useNoticeId } from '../components'
import { FeeEditor } from './FeeEditor'
import { MediaEditor } from './MediaEditor'
import { AudienceCard, CategoryCard, ContentCard, SettingsCard } from './Sections'
import { useNoticeForm } from './useNoticeForm'

function NoticeForm({ original }: { original: NoticeView | null }) {
  const f = useNoticeForm(original)
  const { form, set } = f
  return (
    <View className='js-notice-form'>
      <CategoryCard f={f} />
      <ContentCard f={f} />
      {form.category === 'disclosure' ? (
        <Field name='feeTable' problem={f.problem}>
          <FeeEditor fees={form.fees} onChange={(fees) => set('fees', fees)} />
        </Field>
      ) : null}
      <MediaEditor images={form.images} attachments={form.attachments} onImages={(v) => set('images', v)} onAttachments={(v) => set('attachments', v)} />
      <AudienceCard f={f} />
      <SettingsCard f={f} original={original} />
      {f.alreadyOut ? (
        <Text className='ll-block ll-muted js-edit-published-note'>
          {form.category === 'disclosure'
            ? '这条公示已经发布：修改后会注明修改时间，每次修改的内容（含金额的前后变化）向所有居民公开，已读的居民会重新看到未读提示。'
            : '这条通知已经发布：修改后会注明修改时间和改了什么，已读的居民会重新看到未读提示。'}
        </Text>
      ) : null}
      <FormProblemLine problem={f.problem} />
      <Button type='primary' block size='large' loading={f.busy} disabled={f.busy} className='js-save-notice' onClick={() => void f.save()}>
        {f.noticeId ? '保存修改' : form.publishAt ? '定时发布' : '发布通知'}
      </Button>
      <View className='ll-gap' />
    </View>
  )
}

/** Editing: the notice as it stands, if the caller may manage it. */
function EditExisting({ noticeId }: { noticeId: string }) {
  const notice = useResource(() => noticeApi.get({ noticeId }), [noticeId])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '编辑通知' }).catch(() => undefined)
  }, [])
  if (notice.error) return <ErrorBlock message={notice.error} onRetry={() => void notice.reload()} />
  if (!notice.data) return <Loading />
  if (!notice.data.canManage) return <Empty text='只有通知的发布者可以修改通知' />
  if (notice.data.state === 'archived') return <Empty text='通知已下架，不能再修改' />
  return <NoticeForm original={notice.data} />
}

export default function NoticeEditPage() {
  const noticeId = useNoticeId()
  return (
    <SessionPage
      title={noticeId ? '编辑通知' : '发布通知'}
      subtitle='业委会、党支部、物业发布的小区通知'
      allow={(s) => s.hasRole(...NOTICE_PUBLISHER_ROLES)}
      denied={<Empty text='通知由业委会、党支部和物业发布。有事情需要告知邻居，可以通过「我要反映」联系我们。' />}
    >
      {noticeId ? <EditExisting noticeId={noticeId} /> : <NoticeForm original={null} />}
    </SessionPage>
  )
}
