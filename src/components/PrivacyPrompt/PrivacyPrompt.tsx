// The prompt WeChat asks the app to show before a privacy-scoped API runs (see services/privacy.ts).
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { PRIVACY_AGREE_BUTTON_ID, answerPrivacyAsk, isAskingPrivacy, onPrivacyAsk, privacyPromptShown } from '../../services/privacy'

export function PrivacyPrompt() {
  const [asking, setAsking] = useState(isAskingPrivacy)
  useEffect(() => onPrivacyAsk(setAsking), [])
  useEffect(() => {
    if (asking) privacyPromptShown()
  }, [asking])
  return (
    <Dialog
      visible={asking}
      title='隐私保护提示'
      className='js-privacy-prompt'
      closeOnOverlayClick={false}
      footer={
        <View className='ll-actions'>
          <Button size='large' className='js-privacy-disagree' onClick={() => answerPrivacyAsk(false)}>
            拒绝
          </Button>
          <Button
            size='large'
            type='primary'
            id={PRIVACY_AGREE_BUTTON_ID}
            openType='agreePrivacyAuthorization'
            className='js-privacy-agree'
            onAgreePrivacyAuthorization={() => answerPrivacyAsk(true)}
          >
            同意
          </Button>
        </View>
      }
    >
      <Text className='ll-block'>
        使用这项功能（如选择照片、扫码、复制到剪贴板）前，请阅读并同意
        <Text className='js-privacy-contract' style={{ color: 'var(--ll-red)' }} onClick={() => void Taro.openPrivacyContract({})}>
          《邻里共治隐私保护指引》
        </Text>
        。不同意也可以继续使用其他功能。
      </Text>
    </Dialog>
  )
}
