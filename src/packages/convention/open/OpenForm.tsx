// 发起表决's form: the rule (the law's default for this kind, explained on choice), the electorate of
// a residents' meeting, the window, and the auditors.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ELECTORATES, ELECTORATE_LABELS, RULE_EXPLAINED, RULE_LABELS, VOTE_RULES, defaultRule, ruleTooWeak } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { Field, FormProblemLine } from '../../../components/FormField'
import { group, tappable } from '../../../components/Tappable'
import { Toggle } from '../../../components/Toggle'
import type { ConventionView } from '../../../services/convention'
import { DateTimeField } from '../components'
import { AuditorPicker } from './AuditorPicker'
import { useOpenVotingForm } from './useOpenVotingForm'

export function OpenForm({ v }: { v: ConventionView }) {
  const { form, set, problem, busy, submit } = useOpenVotingForm(v)

  return (
    <View className='js-open-form'>
      <Card title={v.title}>
        <Field name='rule' problem={problem}>
          <Text className='ll-label'>表决规则</Text>
          <View className='ll-choice-row' {...group('radiogroup', '表决规则')}>
            {VOTE_RULES.map((r) => (
              <View key={r} className={`ll-choice js-rule-${r} ${form.rule === r ? 'is-selected' : ''}`} {...tappable(() => set('rule', r), { role: 'radio', checked: form.rule === r })}>
                <Text>{RULE_LABELS[r]}</Text>
              </View>
            ))}
          </View>
          <Text className='cv-explain js-rule-explained'>{RULE_EXPLAINED[form.rule]}</Text>
          {form.rule === defaultRule(v.kind) ? <Text className='ll-block ll-muted'>这是此类公约依法适用的规则。</Text> : null}
          {ruleTooWeak(v.kind, form.rule) ? <Text className='ll-block ll-error-text js-rule-too-weak'>{ruleTooWeak(v.kind, form.rule)}</Text> : null}
        </Field>
        {form.rule === 'residents_meeting' ? (
          <Field name='electorate' problem={problem}>
            <Text className='ll-label'>居民会议的投票人</Text>
            <View className='ll-choice-row' {...group('radiogroup', '投票人')}>
              {ELECTORATES.map((e) => (
                <View key={e} className={`ll-choice js-electorate-${e} ${form.electorate === e ? 'is-selected' : ''}`} {...tappable(() => set('electorate', e), { role: 'radio', checked: form.electorate === e })}>
                  <Text>{ELECTORATE_LABELS[e]}</Text>
                </View>
              ))}
            </View>
          </Field>
        ) : null}
      </Card>
      <Card title='投票时间（北京时间）'>
        <Field name='window' problem={problem}>
          <View className='cv-inline'>
            <Text className='ll-label'>立即开始</Text>
            <Toggle checked={form.startNow} onChange={(on) => set('startNow', on)} label='立即开始' className='js-start-now' />
          </View>
          {form.startNow ? null : <DateTimeField label='开始时间' name='start' value={form.start} onChange={(t) => set('start', t)} />}
          <DateTimeField label='截止时间' name='end' value={form.end} onChange={(t) => set('end', t)} />
        </Field>
        <Text className='ll-block ll-muted'>表决时间至少 1 小时，最长 90 天；到截止时间自动结束并计票。</Text>
      </Card>
      <Card title='监票人'>
        <Field name='auditors' problem={problem}>
          <Text className='ll-block ll-muted'>监票人可以看到每张选票、录入纸质选票、导出表决记录。至少 1 名，最多 9 名。</Text>
          <AuditorPicker chosen={form.auditors} onChange={(a) => set('auditors', a)} />
        </Field>
      </Card>
      <FormProblemLine problem={problem} />
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-open-voting' onClick={() => void submit()}>
        发起表决
      </Button>
    </View>
  )
}
