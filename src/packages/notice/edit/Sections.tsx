// The cards of the notice form: 通知类别, 通知内容 (with the preview), 发给谁, 发布设置.
import { useState } from 'react'
import { RichText, Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { textToHtml } from '@core/notice/form'
import { Card } from '../../../components/Card'
import { BuildingChoices } from '../../../components/BuildingChoices'
import { Field } from '../../../components/FormField'
import { group, tappable } from '../../../components/Tappable'
import { Toggle } from '../../../components/Toggle'
import { NOTICE_CATEGORY_LABELS, type NoticeCategory, type NoticeView } from '../../../services/notice'
import { eventTime } from '../../../utils/format'
import { PublishAtField } from '../components'
import type { NoticeFormState } from './useNoticeForm'

const CATEGORY_HINTS: Record<NoticeCategory, string> = {
  outage: '停水、停电、停气、电梯检修',
  disclosure: '物业费收支、公共收益公示',
  policy: '政策法规、垃圾分类、防诈骗',
  event: '活动预告、活动回顾',
  other: '其他事项',
}

export function CategoryCard({ f }: { f: NoticeFormState }) {
  return (
    <Card title='通知类别'>
      <Field name='category' problem={f.problem}>
        <View className='ll-choice-row ntc-categories js-categories' {...group('radiogroup', '通知类别')}>
          {f.categories.map((c) => (
            <View
              key={c}
              className={`ll-choice js-category-${c} ${f.form.category === c ? 'is-selected' : ''}`}
              {...tappable(() => f.chooseCategory(c), { role: 'radio', checked: f.form.category === c })}
            >
              <Text className='ll-block'>{NOTICE_CATEGORY_LABELS[c]}</Text>
              <Text className='ntc-choice-desc'>{CATEGORY_HINTS[c]}</Text>
            </View>
          ))}
        </View>
      </Field>
      {f.propertyOnly ? (
        <Text className='ll-block ll-muted js-property-hint'>
          物业可发布：{f.categories.map((c) => NOTICE_CATEGORY_LABELS[c]).join('、')}。政策宣传、活动类通知由业委会、党支部发布。
        </Text>
      ) : null}
    </Card>
  )
}

export function ContentCard({ f }: { f: NoticeFormState }) {
  const [preview, setPreview] = useState(false)
  const html = textToHtml(f.form.body)
  return (
    <Card title='通知内容'>
      <Field name='title' problem={f.problem}>
        <Text className='ll-label'>标题</Text>
        <View className='ll-field'>
          <Input className='js-field-title' placeholder='如：12月5日（周六）8:00-12:00 停水通知' value={f.form.title} maxLength={60} onChange={(v: string) => f.set('title', v)} />
        </View>
      </Field>
      <Field name='content' problem={f.problem}>
        <View className='ntc-summary'>
          <Text className='ll-label'>正文</Text>
          <Text className='ntc-link js-preview' {...tappable(() => setPreview(!preview))}>
            {preview ? '返回编辑' : '预览'}
          </Text>
        </View>
        {preview ? (
          <View className='ntc-preview js-preview-content'>
            {html ? <RichText className='ntc-content' nodes={html} /> : <Text className='ll-block ll-muted'>还没有填写正文</Text>}
          </View>
        ) : (
          <View className='ntc-textarea'>
            <TextArea
              className='js-field-content'
              placeholder={'每行一段。用 **两个星号** 把要强调的字括起来，会显示为粗体。\n如：因市政管网维修，**12月5日 8:00-12:00** 小区停水，请提前储水。'}
              value={f.form.body}
              maxLength={10000}
              showCount
              autoSize
              onChange={(v: string) => f.set('body', v)}
            />
          </View>
        )}
      </Field>
      <Text className='ll-block ll-muted'>每行一段；**文字** 显示为粗体。发布前可点「预览」查看居民看到的样子。</Text>
      {f.richOriginal ? (
        <Text className='ll-block ll-error-text js-rich-warning'>这条通知的正文含有标题、列表、表格或图片等格式；修改正文后这些格式会变成普通段落。</Text>
      ) : null}
    </Card>
  )
}

export function AudienceCard({ f }: { f: NoticeFormState }) {
  const { form, set } = f
  return (
    <Card title='发给谁'>
      <Field name='audience' problem={f.problem}>
        <View className='ll-choice-row' {...group('radiogroup', '发给谁')}>
          <View
            className={`ll-choice js-audience-compound ${form.audience === 'compound' ? 'is-selected' : ''}`}
            {...tappable(() => set('audience', 'compound'), { role: 'radio', checked: form.audience === 'compound' })}
          >
            <Text>全小区</Text>
          </View>
          <View
            className={`ll-choice js-audience-buildings ${form.audience === 'buildings' ? 'is-selected' : ''}`}
            {...tappable(() => set('audience', 'buildings'), { role: 'radio', checked: form.audience === 'buildings' })}
          >
            <Text>指定楼栋</Text>
          </View>
        </View>
        {form.audience === 'buildings' ? <BuildingChoices selected={form.buildingIds} onToggle={f.toggleBuilding} /> : null}
      </Field>
      <Text className='ll-block ll-muted'>{form.audience === 'buildings' ? '只有所选楼栋的住户能看到，阅读统计也只算这些楼栋。' : '小区所有居民都能看到。'}</Text>
    </Card>
  )
}

export function SettingsCard({ f, original }: { f: NoticeFormState; original: NoticeView | null }) {
  const { form, set } = f
  return (
    <Card title='发布设置'>
      <View className='ntc-switch-row'>
        <View>
          <Text className='ll-label'>置顶</Text>
          <Text className='ll-block ll-muted'>显示在通知列表最上面</Text>
        </View>
        <Toggle checked={form.pinned} onChange={(v) => set('pinned', v)} label='置顶' className='js-pinned' />
      </View>
      <View className='ntc-switch-row'>
        <View>
          <Text className='ll-label'>重要通知</Text>
          <Text className='ll-block ll-muted'>重要通知会给已订阅的居民发送提醒</Text>
        </View>
        <Toggle checked={form.important} onChange={(v) => set('important', v)} label='重要通知' className='js-important' />
      </View>
      <Text className='ll-label'>{f.alreadyOut ? '发布时间' : '定时发布'}</Text>
      {f.alreadyOut && original ? (
        <Text className='ll-block ll-muted js-published-at'>已于 {eventTime(original.publishedAt)} 发布</Text>
      ) : (
        <Field name='publishAt' problem={f.problem}>
          <PublishAtField value={form.publishAt} onChange={(v) => set('publishAt', v)} />
        </Field>
      )}
    </Card>
  )
}
