import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './Fact.scss'

/** One labelled fact of a detail card (时间 · 地点 · 规则 …). Styles: `.ll-fact` in app.scss. */
export function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <View className={`ll-fact ${className ?? ''}`}>
      <Text className='ll-fact__label'>{label}</Text>
      <View className='ll-fact__value'>{children}</View>
    </View>
  )
}
