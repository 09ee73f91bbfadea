// 图片与附件 of a notice, on WeChat and in the browser alike: images (compressed like a request photo)
// and PDF attachments go through services/upload to notice.uploadMedia, which checks and stores them.
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { tappable } from '../../../components/Tappable'
import { isWeapp } from '../../../services/platform'
import { UPLOAD_MAX_KB, choosePdf, uploadNoticeImage, uploadNoticePdf } from '../../../services/upload'

/** As many as a notice may carry (the contract's limits). */
const MAX_IMAGES = 9
const MAX_ATTACHMENTS = 5

type Attachment = { name: string; fileId: string }

function baseName(path: string): string {
  return path.split('/').pop() ?? path
}

const isCancel = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string } | null)?.errMsg ?? e))
const toast = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 3000 })

export interface MediaEditorProps {
  images: string[]
  attachments: Attachment[]
  onImages: (images: string[]) => void
  onAttachments: (attachments: Attachment[]) => void
}

export function MediaEditor({ images, attachments, onImages, onAttachments }: MediaEditorProps) {
  const [busy, setBusy] = useState(false)
  // URLs of what was uploaded here (a stored cloud:// id shows only inside WeChat)
  const [urls, setUrls] = useState<Record<string, string>>({})
  const addImages = async () => {
    const left = MAX_IMAGES - images.length
    let paths: string[]
    try {
      paths = (await Taro.chooseImage({ count: left, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths.slice(0, left)
    } catch (e) {
      if (!isCancel(e)) toast('图片上传失败，请重试')
      return
    }
    setBusy(true)
    const ids: string[] = []
    for (const path of paths) {
      const res = await uploadNoticeImage(path)
      if (!res.ok) {
        toast(res.message)
        continue
      }
      ids.push(res.data.fileId)
      setUrls((u) => ({ ...u, [res.data.fileId]: res.data.url }))
    }
    if (ids.length) onImages([...images, ...ids].slice(0, MAX_IMAGES))
    setBusy(false)
  }
  const addAttachment = async () => {
    let file: Awaited<ReturnType<typeof choosePdf>>
    try {
      file = await choosePdf()
    } catch {
      return toast('附件上传失败，请重试')
    }
    if (!file) return
    setBusy(true)
    const res = await uploadNoticePdf(file)
    setBusy(false)
    if (!res.ok) return toast(res.message)
    onAttachments([...attachments, { name: file.name.slice(0, 60), fileId: res.data.fileId }])
  }
  return (
    <Card title='图片与附件' className='js-media-editor'>
      {images.length ? (
        <View className='ntc-images'>
          {images.map((src) => (
            <View key={src}>
              {urls[src] || isWeapp ? (
                <Image className='ntc-image' src={urls[src] ?? src} mode='aspectFill' />
              ) : (
                <View className='ntc-image ntc-image--placeholder'>
                  <Text className='ntc-image__name'>{baseName(src)}</Text>
                </View>
              )}
              <Text className='ntc-image__remove js-image-remove' {...tappable(() => onImages(images.filter((i) => i !== src)), { label: `移除图片 ${baseName(src)}` })}>
                移除
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {attachments.map((a) => (
        <View key={a.fileId} className='ntc-file js-attachment'>
          <Text className='ntc-file__name'>{a.name}</Text>
          <Text className='ntc-link js-attachment-remove' {...tappable(() => onAttachments(attachments.filter((x) => x.fileId !== a.fileId)), { label: `移除附件 ${a.name}` })}>
            移除
          </Text>
        </View>
      ))}
      <View className='ntc-buttons'>
        <Button fill='outline' loading={busy} disabled={busy || images.length >= MAX_IMAGES} className='js-add-images' onClick={() => void addImages()}>
          添加图片（{images.length}/{MAX_IMAGES}）
        </Button>
        <Button fill='outline' loading={busy} disabled={busy || attachments.length >= MAX_ATTACHMENTS} className='js-add-attachment' onClick={() => void addAttachment()}>
          添加附件
        </Button>
      </View>
      <Text className='ll-block ll-muted js-media-limit'>
        图片（JPG、PNG、WebP）和附件每个不超过 {UPLOAD_MAX_KB} KB；附件只能是 PDF{isWeapp ? '，从微信聊天中选择' : ''}。
      </Text>
    </Card>
  )
}
