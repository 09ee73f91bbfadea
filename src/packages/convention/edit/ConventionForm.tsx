// The drafting form: title, kind (a new draft only), summary, the ordered articles and, for a
// revision, its changelog and the comments it takes up.
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { CONVENTION_KINDS, KIND_LABELS } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { Field, FormProblemLine } from '../../../components/FormField'
import { group, tappable } from '../../../components/Tappable'
import type { ConventionView } from '../../../services/convention'
import { AdoptedComments, ArticleEditor } from '../edit-parts'
import { PhaseTools } from './PhaseTools'
import { blankArticle, useConventionForm } from './useConventionForm'

export function ConventionForm({ original }: { original: ConventionView | null }) {
  const { form, set, problem, busy, save } = useConventionForm(original)

  return (
    <View className='js-convention-form'>
      <Card title='公约'>
        <Field name='title' problem={problem}>
          <Text className='ll-label'>标题</Text>
          <View className='ll-field'>
            <Input className='js-field-title' placeholder='如：江南小区居民文明公约' value={form.title} maxLength={40} onChange={(v: string) => set('title', v)} />
          </View>
        </Field>
        {original ? null : (
          <Field name='kind' problem={problem}>
            <Text className='ll-label'>类别</Text>
            <View className='ll-choice-row' {...group('radiogroup', '类别')}>
              {CONVENTION_KINDS.map((k) => (
                <View key={k} className={`ll-choice js-kind-${k} ${form.kind === k ? 'is-selected' : ''}`} {...tappable(() => set('kind', k), { role: 'radio', checked: form.kind === k })}>
                  <Text>{KIND_LABELS[k]}</Text>
                </View>
              ))}
            </View>
          </Field>
        )}
        <Field name='summary' problem={problem}>
          <Text className='ll-label'>说明（可不填）</Text>
          <View className='cv-textarea'>
            <TextArea className='js-field-summary' placeholder='为什么制定、适用范围' value={form.summary} maxLength={500} showCount autoSize onChange={(v: string) => set('summary', v)} />
          </View>
        </Field>
      </Card>

      <Card title={`条款（${form.articles.length} 条）`}>
        <Field name='articles' problem={problem}>
          <ArticleEditor articles={form.articles} onChange={(a) => set('articles', a)} onAdd={() => set('articles', [...form.articles, blankArticle()])} />
        </Field>
      </Card>

      {original ? (
        <Card title='修改说明'>
          <Field name='changelog' problem={problem}>
            <View className='ll-field'>
              <Input className='js-field-changelog' placeholder='如：采纳居民意见，修改第 3 条停车时间' value={form.changelog} maxLength={200} onChange={(v: string) => set('changelog', v)} />
            </View>
          </Field>
          <AdoptedComments conventionId={original.conventionId} selected={form.adopted} onChange={(ids) => set('adopted', ids)} />
        </Card>
      ) : null}

      <FormProblemLine problem={problem} />
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-save-convention' onClick={() => void save()}>
        {original ? '保存为新版本' : '保存草案'}
      </Button>
      <View className='ll-gap' />
      {original ? <PhaseTools v={original} /> : null}
    </View>
  )
}
