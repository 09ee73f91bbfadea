// 证明查验: anyone (a school, an employer) checks a 志愿服务证明 by its number or its QR code and sees
// only what the function answers: valid or not, the name masked, hours, period and issuer.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { PageShell } from '../../../components/PageShell'
import { Loading } from '../../../components/StateView'
import { isWeapp } from '../../../services/platform'
import { firstProblem } from '../../../services/validate'
import { parseCertificateQr, volunteerApi, type CertificateCheck } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { Fact, useParam } from '../components'

function Result({ r }: { r: CertificateCheck }) {
  if (!r.valid) {
    return (
      <Card className='js-verify-result js-verify-invalid'>
        <Text className='vo-verdict vo-verdict--bad'>未通过查验</Text>
        <Text className='ll-block js-verify-message'>{r.message ?? '这份证明无效'}</Text>
      </Card>
    )
  }
  return (
    <Card className='js-verify-result js-verify-valid'>
      <Text className='vo-verdict vo-verdict--ok'>✓ 证明有效</Text>
      <Fact label='志愿者' className='js-verify-name'>
        <Text>{r.nameMasked}</Text>
      </Fact>
      <Fact label='服务时长' className='js-verify-hours'>
        <Text>{r.totalHours} 小时</Text>
      </Fact>
      <Fact label='服务期间'>
        <Text>
          {r.periodFrom} 至 {r.periodTo}
        </Text>
      </Fact>
      <Fact label='出具单位' className='js-verify-issuer'>
        <Text>{r.issuer}</Text>
      </Fact>
    </Card>
  )
}

export default function VolunteerVerifyPage() {
  const initial = useParam('number')
  const [number, setNumber] = useState(initial)
  const [result, setResult] = useState<CertificateCheck | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const check = async (value: string) => {
    const data = { number: value.trim().toUpperCase() }
    if (!data.number) return setError('请输入证明编号')
    const problem = firstProblem(volunteerContract.verifyCertificate.input, data)
    if (problem) return setError(problem)
    setError(null)
    setBusy(true)
    const res = await volunteerApi.verifyCertificate(data)
    setBusy(false)
    if (!res.ok) return setError(res.message)
    setResult(res.data)
  }
  useEffect(() => {
    if (initial) void check(initial)
    // only the number the page was opened with
  }, [initial])

  const scan = async () => {
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return
    }
    const parsed = parseCertificateQr(text)
    if (!parsed) return setError('这不是志愿服务证明的二维码')
    setNumber(parsed)
    await check(parsed)
  }

  return (
    <PageShell title='证明查验' subtitle='输入志愿服务证明上的编号，核验真伪'>
      <Card>
        <Text className='ll-label'>证明编号</Text>
        <View className='ll-field'>
          <Input className='js-verify-number' value={number} maxLength={20} placeholder='如 ZY2026120000011' onChange={(v: string) => setNumber(v)} />
        </View>
        {error ? <Text className='ll-error-text js-verify-error'>{error}</Text> : null}
        <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-verify-submit' onClick={() => void check(number)}>
          查验
        </Button>
        {isWeapp ? (
          <>
            <View className='ll-gap' />
            <Button block fill='outline' size='large' className='js-verify-scan' onClick={() => void scan()}>
              扫描证明二维码
            </Button>
          </>
        ) : null}
      </Card>
      {busy && !result ? <Loading text='正在查验…' /> : result ? <Result r={result} /> : null}
      <Text className='ll-block ll-muted'>查验结果只显示打码后的姓名、服务时长、期间和出具单位。</Text>
    </PageShell>
  )
}
