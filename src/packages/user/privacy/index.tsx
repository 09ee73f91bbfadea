import { View, Text } from '@tarojs/components'

export default function Privacy() {
  return (
    <View className='page'>
      <Text className='page-title'>隐私政策</Text>
    </View>
  )
}
