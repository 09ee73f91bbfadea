// A notice's images (previewed full size in WeChat; cloud:// file ids only resolve there, so H5 shows
// a named placeholder) and its attachments (downloaded and opened in WeChat only).
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { tappable } from '../../../components/Tappable'
import { isWeapp } from '../../../services/platform'
import type { NoticeView } from '../../../services/notice'

/** 'cloud://env.xxx/notices/2026/停水范围.png' → '停水范围.png'. */
function fileName(fileId: string): string {
  const last = fileId.split('/').pop() ?? fileId
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

export function Images({ images }: { images: string[] }) {
  if (!images.length) return null
  return (
    <View className='ntc-images js-notice-images'>
      {images.map((src) =>
        isWeapp ? (
          <Image
            key={src}
            className='ntc-image js-notice-image'
            src={src}
            mode='aspectFill'
            lazyLoad
            {...tappable(() => void Taro.previewImage({ urls: images, current: src }).catch(() => undefined), { label: '查看大图' })}
          />
        ) : (
          // cloud:// file ids only resolve inside WeChat
          <View key={src} className='ntc-image ntc-image--placeholder js-notice-image'>
            <Text className='ll-muted'>图片</Text>
            <Text className='ntc-image__name'>{fileName(src)}</Text>
          </View>
        ),
      )}
    </View>
  )
}

export function Attachments({ attachments }: { attachments: NoticeView['attachments'] }) {
  const [opening, setOpening] = useState<string | null>(null)
  if (!attachments.length) return null
  const open = async (fileId: string) => {
    if (!isWeapp || opening) return
    setOpening(fileId)
    try {
      void Taro.showLoading({ title: '正在打开…' })
      const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId })
      await Taro.openDocument({ filePath: tempFilePath, showMenu: true })
    } catch {
      void Taro.showToast({ title: '附件打开失败，请稍后再试', icon: 'none' })
    } finally {
      void Taro.hideLoading()
      setOpening(null)
    }
  }
  return (
    <Card title='附件' className='js-notice-attachments'>
      {attachments.map((a) => (
        <View key={a.fileId} className='ntc-file js-attachment'>
          <Text className='ntc-file__name'>{a.name}</Text>
          {isWeapp ? (
            <Button size='small' fill='outline' type='primary' loading={opening === a.fileId} disabled={!!opening} onClick={() => void open(a.fileId)}>
              打开
            </Button>
          ) : null}
        </View>
      ))}
      {isWeapp ? null : <Text className='ll-block ll-muted js-attachment-note'>请在微信小程序中打开附件</Text>}
    </Card>
  )
}

