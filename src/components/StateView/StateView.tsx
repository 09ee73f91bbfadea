// Loading, error and empty states, the same on every screen.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './StateView.scss'

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='ll-state ll-state--loading' aria-busy>
      <View className='ll-spinner' />
      <Text className='ll-state__text'>{text}</Text>
    </View>
  )
}

export function ErrorBlock({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='ll-state ll-state--error' role='alert'>
      <Text className='ll-state__icon'>!</Text>
      <Text className='ll-state__text'>{message}</Text>
      {onRetry ? (
        <Button size='small' fill='outline' type='primary' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  )
}

export function Empty({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <View className='ll-state ll-state--empty'>
      <Text className='ll-state__icon'>○</Text>
      <Text className='ll-state__text'>{text}</Text>
      {action}
    </View>
  )
}

/** Renders loading / error / empty / content for one remote read. */
export function RemoteView<T>(props: {
  loading: boolean
  error: string | null
  data: T | null
  onRetry: () => void
  isEmpty?: (d: T) => boolean
  emptyText?: string
  children: (d: T) => ReactNode
}) {
  const { loading, error, data, onRetry, isEmpty, emptyText, children } = props
  if (error) return <ErrorBlock message={error} onRetry={onRetry} />
  if (loading && !data) return <Loading />
  if (!data) return <Loading />
  if (isEmpty?.(data)) return <Empty text={emptyText ?? '暂无内容'} />
  return <>{children(data)}</>
}
