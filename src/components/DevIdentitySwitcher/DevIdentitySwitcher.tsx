// Local builds only (LINLI_LOCAL): act as any demo identity, or as a brand-new user.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { DEMO_IDENTITIES } from '@core/demo-identities'
import { devOpenid, setDevOpenid } from '../../services/platform'
import { useSession } from '../../store/session'
import { Card } from '../Card'
import { group, tappable } from '../Tappable'

export function DevIdentitySwitcher() {
  const { refresh } = useSession()
  const [current, setCurrent] = useState(devOpenid())
  const [custom, setCustom] = useState('')
  const switchTo = (openid: string) => {
    setDevOpenid(openid)
    setCurrent(openid)
    void refresh()
  }
  return (
    <Card title='切换身份（本地调试）' className='ll-dev js-dev-switcher'>
      <Text className='ll-block ll-muted'>仅本地开发版显示。当前：{current}</Text>
      <View className='ll-choice-row' {...group('radiogroup', '切换身份')}>
        {DEMO_IDENTITIES.map((d) => (
          <View
            key={d.openid}
            className={`ll-choice js-identity-${d.openid} ${current === d.openid ? 'is-selected' : ''}`}
            {...tappable(() => switchTo(d.openid), { role: 'radio', checked: current === d.openid })}
          >
            <Text className='ll-block'>{d.name}</Text>
            <Text className='ll-muted'>{d.note}</Text>
          </View>
        ))}
      </View>
      <View className='ll-row'>
        <View className='ll-field' style={{ flex: 1 }}>
          <Input className='js-custom-openid' placeholder='其他 openid，如 new-user-1' value={custom} onChange={(v: string) => setCustom(v)} />
        </View>
        <Button size='small' className='js-use-openid' onClick={() => custom.trim() && switchTo(custom.trim())}>
          使用
        </Button>
        <Button size='small' className='js-new-user' onClick={() => switchTo(`new-${Date.now().toString(36)}`)}>
          新用户
        </Button>
      </View>
    </Card>
  )
}
