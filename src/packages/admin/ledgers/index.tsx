// 台账导出 (党支部、业委会、社区/街道): a ledger as CSV or XLSX for a period and a building, produced in
// storage by the function (an expiring link, never the file in the reply); this session's exports
// with their status, refreshed until ready.
import { Text, View } from '@tarojs/components'
import { LEDGER_ROLES } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { Empty } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { userApi } from '../../../services/user'
import { ROUTES, go } from '../../../routes'
import { useResource } from '../../../hooks/useResource'
import { AdminPage } from '../components'
import { ExportRow } from './ExportRow'
import { LedgerForm } from './LedgerForm'
import { useLedgerExports } from './useLedgerExports'

function Ledgers() {
  const { form, set, busy, problem, jobs, refresh, submit } = useLedgerExports()
  const directory = useResource(() => userApi.directory({}))
  return (
    <>
      <LedgerForm form={form} set={set} buildings={directory.data?.buildings ?? []} problem={problem} busy={busy} onSubmit={() => void submit()} />
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
