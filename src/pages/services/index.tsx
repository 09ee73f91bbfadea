import { View, Text } from '@tarojs/components'

export default function Services() {
  return (
    <View className='page'>
      <Text className='page-title'>办事</Text>
    </View>
  )
}
