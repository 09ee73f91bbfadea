// 逐条征求意见: one article per card with its comments under it and the comment box below (touch
// first: no annotations on selected text). Residents comment, reply and support once; the drafters
// (view.can.answer) answer — 采纳 / 不采纳 with a reason — and hide. Anyone may 举报 another's comment;
// staff put an article on the 三方联席会议's agenda.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Dialog, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '../../components/Card'
import { PagedRows, usePagedList } from '../../components/PagedList'
import { ReportAction } from '../../components/ReportAction'
import { Empty } from '../../components/StateView'
import { group, tappable } from '../../components/Tappable'
import { conventionApi, type CommentView, type ConventionView } from '../../services/convention'
import { conventionContract } from '@core/convention/contract'
import { proposeTopic } from '../../services/report'
import { useSession } from '../../store/session'
import { firstProblem } from '../../services/validate'
import { eventTime } from '../../utils/format'
import { toast } from './components'

type Article = ConventionView['articles'][number]

/** The box to comment on an article (articleNo null: the whole convention), or to reply to a comment. */
export function CommentBox(props: { conventionId: string; articleNo: number | null; parentId?: string; onSent: () => void }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    if (busy) return
    const data = { conventionId: props.conventionId, articleNo: props.articleNo, ...(props.parentId ? { parentId: props.parentId } : {}), text: text.trim() }
    const problem = firstProblem(conventionContract.comment.input, data)
    if (problem) return setError(problem)
    setError(null)
    setBusy(true)
    const res = await conventionApi.comment(data)
    setBusy(false)
    if (!res.ok) return setError(res.message)
    setText('')
    toast(res.data.held ? '已提交，审核通过后公开' : '意见已发表', res.data.held ? 'none' : 'success')
    props.onSent()
  }
  const name = props.parentId ? 'reply' : `comment-${props.articleNo ?? 'all'}`
  return (
    <View className={`cv-box js-${name}`}>
      <View className='cv-textarea'>
        <TextArea
          className={`js-${name}-text`}
          placeholder={props.parentId ? '回复这条意见' : props.articleNo ? `对第 ${props.articleNo} 条的意见或建议` : '对整个公约的意见或建议'}
          value={text}
          maxLength={500}
          showCount
          autoSize
          onChange={(v: string) => setText(v)}
        />
      </View>
      {error ? <Text className='ll-error-text js-comment-error'>{error}</Text> : null}
      <Button type='primary' size='small' loading={busy} disabled={busy} className={`js-${name}-send`} onClick={() => void send()}>
        {props.parentId ? '回复' : '发表意见'}
      </Button>
    </View>
  )
}

function Answer({ answer }: { answer: NonNullable<CommentView['answer']> }) {
  const verdict = answer.adopted === true ? '【采纳】' : answer.adopted === false ? '【不采纳】' : ''
  return (
    <Text className='cv-answer js-comment-answer'>
      {`起草组答复${verdict}：${answer.text}${answer.reason ? `（理由：${answer.reason}）` : ''}`}
    </Text>
  )
}

type Moderation = { kind: 'answer' | 'hide'; commentId: string }

