// 五星楼栋长: a resident rates their building's 楼栋长 once a month (1–5 stars, an optional comment).
// Ratings are anonymous: the branch sees averages only.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { SessionPage } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { group, tappable } from '../../../components/Tappable'
import { firstProblem } from '../../../services/validate'
import { volunteerApi } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { useSession } from '../../../store/session'
import { toast } from '../components'

const SCORE_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意']

function RateForm() {
  const { session } = useSession()
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const send = async () => {
    if (!score) return setError('请点选 1–5 颗星')
    const data = { score, comment: comment.trim() || undefined }
    const problem = firstProblem(volunteerContract.rateLeader.input, data)
    if (problem) return setError(problem)
    setBusy(true)
    const res = await volunteerApi.rateLeader(data)
    setBusy(false)
    if (!res.ok) return setError(res.code === 'CONFLICT' ? `本月已评：${res.message}` : res.message)
    setError(null)
    setDone(`已为楼栋长${res.data.leaderName}评分，谢谢您！`)
    toast('评分成功', 'success')
  }

  if (done) return <Empty text={done} />
  return (
    <Card title={`为${session?.household?.buildingName ?? '本楼栋'}的楼栋长评分`} className='js-rate'>
      <Text className='ll-block ll-muted'>每月可评一次。评分匿名，党支部只看到各楼栋的平均分。</Text>
      <View className='ll-row' {...group('radiogroup', '评分')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Text key={n} className={`vo-star-pick js-star-${n}`} {...tappable(() => setScore(n), { role: 'radio', checked: score === n, label: `${n} 星` })}>
            {n <= score ? '★' : '☆'}
          </Text>
        ))}
      </View>
      <Text className='ll-block ll-text-2 js-score-word'>{score ? `${score} 星 · ${SCORE_WORDS[score]}` : '请点选星级'}</Text>
      <View className='vo-textarea'>
        <TextArea className='js-rate-comment' placeholder='想对楼栋长说的话（选填）' value={comment} maxLength={200} showCount onChange={(t: string) => setComment(t)} />
      </View>
      {error ? <Text className='ll-error-text js-rate-error'>{error}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-rate-submit' onClick={() => void send()}>
        提交评分
      </Button>
    </Card>
  )
}

export default function VolunteerRatePage() {
  return (
    <SessionPage title='评价楼栋长' subtitle='五星楼栋长，由居民每月评选' allow={(s) => !!s.session?.household} denied={<Empty text='认证房屋后才能为本楼栋的楼栋长评分' />}>
      <RateForm />
    </SessionPage>
  )
}
