// My hours (verified only count) by month and by team, the certificate, the CSV export, every record.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { Empty, RemoteView } from '../../../components/StateView'
import { ROUTES, go } from '../../../routes'
import { isWeapp, saveCsv } from '../../../services/platform'
import { volunteerApi } from '../../../services/volunteer'
import { useResource } from '../../../hooks/useResource'
import { Bars, toast } from '../components'
import { RecordRow } from './RecordRow'

export function Hours() {
  const record = useResource(() => volunteerApi.myRecord({}), [], { refreshOnShow: true })
  const [exporting, setExporting] = useState(false)
  const exportCsv = async () => {
    setExporting(true)
    const res = await volunteerApi.exportMyRecord({})
    if (!res.ok) {
      setExporting(false)
      return toast(res.message)
    }
    try {
      const how = await saveCsv(res.data.filename, res.data.csv)
      if (how === 'downloaded') toast(`已导出 ${res.data.rows} 条`, 'success')
      else void Taro.showModal({ title: '服务记录已复制', content: `共 ${res.data.rows} 条记录（CSV 格式）已复制到剪贴板，可粘贴发送到电脑保存为 .csv 文件。`, showCancel: false, confirmText: '知道了' })
    } catch {
      toast('导出失败，请重试')
    }
    setExporting(false)
  }
  return (
    <RemoteView {...record} onRetry={() => void record.reload()}>
      {(d) => (
        <>
          <Card title='我的服务时长' className='js-my-hours'>
            <Text className='vo-total js-total-hours'>{d.totalHours} 小时</Text>
            <Text className='ll-block ll-muted js-points'>积分 {d.points} · 只有队长核实过的时长才计入</Text>
            {d.byMonth.length ? <Bars className='js-by-month' rows={d.byMonth.map((m) => ({ key: m.month, label: m.month, value: m.minutes, text: `${m.hours} 小时` }))} /> : null}
            {d.byTeam.length ? <Bars className='js-by-team' rows={d.byTeam.map((t, i) => ({ key: `t${i}`, label: t.team, value: t.minutes, text: `${t.hours} 小时` }))} /> : null}
            <View className='vo-actions'>
              <Button type='primary' size='large' className='js-certificate' onClick={() => go(ROUTES.volunteerCertificate)}>
                志愿服务证明
              </Button>
              <Button size='large' loading={exporting} disabled={exporting} className='js-export' onClick={() => void exportCsv()}>
                导出记录
              </Button>
            </View>
            <Text className='ll-block ll-muted'>{isWeapp ? '导出会把记录（CSV）复制到剪贴板。' : '导出会下载记录（CSV，可用 Excel 打开）。'}</Text>
          </Card>
          <Card title='服务记录' className='js-records'>
            {d.records.length ? d.records.map((r) => <RecordRow key={r.recordId} record={r} onChanged={() => void record.reload()} />) : <Empty text='还没有服务记录' />}
          </Card>
        </>
      )}
    </RemoteView>
  )
}
