// 代办: a grid worker or the branch finds the verified resident they act for (by name — the home and
// the masked phone confirm it is the right person) and notes how the resident consented. Shared by
// 我要反映 and 活动报名; the function decides who may be picked, the page only shows its answer.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { OutputOf } from '@core/contract'
import type { UserContract } from '@core/user/contract'
import { userApi } from '../../services/user'
import { Field, type FormProblem } from '../FormField'
import { group, tappable } from '../Tappable'
import './ProxyPicker.scss'

export type ProxyCandidate = OutputOf<UserContract['proxyCandidates']>['items'][number]

export interface ProxyChoice {
  resident: ProxyCandidate | null
  /** 居民同意情况, e.g. 本人口头同意，楼栋长当面记录 */
  consentNote: string
}

export const NO_PROXY: ProxyChoice = { resident: null, consentNote: '' }

export interface OnBehalfOf {
  userId: string
  consentNote: string
}

const CONSENT_MAX = 100

/** The `onBehalfOf` to send, or what is missing and in which field (`proxyResident`, `proxyConsent`). */
export function onBehalfOfFrom(choice: ProxyChoice): { ok: true; value: OnBehalfOf } | { ok: false; problem: Required<FormProblem> } {
  if (!choice.resident) return { ok: false, problem: { message: '请先查找并选择要代办的居民', field: 'proxyResident' } }
  const note = choice.consentNote.trim()
  if (!note) return { ok: false, problem: { message: '请填写居民同意情况，如：本人口头同意，楼栋长当面记录', field: 'proxyConsent' } }
  if ([...note].length > CONSENT_MAX) return { ok: false, problem: { message: `居民同意情况不能超过 ${CONSENT_MAX} 个字`, field: 'proxyConsent' } }
  return { ok: true, value: { userId: choice.resident.userId, consentNote: note } }
}

/** 张阿姨 · 1栋1单元301 · 138****1234 */
export function candidateText(c: ProxyCandidate): string {
  return [c.displayName, c.home, c.phoneMasked].filter(Boolean).join(' · ')
}

export interface ProxyPickerProps {
  value: ProxyChoice
  onChange: (value: ProxyChoice) => void
  /** The form's problem: marks the resident or the consent field when it is about them. */
  problem?: FormProblem | null
  className?: string
}

export function ProxyPicker({ value, onChange, problem = null, className }: ProxyPickerProps) {
  const [query, setQuery] = useState('')
  const [items, setItems] = useState<ProxyCandidate[] | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const search = async () => {
    if (busy) return
    setBusy(true)
    setSearchError(null)
    const q = query.trim()
    const res = await userApi.proxyCandidates(q ? { query: q } : {})
    setBusy(false)
    if (!res.ok) return setSearchError(res.message)
    setItems(res.data.items)
  }

  const picked = value.resident
  return (
    <View className={`ll-proxy js-proxy-picker ${className ?? ''}`}>
      <Field name='proxyResident' problem={problem}>
        <Text className='ll-label'>代办的居民</Text>
        <View className='ll-proxy__search'>
          <View className='ll-field ll-proxy__query'>
            <Input
              className='js-proxy-query'
              placeholder='输入居民姓名查找'
              value={query}
              maxLength={20}
              onChange={(t: string) => setQuery(t)}
              onConfirm={() => void search()}
            />
          </View>
          <Button type='primary' loading={busy} disabled={busy} className='js-proxy-search' onClick={() => void search()}>
            查找
          </Button>
        </View>
        {searchError ? <Text className='ll-block ll-error-text js-proxy-search-error'>{searchError}</Text> : null}
        {items && !items.length ? <Text className='ll-block ll-muted js-proxy-none'>没有找到。只能为本小区已认证房屋的居民代办，请核对姓名。</Text> : null}
        {items && items.length ? (
          <View className='ll-proxy__list' {...group('radiogroup', '代办的居民')}>
            {items.map((c) => {
              const on = picked?.userId === c.userId
              return (
                <View
                  key={c.userId}
                  className={`ll-choice ll-proxy__option js-proxy-option js-proxy-option-${c.userId} ${on ? 'is-selected' : ''}`}
                  {...tappable(() => onChange({ ...value, resident: c }), { role: 'radio', checked: on })}
                >
                  <Text className='ll-proxy__name'>{c.displayName}</Text>
                  <Text className='ll-block ll-muted'>{[c.home, c.phoneMasked].filter(Boolean).join(' · ')}</Text>
                </View>
              )
            })}
          </View>
        ) : null}
        {picked ? <Text className='ll-block ll-text-2 js-proxy-picked'>{`已选：${candidateText(picked)}`}</Text> : null}
      </Field>
      <Field name='proxyConsent' problem={problem}>
        <Text className='ll-label'>居民同意情况（必填）</Text>
        <View className='ll-field'>
          <TextArea
            className='js-proxy-consent'
            placeholder='如：本人口头同意，楼栋长当面记录'
            value={value.consentNote}
            maxLength={CONSENT_MAX}
            showCount
            autoSize
            onChange={(t: string) => onChange({ ...value, consentNote: t })}
          />
        </View>
        <Text className='ll-block ll-muted'>代办会标注在记录上并写入操作日志，居民登录后也能看到。</Text>
      </Field>
    </View>
  )
}
