// 房屋认证: pick the building and unit, type the room, say how you live there; a grid worker verifies.
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { ROUTES } from '../../../routes'
import { PageShell } from '../../../components/PageShell'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { useSession } from '../../../store/session'
import { homeLabel } from '../../../utils/format'
import { BindingForm } from './BindingForm'
import { PendingCard } from './PendingCard'

export default function Binding() {
  const { session, status, error, refresh } = useSession()
  if (status === 'error') {
    return (
      <PageShell title='房屋认证'>
        <ErrorBlock message={error ?? '加载失败'} onRetry={() => void refresh()} />
      </PageShell>
    )
  }
  if (!session) {
    return (
      <PageShell title='房屋认证'>
        <Loading />
      </PageShell>
    )
  }
  if (!session.consents.privacy) {
    return (
      <PageShell title='房屋认证'>
        <Empty
          text='认证房屋前，请先阅读并同意隐私保护指引'
          action={
            <Button type='primary' onClick={() => void Taro.redirectTo({ url: ROUTES.consent })}>
              去阅读
            </Button>
          }
        />
      </PageShell>
    )
  }
  return (
    <PageShell title='房屋认证' subtitle='认证后才能参与住户事务和表决'>
      {session.household?.verified ? (
        <Card title='已认证' extra={<Tag type='success'>已认证</Tag>} className='ll-notice ll-notice--ok js-binding-verified'>
          <Text className='ll-block ll-card__title'>{homeLabel(session.household)}</Text>
          <Text className='ll-block ll-muted'>如需更换房屋，可在下方重新申请，审核通过后替换。</Text>
        </Card>
      ) : null}
      <PendingCard />
      {session.binding?.state !== 'pending' ? <BindingForm /> : null}
    </PageShell>
  )
}