function CommentItem(props: { c: CommentView; conventionId: string; canComment: boolean; canModerate: boolean; reply: boolean; onChanged: () => void; onModerate: (m: Moderation) => void }) {
  const { c } = props
  const [supports, setSupports] = useState({ count: c.supportCount, mine: c.supported })
  const [replying, setReplying] = useState(false)
  const support = async () => {
    const res = await conventionApi.support({ commentId: c.commentId })
    if (!res.ok) return toast(res.message)
    setSupports({ count: res.data.supportCount, mine: true })
  }
  return (
    <View className={`cv-comment ${props.reply ? 'cv-comment--reply' : ''} js-comment js-comment-${c.commentId}`}>
      <View className='cv-comment__head'>
        <Text>{c.authorName}</Text>
        <Text>{eventTime(c.createdAt)}</Text>
        {c.version > 1 ? <Text>{`第 ${c.version} 稿`}</Text> : null}
        {c.held ? <Text className='js-comment-held'>（审核中，仅自己和起草组可见）</Text> : null}
        {c.hidden ? <Text className='js-comment-hidden'>（已隐藏）</Text> : null}
      </View>
      <Text className='cv-comment__text'>{c.text}</Text>
      {c.answer ? <Answer answer={c.answer} /> : null}
      <View className='cv-comment__tools'>
        {supports.mine || c.mine ? (
          <Text className='ll-muted js-support'>{`${supports.mine ? '已支持' : '支持'} ${supports.count}`}</Text>
        ) : (
          <Button size='small' fill='outline' className='js-support' onClick={() => void support()}>
            {`支持 ${supports.count}`}
          </Button>
        )}
        {props.canComment && !props.reply ? (
          <Button size='small' fill='outline' className='js-reply' onClick={() => setReplying(!replying)}>
            回复
          </Button>
        ) : null}
        {props.canModerate ? (
          <>
            <Button size='small' fill='outline' type='primary' className='js-answer-comment' onClick={() => props.onModerate({ kind: 'answer', commentId: c.commentId })}>
              答复
            </Button>
            {c.hidden ? null : (
              <Button size='small' fill='outline' className='js-hide-comment' onClick={() => props.onModerate({ kind: 'hide', commentId: c.commentId })}>
                隐藏
              </Button>
            )}
          </>
        ) : null}
        {c.mine || c.hidden ? null : <ReportAction kind='comment' refId={c.commentId} />}
      </View>
      {replying ? (
        <CommentBox
          conventionId={props.conventionId}
          articleNo={c.articleNo}
          parentId={c.commentId}
          onSent={() => {
            setReplying(false)
            props.onChanged()
          }}
        />
      ) : null}
    </View>
  )
}

const ADOPTION = [
  { value: 'yes', label: '采纳', adopted: true },
  { value: 'no', label: '不采纳', adopted: false },
  { value: 'none', label: '仅答复', adopted: null },
] as const

/** 答复 (with 采纳 / 不采纳 and a reason) or 隐藏 (with a reason), in one dialog. */
function ModerationDialog({ m, onClose, onDone }: { m: Moderation | null; onClose: () => void; onDone: () => void }) {
  const [text, setText] = useState('')
  const [reason, setReason] = useState('')
  const [adoption, setAdoption] = useState<(typeof ADOPTION)[number]['value']>('yes')
  const [error, setError] = useState<string | null>(null)
  const fail = (message: string): never => {
    setError(message)
    throw new Error(message)
  }
  // NutUI closes the dialog when this resolves and keeps it open (with the error) when it throws
  const confirm = async () => {
    if (!m) return
    if (m.kind === 'hide') {
      const data = { commentId: m.commentId, reason: reason.trim() }
      const problem = firstProblem(conventionContract.hideComment.input, data)
      if (problem) fail(problem)
      const res = await conventionApi.hideComment(data)
      if (!res.ok) fail(res.message)
    } else {
      const adopted = ADOPTION.find((a) => a.value === adoption)!.adopted
      const data = { commentId: m.commentId, text: text.trim(), adopted, ...(reason.trim() ? { reason: reason.trim() } : {}) }
      const problem = firstProblem(conventionContract.answerComment.input, data)
      if (problem) fail(problem)
      const res = await conventionApi.answerComment(data)
      if (!res.ok) fail(res.message)
    }
    setText('')
    setReason('')
    setError(null)
    toast(m.kind === 'hide' ? '已隐藏' : '已答复', 'success')
    onDone()
  }
  return (
    <Dialog visible={!!m} title={m?.kind === 'hide' ? '隐藏意见' : '答复意见'} confirmText='确定' cancelText='取消' onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <View className='js-moderation'>
        {m?.kind === 'answer' ? (
          <>
            <View className='ll-choice-row' {...group('radiogroup', '是否采纳')}>
              {ADOPTION.map((a) => (
                <View key={a.value} className={`ll-choice js-adopt-${a.value} ${adoption === a.value ? 'is-selected' : ''}`} {...tappable(() => setAdoption(a.value), { role: 'radio', checked: adoption === a.value })}>
                  <Text>{a.label}</Text>
                </View>
              ))}
            </View>
            <View className='cv-textarea'>
              <TextArea className='js-answer-text' placeholder='答复内容' value={text} maxLength={500} onChange={(v: string) => setText(v)} />
            </View>
          </>
        ) : null}
        <View className='ll-field'>
          <Input className='js-moderation-reason' placeholder={m?.kind === 'hide' ? '隐藏原因（必填）' : '理由（不采纳时请写明）'} value={reason} onChange={(v: string) => setReason(v)} />
        </View>
        {error ? <Text className='ll-error-text js-moderation-error'>{error}</Text> : null}
      </View>
    </Dialog>
  )
}

