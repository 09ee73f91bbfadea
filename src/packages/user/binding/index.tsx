import { View, Text } from '@tarojs/components'

export default function Binding() {
  return (
    <View className='page'>
      <Text className='page-title'>绑定房屋</Text>
    </View>
  )
}
