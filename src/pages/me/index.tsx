import { View, Text } from '@tarojs/components'

export default function Me() {
  return (
    <View className='page'>
      <Text className='page-title'>我的</Text>
    </View>
  )
}
