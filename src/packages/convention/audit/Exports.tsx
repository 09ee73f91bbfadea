// 导出表决记录 (auditors): CSV saved or copied here, Excel as a link to the file in storage.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { conventionApi } from '../../../services/convention'
import { saveCsv } from '../../../services/platform'
import { toast } from '../components'

export function Exports({ conventionId }: { conventionId: string }) {
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null)
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format)
    const res = await conventionApi.exportRecord({ conventionId, format })
    setBusy(null)
    if (!res.ok) return toast(res.message)
    const { csv, url, filename, rows } = res.data
    if (format === 'csv' && csv !== null) {
      const how = await saveCsv(filename, csv).catch(() => null)
      if (how === 'downloaded') toast(`已导出 ${rows} 条`, 'success')
      else if (how === 'copied') void Taro.showModal({ title: '表决记录已复制', content: `共 ${rows} 条（CSV）已复制到剪贴板，可粘贴到电脑保存为 .csv 文件。`, showCancel: false, confirmText: '知道了' })
      else toast('导出失败，请重试')
      return
    }
    if (!url) return toast('导出文件还没有生成，请稍后再试')
    if (process.env.TARO_ENV === 'h5') window.open(url, '_blank')
    else void Taro.setClipboardData({ data: url }).then(() => toast('下载链接已复制'))
  }
  return (
    <Card title='导出表决记录' className='js-export'>
      <Text className='ll-block ll-muted'>包括选票、纸质录入、委托书、计票所用名册和操作记录，依法保存至少一年。</Text>
      <View className='cv-buttons'>
        <Button size='large' loading={busy === 'csv'} disabled={!!busy} className='js-export-csv' onClick={() => void run('csv')}>
          导出 CSV
        </Button>
        <Button size='large' loading={busy === 'xlsx'} disabled={!!busy} className='js-export-xlsx' onClick={() => void run('xlsx')}>
          导出 Excel
        </Button>
      </View>
    </Card>
  )
}
