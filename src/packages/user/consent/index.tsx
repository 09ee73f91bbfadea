// 隐私保护指引 at first use (PIPL; WeChat privacy rules): read, then agree or leave as a visitor.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { ROUTES } from '../../../routes'
import { PageShell } from '../../../components/PageShell'
import { ErrorBlock } from '../../../components/StateView'
import { userApi } from '../../../services/user'
import { PRIVACY_VERSION } from '@core/user/contract'
import { useSession } from '../../../store/session'
import { PrivacyGuide } from '../privacy/guide'

export default function Consent() {
  const { setSession } = useSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const agree = async () => {
    setBusy(true)
    setError(null)
    const res = await userApi.recordConsent({ kind: 'privacy', granted: true, version: PRIVACY_VERSION })
    setBusy(false)
    if (!res.ok) return setError(res.message)
    setSession(res.data)
    void Taro.redirectTo({ url: ROUTES.binding })
  }

  return (
    <PageShell title='隐私保护指引' subtitle={`版本 ${PRIVACY_VERSION}`}>
      <Card>
        <PrivacyGuide />
      </Card>
      {error ? <ErrorBlock message={error} /> : null}
      <View className='ll-actions'>
        <Button size='large' className='js-decline' onClick={() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/home/index' }))}>
          暂不同意
        </Button>
        <Button type='primary' size='large' loading={busy} disabled={busy} className='js-agree' onClick={() => void agree()}>
          同意并继续
        </Button>
      </View>
      <Text className='ll-block ll-muted' style={{ marginTop: '12px' }}>
        不同意也可以浏览小区公开通知；党员身份、公开署名另行单独征求您的同意，可随时撤回。
      </Text>
    </PageShell>
  )
}
