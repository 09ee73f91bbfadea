import { View, Text } from '@tarojs/components'

export default function Verify() {
  return (
    <View className='page'>
      <Text className='page-title'>身份核验</Text>
    </View>
  )
}
