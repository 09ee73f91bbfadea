import { View, Text } from '@tarojs/components'

export default function Home() {
  return (
    <View className='page'>
      <Text className='page-title'>邻里共治</Text>
    </View>
  )
}
