// A form's one problem, shown where it is: the field is marked (red border, the message beside it,
// aria-invalid) and brought into view, instead of one line at the bottom of a long form.
import { useCallback, useEffect, useState, type PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './FormField.scss'

export interface FormProblem {
  message: string
  /** The field it is about (`<Field name=…>`); none for problems of the whole form (e.g. the network). */
  field?: string
}

const isH5 = process.env.TARO_ENV === 'h5'

/** The field's element on the page being shown (Taro H5 keeps earlier pages in the document, hidden). */
function findField(selector: string): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>(selector)]
  return all.find((e) => e.getClientRects().length > 0) ?? all[all.length - 1] ?? null
}

/** Scrolls the field (or, for a problem of the whole form, the message) into view, and focuses its input in the browser. */
export function revealProblem(problem: FormProblem): void {
  const selector = problem.field ? `.js-form-field-${problem.field}` : '.js-form-error'
  if (!isH5) {
    void Promise.resolve(Taro.pageScrollTo({ selector, duration: 200, offsetTop: -16 })).catch(() => undefined)
    return
  }
  const el = findField(selector)
  if (!el) return
  el.scrollIntoView?.({ block: 'start' })
  const input = el.querySelector<HTMLElement>('input, textarea, [tabindex="0"]')
  input?.focus({ preventScroll: true })
}

/**
 * `problem` (the one to show), `show(message, field?)` and `clear()`. Each `show` brings the field
 * into view again, even when the message is the same as before.
 */
export function useFormProblem() {
  const [state, setState] = useState<{ problem: FormProblem | null; seq: number }>({ problem: null, seq: 0 })
  const show = useCallback((message: string | null, field?: string) => {
    setState((s) => (message ? { problem: { message, field }, seq: s.seq + 1 } : { problem: null, seq: s.seq }))
  }, [])
  const clear = useCallback(() => setState((s) => (s.problem ? { problem: null, seq: s.seq } : s)), [])
  const { problem, seq } = state
  useEffect(() => {
    if (!problem || !seq) return
    // after the render that marks the field (focusing an input must not happen inside React's commit)
    const timer = setTimeout(() => revealProblem(problem), 0)
    return () => clearTimeout(timer)
    // only a new show() scrolls, not a re-render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq])
  return { problem, show, clear }
}

/** One field of a form: `<Field name='content' problem={problem}>…</Field>`. */
export function Field({ name, problem, className, children }: PropsWithChildren<{ name: string; problem: FormProblem | null; className?: string }>) {
  const invalid = !!problem && problem.field === name
  const a11y = invalid ? { 'aria-invalid': 'true' } : {}
  return (
    <View className={`ll-form-field js-form-field-${name} ${invalid ? 'is-invalid' : ''} ${className ?? ''}`} {...a11y}>
      {/* the message first: a tall field (ten category tiles) brought into view starts with it */}
      {invalid ? (
        <Text className='ll-block ll-error-text ll-field-error js-field-error' {...(isH5 ? { role: 'alert' } : {})}>
          {problem.message}
        </Text>
      ) : null}
      {children}
    </View>
  )
}

/** The line above the submit button: the message itself, or a pointer to the marked field. */
export function FormProblemLine({ problem }: { problem: FormProblem | null }) {
  if (!problem) return null
  return (
    <Text className='ll-block ll-error-text js-form-error' {...(isH5 && !problem.field ? { role: 'alert' } : {})}>
      {problem.field ? '有一项需要修改，已在上方用红框标出' : problem.message}
    </Text>
  )
}
