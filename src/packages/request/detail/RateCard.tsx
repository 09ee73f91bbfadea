// 请您评价: the resident rates what was done once it is 办结.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { group, tappable } from '../../../components/Tappable'
import { requestApi, type RequestView } from '../../../services/request'
import { requestContract } from '@core/request/contract'
import { firstProblem } from '../../../services/validate'

const RATING_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意']

/** 评价: 1–5 stars, 解决了/没解决, a comment. ≤ 2 stars or 没解决 sends it back to be handled again. */
export function RateCard({ requestId, onDone }: { requestId: string; onDone: (v: RequestView) => void }) {
  const [rating, setRating] = useState<number | null>(null)
  const [fixed, setFixed] = useState<boolean | null>(null)
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const sentBack = (rating !== null && rating <= 2) || fixed === false

  const submit = async () => {
    if (rating === null) return setProblem('请点星星打分（1-5 星）')
    if (fixed === null) return setProblem('请选择问题是否解决了')
    const data = comment.trim() ? { requestId, rating, fixed, comment: comment.trim() } : { requestId, rating, fixed }
    const local = firstProblem(requestContract.confirm.input, data)
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await requestApi.confirm(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: sentBack ? '已退回重新办理' : '感谢您的评价', icon: 'success' })
    onDone(res.data)
  }

  return (
    <Card title='请您评价' className='ll-notice js-rate-card'>
      <Text className='ll-block ll-text-2'>工作人员已办结这件事，请告诉我们办得怎么样。</Text>
      <Text className='ll-label'>问题解决了吗？</Text>
      <View className='ll-choice-row' {...group('radiogroup', '问题解决了吗？')}>
        <View className={`ll-choice js-fixed-yes ${fixed === true ? 'is-selected' : ''}`} {...tappable(() => setFixed(true), { role: 'radio', checked: fixed === true })}>
          <Text>解决了</Text>
        </View>
        <View className={`ll-choice js-fixed-no ${fixed === false ? 'is-selected' : ''}`} {...tappable(() => setFixed(false), { role: 'radio', checked: fixed === false })}>
          <Text>没解决</Text>
        </View>
      </View>
      <Text className='ll-label'>满意程度{rating ? `：${rating} 星 · ${RATING_WORDS[rating]}` : ''}</Text>
      <View className='rq-stars' {...group('radiogroup', '满意程度')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`rq-star js-rating-${n} ${rating !== null && n <= rating ? 'is-on' : ''} ${rating === n ? 'is-selected' : ''}`}
            {...tappable(() => setRating(n), { role: 'radio', checked: rating === n, label: `${n} 星` })}
          >
            <Text className='rq-star__icon'>★</Text>
            <Text className='rq-star__num'>{n}</Text>
          </View>
        ))}
      </View>
      {sentBack ? (
        <View className='rq-sent-back js-sent-back'>
          <Text>
            {fixed === false ? '您选择了「没解决」' : `您打了 ${rating} 星`}
            ，提交后这件事会退回重新办理，并报告小区党支部跟进。
          </Text>
        </View>
      ) : null}
      <Text className='ll-label'>想说的话（可不填）</Text>
      <View className='rq-textarea'>
        <TextArea className='js-rating-comment' placeholder='说说您的感受或建议' value={comment} maxLength={200} showCount onChange={(v: string) => setComment(v)} />
      </View>
      <Text className='ll-block ll-muted'>打 2 星及以下或选择「没解决」，会退回重新办理；不评价的事项 7 天后自动办结。</Text>
      {problem ? <Text className='ll-error-text js-rate-error'>{problem}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-submit-rating' onClick={() => void submit()}>
        提交评价
      </Button>
    </Card>
  )
}
