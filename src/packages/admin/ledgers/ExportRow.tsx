// One export of this session: its status, its link (until it expires), and how to open it here.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { LEDGER_LABELS } from '@core/admin/rules'
import { tappable } from '../../../components/Tappable'
import type { ExportJob } from '../../../services/admin'
import { dateTime } from '../../../utils/format'

const isH5 = process.env.TARO_ENV === 'h5'

/** Opens an export: the browser downloads it; WeChat opens an XLSX in its viewer, else copies the link. */
async function openExport(job: ExportJob): Promise<void> {
  const url = job.fileUrl
  if (!url) return
  if (isH5) {
    window.open(url, '_blank', 'noopener')
    return
  }
  if (job.format === 'xlsx') {
    try {
      const file = await Taro.downloadFile({ url })
      await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true })
      return
    } catch {
      // fall through to the link
    }
  }
  await copyLink(url)
}

async function copyLink(url: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: url })
    void Taro.showToast({ title: '链接已复制，可在电脑浏览器打开', icon: 'none' })
  } catch {
    void Taro.showToast({ title: '复制失败，请稍后再试', icon: 'none' })
  }
}

/** A background export's progress: rows written of the rows to write, as text and as a bar. */
function Progress({ done, total }: { done: number; total: number }) {
  const percent = total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 0
  return (
    <View className='adm-progress js-export-progress' role='progressbar' aria-label={`已生成 ${percent}%`}>
      <Text className='ll-block ll-text-2'>
        已生成 {done} / {total} 行
      </Text>
      <View className='adm-progress__track'>
        <View className='adm-progress__bar' style={{ width: `${percent}%` }} />
      </View>
    </View>
  )
}

export function ExportRow({ job, onRefresh }: { job: ExportJob; onRefresh: () => void }) {
  const status = job.status === 'ready' ? '已生成' : job.status === 'running' ? '正在生成…' : '生成失败'
  return (
    <View className={`adm-item js-export js-export-${job.status}`}>
      <View className='adm-item__head'>
        <Text className='adm-item__title'>
          {LEDGER_LABELS[job.ledger]} · {job.format.toUpperCase()}
        </Text>
        <Text className='ll-text-2 js-export-status'>{status}</Text>
      </View>
      {job.status === 'running' && job.rows !== undefined ? <Progress done={job.rowsDone ?? 0} total={job.rows} /> : null}
      {job.status === 'ready' && job.rows !== undefined ? <Text className='ll-block ll-text-2 js-export-rows'>共 {job.rows} 行</Text> : null}
      {job.message ? <Text className='ll-block ll-error-text'>{job.message}</Text> : null}
      {job.fileUrl ? (
        <>
          <Text className='ll-block adm-link js-export-link' {...tappable(() => void openExport(job), { role: 'link', label: `打开 ${job.filename ?? '台账文件'}` })}>
            {job.filename ?? job.fileUrl}
          </Text>
          {job.expiresAt ? <Text className='ll-block ll-muted'>链接 {dateTime(job.expiresAt)} 前有效，过期请重新导出。</Text> : null}
        </>
      ) : null}
      <View className='adm-actions'>
        {job.fileUrl ? (
          <>
            <Button size='small' type='primary' className='js-export-open' onClick={() => void openExport(job)}>
              {isH5 ? '下载' : job.format === 'xlsx' ? '打开' : '复制链接'}
            </Button>
            {!isH5 && job.format === 'xlsx' ? (
              <Button size='small' className='js-export-copy' onClick={() => void copyLink(job.fileUrl!)}>
                复制链接
              </Button>
            ) : null}
          </>
        ) : null}
        {job.status === 'running' ? (
          <Button size='small' className='js-export-refresh' onClick={onRefresh}>
            刷新进度
          </Button>
        ) : null}
      </View>
    </View>
  )
}
