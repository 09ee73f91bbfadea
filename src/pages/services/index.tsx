// 办事: the five services of the compound, and the staff tools the caller's roles open.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { STAFF_ROLES } from '@core/roles'
import { Card } from '../../components/Card'
import { ROUTES, go } from '../../components/HouseholdStatus'
import { PageShell } from '../../components/PageShell'
import { EVENT_ORGANIZER_ROLES } from '../../services/event'
import { NOTICE_PUBLISHER_ROLES } from '../../services/notice'
import { useSession } from '../../store/session'

/** Services that are live open their page; the rest are still 建设中. */
const SERVICES: ReadonlyArray<{ key: string; title: string; desc: string; url?: string }> = [
  { key: 'request', title: '你呼我应', desc: '反映问题、求助，网格员限时响应', url: ROUTES.requestMine },
  { key: 'volunteer', title: '志愿服务', desc: '加入志愿服务队，认领任务' },
  { key: 'convention', title: '公约表决', desc: '居民公约、管理规约征求意见与表决' },
  { key: 'event', title: '活动报名', desc: '下午茶、义诊、主题党日', url: ROUTES.eventList },
  { key: 'notice', title: '通知公告', desc: '停水停电、物业公示、政策宣传', url: ROUTES.noticeList },
]

function comingSoon(title: string) {
  void Taro.showModal({ title, content: `「${title}」正在建设中，上线后即可使用。`, showCancel: false, confirmText: '知道了' })
}

export default function Services() {
  const { hasRole } = useSession()
  return (
    <PageShell title='办事' subtitle='小区党支部、业委会、物业三方联动'>
      <View className='ll-grid'>
        {SERVICES.map((s) => (
          <View key={s.key} className={`ll-tile js-service-${s.key}`} onClick={() => (s.url ? go(s.url) : comingSoon(s.title))}>
            <View className='ll-row'>
              <Text className='ll-tile__title'>{s.title}</Text>
              {s.url ? null : <Tag type='default'>建设中</Tag>}
            </View>
            <Text className='ll-tile__desc'>{s.desc}</Text>
          </View>
        ))}
      </View>
      <View className='ll-gap' />
      {hasRole(...STAFF_ROLES, 'member') ? (
        <Card title='工作台' className='js-workbench'>
          {hasRole(...STAFF_ROLES) ? (
            <View className='ll-list-item js-tool-requests' onClick={() => go(ROUTES.requestWork)}>
              <Text className='ll-block'>反映工作台</Text>
              <Text className='ll-muted'>受理、办理居民反映，按期限提醒</Text>
            </View>
          ) : null}
          {hasRole('member') ? (
            <View className='ll-list-item js-tool-hall' onClick={() => go(ROUTES.requestHall)}>
              <Text className='ll-block'>任务大厅</Text>
              <Text className='ll-muted'>认领邻里求助任务</Text>
            </View>
          ) : null}
          {hasRole('branch', 'committee', 'officer') ? (
            <View className='ll-list-item js-tool-stats' onClick={() => go(ROUTES.requestStats)}>
              <Text className='ll-block'>三率统计</Text>
              <Text className='ll-muted'>响应率、解决率、满意率</Text>
            </View>
          ) : null}
          {hasRole(...EVENT_ORGANIZER_ROLES) ? (
            <View className='ll-list-item js-tool-new-event' onClick={() => go(ROUTES.eventEdit)}>
              <Text className='ll-block'>发布活动</Text>
              <Text className='ll-muted'>茶话会、义诊、主题党日：报名、候补、签到一站办</Text>
            </View>
          ) : null}
          {hasRole(...NOTICE_PUBLISHER_ROLES) ? (
            <View className='ll-list-item js-tool-new-notice' onClick={() => go(ROUTES.noticeEdit)}>
              <Text className='ll-block'>发布通知</Text>
              <Text className='ll-muted'>停水停电、物业公示、政策宣传：置顶、重要提醒、阅读统计</Text>
            </View>
          ) : null}
          {hasRole(...NOTICE_PUBLISHER_ROLES) ? (
            <View className='ll-list-item js-tool-my-notices' onClick={() => go(ROUTES.noticeManage)}>
              <Text className='ll-block'>我发布的</Text>
              <Text className='ll-muted'>已发布的通知、阅读人数和未读住户</Text>
            </View>
          ) : null}
          {hasRole('grid', 'branch') ? (
            <View className='ll-list-item js-tool-verify' onClick={() => go(ROUTES.verify)}>
              <Text className='ll-block'>住户认证审核</Text>
              <Text className='ll-muted'>核实本楼栋住户的房屋认证申请</Text>
            </View>
          ) : null}
          {hasRole('branch', 'committee') ? (
            <View className='ll-list-item js-tool-roles' onClick={() => go(ROUTES.roles)}>
              <Text className='ll-block'>{hasRole('branch') ? '人员与角色' : '人员名册'}</Text>
              <Text className='ll-muted'>{hasRole('branch') ? '设置楼栋长、党员志愿者、业委会等角色（留痕）' : '查看本小区已登记人员'}</Text>
            </View>
          ) : null}
        </Card>
      ) : null}
    </PageShell>
  )
}
