// 隐私与个人数据: separate consents (party membership, public name), export, and account deletion.
import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, CellGroup, Dialog } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { PageShell } from '../../../components/PageShell'
import { ErrorBlock, Loading } from '../../../components/StateView'
import { userApi } from '../../../services/user'
import { PRIVACY_VERSION } from '@core/user/contract'
import { useSession } from '../../../store/session'
import { PrivacyGuide } from './guide'
import { Toggle } from '../../../components/Toggle'

export default function Privacy() {
  const { session, status, error, refresh, setSession } = useSession()
  const [exported, setExported] = useState<string | null>(null)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)

  if (status === 'error') {
    return (
      <PageShell title='隐私与个人数据'>
        <ErrorBlock message={error ?? '加载失败'} onRetry={() => void refresh()} />
      </PageShell>
    )
  }
  if (!session) {
    return (
      <PageShell title='隐私与个人数据'>
        <Loading />
      </PageShell>
    )
  }

  const consent = async (kind: 'party' | 'publishName' | 'privacy', granted: boolean) => {
    setBusy(kind)
    const res = await userApi.recordConsent({ kind, granted, version: PRIVACY_VERSION })
    setBusy(null)
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' })
    setSession(res.data)
    void Taro.showToast({ title: granted ? '已同意' : '已撤回', icon: 'success' })
  }

  const exportData = async () => {
    setBusy('export')
    const res = await userApi.exportMyData({})
    setBusy(null)
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' })
    const text = JSON.stringify(res.data, null, 2)
    setExported(text)
    void Taro.setClipboardData({ data: text }).catch(() => undefined)
  }

  const deleteAccount = async () => {
    setConfirmDelete(false)
    setBusy('delete')
    const res = await userApi.deleteMyAccount({ confirm: true })
    setBusy(null)
    if (!res.ok) return void Taro.showModal({ title: '无法注销', content: res.message, showCancel: false })
    await Taro.showModal({ title: '账号已注销', content: '您的个人信息已删除或匿名化。感谢您曾参与小区事务。', showCancel: false })
    await refresh()
    void Taro.switchTab({ url: '/pages/home/index' })
  }

  return (
    <PageShell title='隐私与个人数据'>
      <CellGroup title='授权管理'>
        <Cell title='隐私保护指引' description={session.consents.privacy ? `已同意（${session.consents.privacyVersion}）` : '未同意'} />
        <Cell
          title='收集党员身份信息'
          description='用于亮身份、党员志愿服务；不影响其他功能'
          extra={<Toggle checked={session.consents.party} disabled={busy === 'party'} onChange={(v) => void consent('party', v)} label='收集党员身份信息' className='js-consent-party' />}
        />
        <Cell
          title='公开榜单显示我的真实姓名'
          description='关闭时显示为 王** 这样的遮挡形式'
          extra={<Toggle checked={session.consents.publishName} disabled={busy === 'publishName'} onChange={(v) => void consent('publishName', v)} label='公开榜单显示我的真实姓名' className='js-consent-name' />}
        />
      </CellGroup>
      <View className='ll-gap' />
      <Card title='我的数据'>
        <Text className='ll-block ll-muted'>导出我们保存的全部关于您的信息（JSON 格式，已复制到剪贴板）。</Text>
        <View className='ll-gap' />
        <Button block loading={busy === 'export'} className='js-export' onClick={() => void exportData()}>
          导出我的数据
        </Button>
        {exported ? (
          <ScrollView scrollY className='js-export-result' style={{ maxHeight: '300px', marginTop: '12px', background: '#fafafa', borderRadius: '8px' }}>
            <Text style={{ fontFamily: 'monospace', fontSize: '12px', whiteSpace: 'pre-wrap' }}>{exported}</Text>
          </ScrollView>
        ) : null}
      </Card>
      <Card title='注销账号'>
        <Text className='ll-block ll-muted'>注销后将删除您的手机号、房屋认证和授权记录；您参与过的表决、服务时长只以匿名统计保留。此操作不可恢复。</Text>
        <View className='ll-gap' />
        <Button block type='danger' fill='outline' loading={busy === 'delete'} className='js-delete-account' onClick={() => setConfirmDelete(true)}>
          注销账号
        </Button>
      </Card>
      <Card title='隐私保护指引全文'>
        <PrivacyGuide />
      </Card>
      <Dialog
        visible={confirmDelete}
        title='确认注销账号？'
        content='注销后无法恢复，需要重新认证房屋才能再次使用。'
        confirmText='确认注销'
        cancelText='再想想'
        onConfirm={() => void deleteAccount()}
        onCancel={() => setConfirmDelete(false)}
        onClose={() => setConfirmDelete(false)}
      />
    </PageShell>
  )
}
