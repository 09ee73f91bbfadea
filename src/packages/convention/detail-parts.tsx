// Parts of a convention's detail page: versions and their comparison, the changelog, written
// proxies (委托书), the posted result with objections, and signing the adopted text.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../components/Card'
import { group, tappable } from '../../components/Tappable'
import { conventionUrl, go } from '../../routes'
import { conventionApi, type Comparison, type ConventionView } from '../../services/convention'
import { conventionContract } from '@core/convention/contract'
import { firstProblem } from '../../services/validate'
import { useSubmit } from '../../hooks/useSubmit'
import { eventTime } from '../../utils/format'
import { Fact, TextDialog, toast } from './components'

const CHANGE_LABELS = { added: '新增', removed: '删除', changed: '修改', same: '未改' } as const

/** Which version is shown, the others to pick, and what changed from the one before. */
export function VersionCard({ v, onPick }: { v: ConventionView; onPick: (version: number) => void }) {
  const [diff, setDiff] = useState<Comparison | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (v.latestVersion <= 1) return null
  const versions = Array.from({ length: v.latestVersion }, (_, i) => i + 1)
  const compare = async () => {
    const res = await conventionApi.compare({ conventionId: v.conventionId, from: v.version - 1, to: v.version })
    if (!res.ok) return setError(res.message)
    setError(null)
    setDiff(res.data)
  }
  return (
    <Card title='版本' className='js-versions'>
      <View className='ll-choice-row' {...group('radiogroup', '版本')}>
        {versions.map((n) => (
          <View
            key={n}
            className={`ll-choice js-version-${n} ${n === v.version ? 'is-selected' : ''}`}
            {...tappable(() => {
              setDiff(null)
              onPick(n)
            }, { role: 'radio', checked: n === v.version })}
          >
            <Text>{n === v.latestVersion ? `第 ${n} 稿（最新）` : `第 ${n} 稿`}</Text>
          </View>
        ))}
      </View>
      {v.version > 1 ? (
        <Button size='small' fill='outline' className='js-compare' onClick={() => void compare()}>
          {`与第 ${v.version - 1} 稿比较`}
        </Button>
      ) : null}
      {error ? <Text className='ll-error-text'>{error}</Text> : null}
      {diff ? (
        <View className='js-diff'>
          <Text className='ll-block ll-muted'>{`第 ${diff.from} 稿 → 第 ${diff.to} 稿：${diff.note}`}</Text>
          {diff.changes.filter((c) => c.kind !== 'same').length === 0 ? <Text className='ll-block'>条款没有变化</Text> : null}
          {diff.changes
            .filter((c) => c.kind !== 'same')
            .map((c) => (
              <View key={`${c.kind}-${c.no}`} className={`cv-change js-change js-change-${c.kind}`}>
                <Text className='ll-label'>{`【${CHANGE_LABELS[c.kind]}】第 ${c.no} 条 ${c.title}`}</Text>
                {c.before ? <Text className='cv-change__before'>{c.before}</Text> : null}
                {c.after ? <Text className='cv-change__after'>{c.after}</Text> : null}
              </View>
            ))}
        </View>
      ) : null}
    </Card>
  )
}

export function Changelog({ v }: { v: ConventionView }) {
  if (!v.changelog.length) return null
  return (
    <Card title='修改记录' className='js-changelog'>
      {v.changelog.map((c) => (
        <Fact key={c.version} label={`第 ${c.version} 稿`}>
          <Text className='ll-block'>{c.note}</Text>
          <Text className='ll-block ll-muted'>{`${eventTime(c.at)}${c.adoptedCommentIds.length ? ` · 采纳意见 ${c.adoptedCommentIds.length} 条` : ''}`}</Text>
          {c.adoptedComments.length ? (
            <View className='ll-row js-changelog-adopted'>
              {c.adoptedComments.map((a) => (
                <Text
                  key={a.commentId}
                  className={`ll-link js-changelog-comment-${a.commentId}`}
                  {...tappable(() => void Taro.pageScrollTo({ selector: `.js-article-${a.articleNo ?? 'all'}`, duration: 300 }).catch(() => undefined))}
                >
                  {a.articleNo ? `第 ${a.articleNo} 条的意见` : '对全文的意见'}
                </Text>
              ))}
            </View>
          ) : null}
        </Fact>
      ))}
    </Card>
  )
}

const PROXY_STATES = { active: '有效', used: '已代为投票', revoked: '已撤销' } as const