/** The comments on one article (or the whole convention), replies under the comment they answer. */
function CommentThread({ conventionId, articleNo, v }: { conventionId: string; articleNo: number | null; v: ConventionView }) {
  const list = usePagedList<CommentView>((cursor) => conventionApi.comments({ conventionId, articleNo, ...(cursor ? { cursor } : {}) }), [conventionId, articleNo])
  const [moderation, setModeration] = useState<Moderation | null>(null)
  const reload = () => void list.reload()
  return (
    <View className='js-comments'>
      <PagedRows list={list} empty={<Empty text='还没有意见，欢迎第一个发表。' />}>
        {(items) =>
          items
            .filter((c) => !c.parentId || !items.some((p) => p.commentId === c.parentId))
            .map((c) => (
              <View key={c.commentId}>
                <CommentItem c={c} conventionId={conventionId} canComment={v.can.comment} canModerate={v.can.answer} reply={!!c.parentId} onChanged={reload} onModerate={setModeration} />
                {items
                  .filter((r) => r.parentId === c.commentId)
                  .map((r) => (
                    <CommentItem key={r.commentId} c={r} conventionId={conventionId} canComment={false} canModerate={v.can.answer} reply onChanged={reload} onModerate={setModeration} />
                  ))}
              </View>
            ))
        }
      </PagedRows>
      <ModerationDialog m={moderation} onClose={() => setModeration(null)} onDone={() => {
        setModeration(null)
        reload()
      }} />
    </View>
  )
}

/** The agenda item's title: 《…》 第N条, the convention's title shortened to fit 60 characters. */
export function articleTopicTitle(conventionTitle: string, no: number): string {
  const suffix = ` 第${no}条`
  const room = 60 - [...suffix].length
  const chars = [...conventionTitle]
  return `${chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : conventionTitle}${suffix}`
}

/** 提交三方联席会议 (staff): puts one article on the next meeting's agenda, its title as the note. */
function ProposeArticle({ v, article }: { v: ConventionView; article: Article }) {
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const propose = async () => {
    if (busy || done) return
    const title = articleTopicTitle(v.title, article.no)
    const ok = await Taro.showModal({
      title: '提交三方联席会议',
      content: `将「${title}」提交到下一次三方联席会议（党支部、业委会、物业）商议？`,
      confirmText: '提交',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }))
    if (!ok.confirm) return
    setBusy(true)
    const res = await proposeTopic({ kind: 'article', refId: v.conventionId, title, ...(article.title.trim() ? { note: article.title.trim() } : {}) })
    setBusy(false)
    if (!res.ok) return toast(res.message)
    setDone(true)
    toast('已提交三方联席会议', 'success')
  }
  return (
    <Text className='ll-link cv-no-print js-propose-article' {...tappable(done ? undefined : () => void propose(), { disabled: done || busy })}>
      {done ? '已提交三方联席会议' : '提交三方联席会议'}
    </Text>
  )
}

/** One article (or, without `article`, the whole convention): its text, its comments, the box. */
export function ArticleCard({ v, article, onCommented }: { v: ConventionView; article: Article | null; onCommented: () => void }) {
  const articleNo = article?.no ?? null
  const { hasRole } = useSession()
  const staff = hasRole('branch', 'committee', 'property', 'officer', 'grid')
  const [open, setOpen] = useState(false)
  const [generation, setGeneration] = useState(0)
  const count = article?.commentCount ?? null
  return (
    <Card
      title={article ? <Text><Text className='cv-article__no'>{`第 ${article.no} 条`}</Text>{article.title}</Text> : '对整个公约的意见'}
      className={`js-article js-article-${articleNo ?? 'all'}`}
    >
      {article ? <Text className='cv-article__body'>{article.body}</Text> : null}
      <View className='ll-row'>
        <Text className='ll-link js-toggle-comments' {...tappable(() => setOpen(!open), { expanded: open })}>
          {open ? '收起意见' : count === null ? '查看意见' : `查看意见（${count}）`}
        </Text>
        {article && staff ? <ProposeArticle v={v} article={article} /> : null}
      </View>
      {open ? <CommentThread key={generation} conventionId={v.conventionId} articleNo={articleNo} v={v} /> : null}
      {v.can.comment ? (
        <CommentBox
          conventionId={v.conventionId}
          articleNo={articleNo}
          onSent={() => {
            setOpen(true)
            setGeneration((g) => g + 1)
            onCommented()
          }}
        />
      ) : null}
    </Card>
  )
}
