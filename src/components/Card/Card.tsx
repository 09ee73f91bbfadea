import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './Card.scss'

export function Card({ title, extra, className, children }: PropsWithChildren<{ title?: ReactNode; extra?: ReactNode; className?: string }>) {
  return (
    <View className={`ll-card ${className ?? ''}`}>
      {title || extra ? (
        <View className='ll-card__head'>
          <Text className='ll-card__title'>{title}</Text>
          {extra}
        </View>
      ) : null}
      {children}
    </View>
  )
}