/** 委托书: the proxies I hold, the one I gave (and revoking it), and granting one. */
export function ProxyCard({ v, reload }: { v: ConventionView; reload: () => void }) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const { busy, error, submit } = useSubmit(conventionContract.grantProxy.input, conventionApi.grantProxy)
  const given = v.mine.proxyGiven
  const held = v.mine.proxiesHeld
  if (!v.can.proxy && !given && !held.length) return null

  const grant = async () => {
    const granted = await submit({ conventionId: v.conventionId, proxyName: name.trim(), proxyPhone: phone.trim() })
    if (!granted) return
    toast(`已委托 ${granted.proxyName}`, 'success')
    reload()
  }
  const revoke = async () => {
    const ok = await Taro.showModal({ title: '撤销委托', content: '撤销后受托人不能再代您投票，您可以自己投票。', confirmText: '撤销委托', cancelText: '再想想' }).catch(() => ({ confirm: false }))
    if (!ok.confirm) return
    const res = await conventionApi.revokeProxy({ conventionId: v.conventionId })
    if (!res.ok) return toast(res.message)
    toast('已撤销委托', 'success')
    reload()
  }

  return (
    <Card title='委托投票（委托书）' className='js-proxy'>
      {held.map((p) => (
        <Fact key={p.proxyId} label='受托' className={`js-proxy-held js-proxy-held-${p.proxyId}`}>
          <Text>{`您受 ${p.unit} 委托代为投票：${p.voted ? '已投票' : '未投票'}`}</Text>
        </Fact>
      ))}
      {held.some((p) => !p.voted) && v.vote?.open ? (
        <Button size='small' type='primary' className='js-vote-as-proxy' onClick={() => go(conventionUrl(v.conventionId, 'conventionBallot'))}>
          代为投票
        </Button>
      ) : null}
      {given ? (
        <Fact label='我的委托' className='js-proxy-given'>
          <Text>{`已委托 ${given.proxyName} 代为投票（${PROXY_STATES[given.state]}）`}</Text>
          {given.state === 'active' ? (
            <Button size='small' fill='outline' className='js-revoke-proxy' onClick={() => void revoke()}>
              撤销委托
            </Button>
          ) : null}
        </Fact>
      ) : null}
      {v.can.proxy && (!given || given.state === 'revoked') ? (
        <View className='js-grant-proxy'>
          <Text className='ll-block ll-muted'>不方便投票时，可以书面委托另一位已认证的居民代您投票。委托只对本次表决有效，受托人不能再转委托。</Text>
          <View className='ll-field'>
            <Input className='js-proxy-name' placeholder='受托人姓名' value={name} maxLength={20} onChange={(t: string) => setName(t)} />
          </View>
          <View className='ll-field'>
            <Input className='js-proxy-phone' type='number' placeholder='受托人手机号' value={phone} maxLength={11} onChange={(t: string) => setPhone(t)} />
          </View>
          {error ? <Text className='ll-error-text js-proxy-error'>{error}</Text> : null}
          <Button type='primary' size='small' loading={busy} disabled={busy} className='js-grant' onClick={() => void grant()}>
            委托投票
          </Button>
        </View>
      ) : null}
    </Card>
  )
}

const FILING_LABELS = { none: '未备案', submitted: '已报送备案', filed: '已备案' } as const

/** The posted result (公示) with the objection window, 提出异议, and 签署承诺 after adoption. */
export function OutcomeCard({ v, reload }: { v: ConventionView; reload: () => void }) {
  const [objecting, setObjecting] = useState(false)
  const [signing, setSigning] = useState(false)
  const r = v.result
  if (!r && !v.can.sign && !v.mine.signed && !v.filing) return null
  const sign = async () => {
    setSigning(true)
    const res = await conventionApi.sign({ conventionId: v.conventionId })
    setSigning(false)
    if (!res.ok) return toast(res.message)
    toast('已签署承诺', 'success')
    reload()
  }
  const object = async (text: string) => {
    const data = { conventionId: v.conventionId, text }
    const problem = firstProblem(conventionContract.object.input, data)
    if (problem) return problem
    const res = await conventionApi.object(data)
    if (!res.ok) return res.message
    setObjecting(false)
    toast('异议已提交，业委会将答复', 'success')
    reload()
    return null
  }
  return (
    <Card title='表决结果' className='js-outcome'>
      {r ? (
        <>
          <Text className={`cv-verdict ${r.passed ? 'is-passed' : 'is-failed'} js-outcome-verdict`}>{r.binding ? (r.passed ? '表决通过' : '表决未通过') : '征求意见结果（不具表决效力）'}</Text>
          <Fact label='公示时间'>
            <Text>{eventTime(r.postedAt)}</Text>
          </Fact>
          <Fact label='异议期' className='js-objection-window'>
            <Text>{`${eventTime(r.objectionEndsAt)} 前可提出异议`}</Text>
          </Fact>
        </>
      ) : null}
      {v.filing ? (
        <Fact label='备案' className='js-filing'>
          <Text>{`${FILING_LABELS[v.filing.state]}${v.filing.office ? `（${v.filing.office}）` : ''}`}</Text>
        </Fact>
      ) : null}
      {v.phase === 'adopted' || v.can.sign || v.mine.signed ? (
        <Fact label='签署承诺' className='js-signatures'>
          <Text>{`已有 ${v.signatures} 户签署${v.mine.signed ? '，您已签署' : ''}`}</Text>
        </Fact>
      ) : null}
      <View className='cv-buttons'>
        {v.can.sign ? (
          <Button size='large' type='primary' loading={signing} disabled={signing} className='js-sign' onClick={() => void sign()}>
            签署承诺
          </Button>
        ) : null}
        {v.can.object ? (
          <Button size='large' fill='outline' className='js-object' onClick={() => setObjecting(true)}>
            提出异议
          </Button>
        ) : null}
      </View>
      <TextDialog
        visible={objecting}
        title='提出异议'
        name='objection'
        hint='请写明对表决程序或结果的异议及理由，业委会须在公示期内答复。'
        placeholder='异议内容'
        confirmText='提交异议'
        submit={object}
        onClose={() => setObjecting(false)}
      />
    </Card>
  )
}
