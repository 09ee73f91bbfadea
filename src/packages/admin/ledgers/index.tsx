// 台账导出 (党支部、业委会、社区/街道): a ledger as CSV or XLSX for a period and a building, produced in
// storage by the function (an expiring link, never the file in the reply); this session's exports
// with their status, refreshed until ready.
import { useEffect, useRef, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { LEDGER_LABELS, LEDGER_ROLES, LEDGERS, type Ledger } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { Empty } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { adminApi, type ExportJob } from '../../../services/admin'
import { userApi } from '../../../services/user'
import { ROUTES, go } from '../../../routes'
import { useResource } from '../../../hooks/useResource'
import { dateTime } from '../../../utils/format'
import { AdminPage, Chips, dayBound } from '../components'

type Format = 'csv' | 'xlsx'
const isH5 = process.env.TARO_ENV === 'h5'
const POLL_MS = 2000

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

function ExportRow({ job, onRefresh }: { job: ExportJob; onRefresh: () => void }) {
  const status = job.status === 'ready' ? '已生成' : job.status === 'running' ? '正在生成…' : '生成失败'
  return (
    <View className={`adm-item js-export js-export-${job.status}`}>
      <View className='adm-item__head'>
        <Text className='adm-item__title'>
          {LEDGER_LABELS[job.ledger]} · {job.format.toUpperCase()}
        </Text>
        <Text className='ll-text-2 js-export-status'>{status}</Text>
      </View>
      {job.rows !== undefined ? <Text className='ll-block ll-text-2 js-export-rows'>共 {job.rows} 行</Text> : null}
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

function Ledgers() {
  const [ledger, setLedger] = useState<Ledger>('requests')
  const [format, setFormat] = useState<Format>('xlsx')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [buildingId, setBuildingId] = useState('all')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [jobs, setJobs] = useState<ExportJob[]>([])
  const directory = useResource(() => userApi.directory({}))
  const buildings = directory.data?.buildings ?? []
  const withBuilding = ledger === 'requests'

  const put = (job: ExportJob) => setJobs((list) => [job, ...list.filter((j) => j.exportId !== job.exportId)])

  const refresh = async (exportId: string) => {
    const res = await adminApi.exportStatus({ exportId })
    if (res.ok) put(res.data)
    else setProblem(res.message)
  }

  // a running export is asked again every two seconds until it is ready or failed
  const jobsRef = useRef(jobs)
  jobsRef.current = jobs
  const running = jobs.filter((j) => j.status === 'running').map((j) => j.exportId).join(',')
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => {
      for (const j of jobsRef.current) if (j.status === 'running') void refresh(j.exportId)
    }, POLL_MS)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running])

  const submit = async () => {
    if (from && to && from > to) return setProblem('开始日期不能晚于结束日期')
    setProblem(null)
    setBusy(true)
    const res = await adminApi.exportLedger({
      ledger,
      format,
      ...(from ? { from: dayBound(from) } : {}),
      ...(to ? { to: dayBound(to, true) } : {}),
      ...(withBuilding && buildingId !== 'all' ? { buildingId } : {}),
    })
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    put(res.data)
  }

  return (
    <>
      <Card title='导出台账' className='js-ledger-form'>
        <Text className='adm-label'>台账</Text>
        <Chips label='台账' className='js-ledgers' options={LEDGERS.map((l) => ({ value: l, label: LEDGER_LABELS[l], className: `js-ledger-${l}` }))} value={ledger} onChange={setLedger} />
        <Text className='adm-label'>格式</Text>
        <Chips
          label='格式'
          className='js-formats'
          options={[
            { value: 'xlsx' as const, label: 'Excel（XLSX）', className: 'js-format-xlsx' },
            { value: 'csv' as const, label: 'CSV', className: 'js-format-csv' },
          ]}
          value={format}
          onChange={setFormat}
        />
        <Text className='adm-label'>时间段（不选为全部）</Text>
        <View className='adm-pickers'>
          <Picker mode='date' className='adm-pickers__one' value={from} onChange={(e) => setFrom(String(e.detail.value))}>
            <View className='adm-picker js-pick-from'>
              <Text>{from ? `从 ${from}` : '开始日期'}</Text>
            </View>
          </Picker>
          <Picker mode='date' className='adm-pickers__one' value={to} onChange={(e) => setTo(String(e.detail.value))}>
            <View className='adm-picker js-pick-to'>
              <Text>{to ? `到 ${to}` : '结束日期'}</Text>
            </View>
          </Picker>
        </View>
        {from || to ? (
          <Text
            className='ll-block adm-link js-clear-period'
            {...tappable(() => {
              setFrom('')
              setTo('')
            })}
          >
            清除时间段
          </Text>
        ) : null}
        {withBuilding && buildings.length > 1 ? (
          <>
            <Text className='adm-label'>楼栋</Text>
            <Chips
              label='楼栋'
              className='js-building-filter'
              options={[{ value: 'all', label: '全部楼栋', className: 'js-building-all' }, ...buildings.map((b) => ({ value: b.buildingId, label: b.name, className: `js-building-${b.buildingId}` }))]}
              value={buildingId}
              onChange={setBuildingId}
            />
          </>
        ) : null}
        <Text className='ll-block ll-muted'>文件生成在云存储中，链接 2 小时内有效；手机号按您的角色脱敏；每次导出都记入操作日志。</Text>
        {problem ? <Text className='ll-block ll-error-text js-ledger-error'>{problem}</Text> : null}
        <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-export-submit' onClick={() => void submit()}>
          导出
        </Button>
      </Card>
      <Text className='ll-block adm-link js-open-audit' {...tappable(() => go(ROUTES.adminAudit), { role: 'link' })}>
        查看操作日志（按操作、记录和时间筛选） ›
      </Text>
      <View className='ll-gap' />
      <Card title='本次导出' className='js-exports'>
        {jobs.length ? jobs.map((j) => <ExportRow key={j.exportId} job={j} onRefresh={() => void refresh(j.exportId)} />) : <Empty text='还没有导出。选好台账和时间段，点「导出」。' />}
      </Card>
    </>
  )
}

export default function LedgersPage() {
  return (
    <AdminPage title='台账导出' subtitle='CSV / Excel，按时间段和楼栋' allow={(s) => s.hasRole(...LEDGER_ROLES)} denied={<Empty text='台账导出供党支部、业委会和社区/街道使用' />}>
      <Ledgers />
    </AdminPage>
  )
}
