// Where the caller stands on the way from visitor to verified resident, with the next step.
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, WORKPLACE_ROLES, worksWithoutHousehold } from '@core/roles'
import type { Session } from '../../services/user'
import { homeLabel } from '../../utils/format'
import { Card } from '../Card'
import { ROUTES, go } from '../../routes'


export function HouseholdStatus({ session }: { session: Session }) {
  if (!session.consents.privacy) {
    return (
      <Card title='欢迎使用邻里共治' className='ll-notice'>
        <Text className='ll-block ll-text-2'>使用前请先阅读《隐私保护指引》。同意后即可认证房屋，参与小区事务。</Text>
        <View className='ll-gap' />
        <Button type='primary' block size='large' className='js-start-consent' onClick={() => go(ROUTES.consent)}>
          阅读指引并开始
        </Button>
      </Card>
    )
  }
  const b = session.binding
  if (session.household?.verified) {
    return (
      <Card title='我的房屋' extra={<Tag type='success'>已认证</Tag>} className='ll-notice ll-notice--ok'>
        <Text className='ll-block js-home-label'>{homeLabel(session.household)}</Text>
      </Card>
    )
  }
  if (b?.state === 'pending') {
    return (
      <Card title='房屋认证审核中' extra={<Tag type='warning'>待审核</Tag>} className='ll-notice ll-notice--warn js-binding-pending'>
        <Text className='ll-block'>{homeLabel(b)}</Text>
        <Text className='ll-block ll-muted'>楼栋长或网格员核实后即可参与表决、报名等住户事务，请耐心等待。</Text>
      </Card>
    )
  }
  if (!b && worksWithoutHousehold(session.roles)) {
    // the property company and the street office work here without living here: no call to verify a home
    const as = WORKPLACE_ROLES.filter((r) => session.roles.includes(r)).map((r) => ROLE_LABELS[r]).join('、')
    return (
      <Card title='工作账号' extra={<Tag type='primary'>{as}</Tag>} className='ll-notice js-work-account'>
        <Text className='ll-block ll-text-2'>您以{as}工作人员身份使用，无需认证房屋。常用工具在「办事」页。</Text>
        <Text className='ll-block ll-muted'>如果您也住在本小区，可以在「我的 › 我的房屋」认证，参与住户事务。</Text>
      </Card>
    )
  }
  return (
    <Card title={b?.state === 'rejected' ? '认证未通过' : '认证您的房屋'} className='ll-notice'>
      {b?.state === 'rejected' ? (
        <Text className='ll-block ll-text-2'>
          {homeLabel(b)}的认证未通过：{b.reason ?? '信息不符'}。请核对后重新申请。
        </Text>
      ) : (
        <Text className='ll-block ll-text-2'>认证后可以反映问题、报名活动、参与公约表决。</Text>
      )}
      <View className='ll-gap' />
      <Button type='primary' block size='large' className='js-go-binding' onClick={() => go(ROUTES.binding)}>
        {b?.state === 'rejected' ? '重新申请认证' : '去认证房屋'}
      </Button>
    </Card>
  )
}
