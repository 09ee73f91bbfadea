// 办事: the compound's services and the tools the caller's roles open — both read from the domain
// manifests (core/domains.ts), each tool shown to those who may call the action it is built on.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { DOMAINS, PLANNED_SERVICES } from '@core/domains'
import { pageUrl, toolFor, type Service } from '@core/manifest'
import { Card } from '../../components/Card'
import { PageShell } from '../../components/PageShell'
import { go } from '../../routes'
import { useSession } from '../../store/session'
import { tappable } from '../../components/Tappable'

type Tile = Service & { key: string; url?: string }

/** Live services in domain order, with the planned ones (建设中) where they will sit. */
function tiles(): Tile[] {
  const out: Tile[] = DOMAINS.flatMap((d) => (d.service ? [{ ...d.service, key: d.name, url: d.service.page ? pageUrl(d.name, d.service.page) : undefined }] : []))
  for (const planned of PLANNED_SERVICES) {
    const at = out.findIndex((t) => t.key === planned.after)
    out.splice(at < 0 ? out.length : at + 1, 0, planned)
  }
  return out
}

const TILES = tiles()

function comingSoon(title: string) {
  void Taro.showModal({ title, content: `「${title}」正在建设中，上线后即可使用。`, showCancel: false, confirmText: '知道了' })
}

export default function Services() {
  const { session } = useSession()
  const tools = DOMAINS.flatMap((d) =>
    d.tools.flatMap((t) => {
      const form = toolFor(session, t)
      return form ? [{ ...form, key: t.key, url: pageUrl(d.name, t.page) }] : []
    }),
  )
  return (
    <PageShell title='办事' subtitle='小区党支部、业委会、物业三方联动'>
      <View className='ll-grid'>
        {TILES.map((s) => (
          <View key={s.key} className={`ll-tile js-service-${s.key}`} {...tappable(() => (s.url ? go(s.url) : comingSoon(s.title)), { role: s.url ? 'link' : 'button' })}>
            <View className='ll-row'>
              <Text className='ll-tile__title'>{s.title}</Text>
              {s.url ? null : <Tag type='default'>建设中</Tag>}
            </View>
            <Text className='ll-tile__desc'>{s.desc}</Text>
          </View>
        ))}
      </View>
      <View className='ll-gap' />
      {tools.length ? (
        <Card title='工作台' className='js-workbench'>
          {tools.map((t) => (
            <View key={t.key} className={`ll-list-item js-tool-${t.key}`} {...tappable(() => go(t.url), { role: 'link' })}>
              <Text className='ll-block'>{t.title}</Text>
              <Text className='ll-muted'>{t.desc}</Text>
            </View>
          ))}
        </Card>
      ) : null}
    </PageShell>
  )
}
