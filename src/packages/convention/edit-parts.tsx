// Parts of the drafting form: the ordered articles (add, remove, move) and the comments a revision
// takes up (their ids go into the changelog).
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { DraftArticle } from '@core/convention/form'
import { ErrorBlock, Loading } from '../../components/StateView'
import { group, tappable } from '../../components/Tappable'
import { conventionApi } from '../../services/convention'
import { useResource } from '../../hooks/useResource'

export type { DraftArticle }

export function ArticleEditor({ articles, onChange, onAdd }: { articles: DraftArticle[]; onChange: (a: DraftArticle[]) => void; onAdd: () => void }) {
  const edit = (i: number, patch: Partial<DraftArticle>) => onChange(articles.map((a, k) => (k === i ? { ...a, ...patch } : a)))
  const move = (i: number, by: -1 | 1) => {
    const next = [...articles]
    const [a] = next.splice(i, 1)
    next.splice(i + by, 0, a)
    onChange(next)
  }
  return (
    <View className='js-articles'>
      {articles.length ? null : <Text className='ll-block ll-muted'>还没有条款，请添加。</Text>}
      {articles.map((a, i) => (
        <View key={a.key} className={`cv-edit-article js-edit-article js-edit-article-${i + 1}`}>
          <Text className='ll-label'>{`第 ${i + 1} 条`}</Text>
          <View className='ll-field'>
            <Input className='js-article-title' placeholder='条款标题，如：文明养犬' value={a.title} maxLength={40} onChange={(v: string) => edit(i, { title: v })} />
          </View>
          <View className='cv-textarea'>
            <TextArea className='js-article-body' placeholder='条款内容' value={a.body} maxLength={1000} showCount autoSize onChange={(v: string) => edit(i, { body: v })} />
          </View>
          <View className='cv-edit-article__tools'>
            {i > 0 ? (
              <Button size='small' fill='outline' className='js-article-up' onClick={() => move(i, -1)}>
                上移
              </Button>
            ) : null}
            {i < articles.length - 1 ? (
              <Button size='small' fill='outline' className='js-article-down' onClick={() => move(i, 1)}>
                下移
              </Button>
            ) : null}
            <Button size='small' fill='outline' type='primary' className='js-article-remove' onClick={() => onChange(articles.filter((_, k) => k !== i))}>
              删除
            </Button>
          </View>
        </View>
      ))}
      {articles.length < 60 ? (
        <Button block fill='outline' type='primary' className='js-article-add' onClick={onAdd}>
          添加条款
        </Button>
      ) : (
        <Text className='ll-block ll-muted'>条款不能超过 60 条</Text>
      )}
    </View>
  )
}

/** The comments of the consultation, to mark the ones this revision takes up. */
export function AdoptedComments({ conventionId, selected, onChange }: { conventionId: string; selected: string[]; onChange: (ids: string[]) => void }) {
  const comments = useResource(() => conventionApi.comments({ conventionId, limit: 50 }), [conventionId])
  if (comments.error) return <ErrorBlock message={comments.error} onRetry={() => void comments.reload()} />
  if (!comments.data) return <Loading />
  // the changelog links only comments answered as adopted (the function refuses the others)
  const items = comments.data.items.filter((c) => !c.parentId && !c.hidden && c.answer?.adopted === true)
  if (!items.length) return <Text className='ll-block ll-muted'>还没有答复为“采纳”的意见：先在公约详情里答复居民意见，再在这里关联。</Text>
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id])
  return (
    <View className='js-adopt-comments' {...group('group', '本次采纳的意见')}>
      <Text className='ll-label'>本次采纳的意见</Text>
      {items.map((c) => (
        <View
          key={c.commentId}
          className={`ll-choice js-adopt-comment-${c.commentId} ${selected.includes(c.commentId) ? 'is-selected' : ''}`}
          {...tappable(() => toggle(c.commentId), { role: 'checkbox', checked: selected.includes(c.commentId) })}
        >
          <Text className='ll-block'>{`${c.articleNo ? `第 ${c.articleNo} 条` : '整体'} · ${c.authorName}`}</Text>
          <Text className='ll-block ll-muted'>{c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}</Text>
        </View>
      ))}
    </View>
  )
}
