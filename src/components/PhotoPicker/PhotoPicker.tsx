// 照片: pick, compress and upload photos for a request (PhotoPicker), and show them (PhotoGrid).
// Both platforms send the photo the same way (services/upload): base64 through `request.uploadPhoto`,
// which answers with the cloud file id (what `create`/`resolve`/`addNote` take) and a URL to show it.
import { useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { uploadRequestPhoto } from '../../services/upload'
import { tappable } from '../Tappable'
import './PhotoPicker.scss'

// the encoding lives with the upload (services/upload); re-exported for the components' users
export { encodePhoto, photoEncoding } from '../../services/upload'

/** What an Image can show for a file id: its download URL, else (WeChat) the cloud:// id itself. */
export function photoSrc(id: string, urls: Record<string, string>): string {
  return urls[id] ?? id
}

function preview(ids: string[], urls: Record<string, string>, current: string) {
  const all = ids.map((i) => photoSrc(i, urls))
  void Taro.previewImage({ urls: all, current: photoSrc(current, urls) }).catch(() => undefined)
}

/** Thumbnails of uploaded photos; a tap opens the full-size preview. `small` for the timeline. */
export function PhotoGrid({ ids, urls, small, className }: { ids: string[]; urls: Record<string, string>; small?: boolean; className?: string }) {
  if (!ids.length) return null
  return (
    <View className={`ll-photos ${small ? 'll-photos--small' : ''} ${className ?? ''}`}>
      {ids.map((id) => (
        <View key={id} className='ll-photo js-photo' {...tappable(() => preview(ids, urls, id), { label: '查看大图' })}>
          <Image className='ll-photo__img js-photo-img' src={photoSrc(id, urls)} mode='aspectFill' />
        </View>
      ))}
    </View>
  )
}

interface Pending {
  key: string
  preview: string
}

export interface PhotoPickerProps {
  /** The uploaded photos' file ids, in order. */
  value: string[]
  onChange: (ids: string[]) => void
  /** At most this many photos (default 9, the server's limit). */
  max?: number
  /** Known download URLs by file id (for thumbnails and the preview). */
  urls: Record<string, string>
  /** New URLs of photos just uploaded, to merge into `urls`. */
  onUrls: (added: Record<string, string>) => void
  /** Tells the form when uploads start and end (a form should not be sent halfway). */
  onBusy?: (busy: boolean) => void
  className?: string
}

let pendingSeq = 0

function isCancel(e: unknown): boolean {
  const msg = (e as { errMsg?: string; message?: string } | null)?.errMsg ?? (e as Error | null)?.message ?? ''
  return /cancel/i.test(msg)
}

/** A grid of square thumbnails with a big ×, and an 「添加照片」 tile while below `max`. */
export function PhotoPicker({ value, onChange, max = 9, urls, onUrls, onBusy, className }: PhotoPickerProps) {
  const [pending, setPending] = useState<Pending[]>([])
  // uploads finish one after another: each adds to the newest list, not the one of the tap
  const latest = useRef(value)
  latest.current = value
  const left = max - value.length - pending.length

  const add = async () => {
    if (left <= 0) return
    let files: string[]
    try {
      const picked = await Taro.chooseImage({ count: left, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      files = picked.tempFilePaths.slice(0, left)
    } catch (e) {
      if (!isCancel(e)) void Taro.showToast({ title: '无法选择照片，请重试', icon: 'none' })
      return
    }
    if (!files.length) return
    const items = files.map((preview) => ({ key: `p${++pendingSeq}`, preview }))
    setPending((p) => [...p, ...items])
    onBusy?.(true)
    for (const item of items) {
      let message: string | null = null
      const res = await uploadRequestPhoto(item.preview)
      if (res.ok) {
        onUrls({ [res.data.fileId]: res.data.url })
        latest.current = [...latest.current, res.data.fileId]
        onChange(latest.current)
      } else message = res.message
      setPending((p) => p.filter((x) => x.key !== item.key))
      if (message) void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
    }
    onBusy?.(false)
  }

  const remove = (id: string) => {
    latest.current = latest.current.filter((x) => x !== id)
    onChange(latest.current)
  }

  return (
    <View className={`ll-photos ll-photo-picker js-photo-picker ${className ?? ''}`}>
      {value.map((id) => (
        // the thumbnail and its × are siblings, so neither button sits inside the other
        <View key={id} className='ll-photo js-photo'>
          <View className='ll-photo__open' {...tappable(() => preview(value, urls, id), { label: '查看大图' })}>
            <Image className='ll-photo__img js-photo-img' src={photoSrc(id, urls)} mode='aspectFill' />
          </View>
          <View className='ll-photo__remove js-remove-photo' {...tappable(() => remove(id), { label: '删除这张照片' })}>
            <Text>×</Text>
          </View>
        </View>
      ))}
      {pending.map((p) => (
        <View key={p.key} className='ll-photo is-uploading js-photo-uploading'>
          <Image className='ll-photo__img' src={p.preview} mode='aspectFill' />
          <View className='ll-photo__mask'>
            <Text>上传中…</Text>
          </View>
        </View>
      ))}
      {left > 0 ? (
        <View className='ll-photo ll-photo--add js-add-photo' {...tappable(() => void add())}>
          <Text className='ll-photo__plus'>＋</Text>
          <Text className='ll-photo__add-text'>添加照片</Text>
        </View>
      ) : null}
    </View>
  )
}
