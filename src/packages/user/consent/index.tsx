import { View, Text } from '@tarojs/components'

export default function Consent() {
  return (
    <View className='page'>
      <Text className='page-title'>用户协议与隐私授权</Text>
    </View>
  )
}
