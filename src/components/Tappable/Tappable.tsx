// Everything a person taps that is not a NutUI control: one place decides how it is announced and
// reached. In the browser (H5) it is a real `role`, in the Tab order, and works with Enter and Space;
// in WeChat it keeps WeChat's own `aria-role` (an HTML `role` or `tabindex` means nothing there).
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'

export type TapRole = 'button' | 'link' | 'radio' | 'checkbox' | 'switch' | 'tab'
/** Roles of things that are not tapped: the set a choice belongs to, and the parts of a table or a bar. */
export type GroupRole = 'radiogroup' | 'tablist' | 'group' | 'list' | 'table' | 'row' | 'cell' | 'columnheader' | 'progressbar'

export interface TapOptions {
  /** What it is to a screen reader (default button). */
  role?: TapRole
  /** The accessible name when the visible text is not enough (e.g. 「全部反映」 for 「全部 ›」). */
  label?: string
  /** radio, checkbox, switch: chosen or not. */
  checked?: boolean
  /** tab: the current one. */
  selected?: boolean
  /** A button that shows or hides a section. */
  expanded?: boolean
  disabled?: boolean
  /**
   * The click is taken by an enclosing element (a list row whose whole area opens it, with a
   * button of its own beside the text): here only the role, the focus and the keys.
   */
  clickFromParent?: boolean
}

type KeyLike = { key?: string; keyCode?: number; preventDefault?: () => void; stopPropagation?: () => void }

const isH5 = process.env.TARO_ENV === 'h5'

/** Enter or Space, as a native button answers them. */
export function isActivationKey(e: KeyLike): boolean {
  return e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar' || e.keyCode === 13 || e.keyCode === 32
}

/**
 * The attributes and handlers that make an element tappable, to spread on a `View` or `Text`:
 * `<View className='x' {...tappable(() => go(url), { label: '全部反映' })}>`.
 * Names are lower case on purpose: Taro's H5 components pass string props through as attributes
 * after turning camelCase into dash-case (`tabIndex` would become `tab-index`).
 */
export function tappable(onTap: (() => void) | undefined, options: TapOptions = {}): Record<string, unknown> {
  const role = options.role ?? 'button'
  const state: Record<string, unknown> = {}
  if (options.label) state['aria-label'] = options.label
  if (options.checked !== undefined) state['aria-checked'] = options.checked ? 'true' : 'false'
  if (options.selected !== undefined) state['aria-selected'] = options.selected ? 'true' : 'false'
  if (options.expanded !== undefined) state['aria-expanded'] = options.expanded ? 'true' : 'false'
  if (options.disabled) state['aria-disabled'] = 'true'
  const tap = options.disabled || !onTap ? undefined : onTap
  const click = options.clickFromParent ? undefined : tap
  if (!isH5) return { ...state, 'aria-role': role, onClick: click }
  return {
    ...state,
    role,
    tabindex: options.disabled ? '-1' : '0',
    onClick: click,
    onKeyDown: (e: KeyLike) => {
      if (!tap || !isActivationKey(e)) return
      e.preventDefault?.()
      e.stopPropagation?.()
      tap()
    },
  }
}

/** The container of radios or tabs (so each choice is announced as one of a set), or a table's part. */
export function group(role: GroupRole, label?: string): Record<string, unknown> {
  const named = label ? { 'aria-label': label } : {}
  return isH5 ? { ...named, role } : { ...named, 'aria-role': role }
}

export interface TappableProps extends TapOptions {
  onTap?: () => void
  className?: string
}

/** A `View` made tappable: `<Tappable className='ll-tile' onTap={open}>…</Tappable>`. */
export function Tappable({ onTap, className, children, ...options }: PropsWithChildren<TappableProps>) {
  return (
    <View className={className} {...tappable(onTap, options)}>
      {children}
    </View>
  )
}
