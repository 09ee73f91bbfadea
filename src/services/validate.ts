// Form checks with the same schemas the cloud function validates with, in Chinese.
import * as z from 'zod/mini'
import { zhCN } from 'zod/locales'

z.config(zhCN())

/** The first problem with `data`, as a sentence for the form, or null when it is valid. */
export function firstProblem(schema: z.ZodMiniType, data: unknown): string | null {
  const r = schema.safeParse(data)
  if (r.success) return null
  const issue = r.error.issues[0]
  return issue?.message ?? '填写的内容有误'
}

/** The first problem with `data` and the top-level field it is about (for marking it on the form). */
export function firstIssue(schema: z.ZodMiniType, data: unknown): { message: string; field?: string } | null {
  const r = schema.safeParse(data)
  if (r.success) return null
  const issue = r.error.issues[0]
  const top = issue?.path[0]
  return { message: issue?.message ?? '填写的内容有误', field: typeof top === 'string' ? top : undefined }
}
