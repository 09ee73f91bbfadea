// 台账导出's state: the form (pure model in core/admin/form.ts), this session's exports, asking
// again for a running one every two seconds until it is ready or failed, and the submit.
import { useEffect, useRef, useState } from 'react'
import { blankLedgerForm, ledgerExportInput, ledgerPeriodProblem, type LedgerForm } from '@core/admin/form'
import { adminApi, type ExportJob } from '../../../services/admin'

const POLL_MS = 2000

export function useLedgerExports() {
  const [form, setForm] = useState<LedgerForm>(blankLedgerForm)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [jobs, setJobs] = useState<ExportJob[]>([])
  const set = <K extends keyof LedgerForm>(key: K, value: LedgerForm[K]) => setForm((f) => ({ ...f, [key]: value }))

  const put = (job: ExportJob) => setJobs((list) => [job, ...list.filter((j) => j.exportId !== job.exportId)])

  const refresh = async (exportId: string) => {
    const res = await adminApi.exportStatus({ exportId })
    if (res.ok) put(res.data)
    else setProblem(res.message)
  }

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
    const period = ledgerPeriodProblem(form)
    if (period) return setProblem(period)
    setProblem(null)
    setBusy(true)
    const res = await adminApi.exportLedger(ledgerExportInput(form))
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    put(res.data)
  }

  return { form, set, busy, problem, jobs, refresh, submit }
}
