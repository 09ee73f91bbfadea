// One form submission: checked first with the schema the cloud function validates with, then sent;
// the form shows the first problem or the function's refusal, and is busy while the call is out.
import { useCallback, useState } from 'react'
import type * as z from 'zod/mini'
import type { Envelope } from '@core/errors'
import { firstProblem } from '../services/validate'

export interface Submit<I, O> {
  busy: boolean
  error: string | null
  /** A problem the form found itself (nothing left to choose, no changes…), or null to clear it. */
  setError: (message: string | null) => void
  /** The answer's data, or null when the input had a problem or the function refused (see `error`). */
  submit: (data: I) => Promise<O | null>
}

export function useSubmit<I, O>(schema: z.ZodMiniType, call: (data: I) => Promise<Envelope<O>>): Submit<I, O> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = useCallback(
    async (data: I): Promise<O | null> => {
      const problem = firstProblem(schema, data)
      if (problem) {
        setError(problem)
        return null
      }
      setBusy(true)
      const res = await call(data)
      setBusy(false)
      if (!res.ok) {
        setError(res.message)
        return null
      }
      setError(null)
      return res.data
    },
    [schema, call],
  )
  return { busy, error, setError, submit }
}
