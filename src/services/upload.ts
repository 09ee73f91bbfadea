// The one way a file leaves the phone: read (and, for photos, compress) it here, send it base64
// through its domain's function, which checks the bytes and stores it (request.uploadPhoto,
// notice.uploadMedia). The same on WeChat and in the browser; nothing calls Taro.cloud.uploadFile.
// The call's request body is about 1 MB at most (DESIGN §5), so a file may be 700 KB.
import Taro from '@tarojs/taro'
import type { Envelope } from '@core/errors'
import { NOTICE_MEDIA_MAX_KB } from '@core/notice/rules'
import { noticeApi } from './notice'
import { requestApi } from './request'

export interface Uploaded {
  fileId: string
  /** A short-lived URL to show it (an Image cannot show cloud:// in the browser). */
  url: string
}

type Photo = { contentType: 'image/jpeg'; data: string }

/** The longest side of a photo as uploaded from the browser, in pixels. */
const H5_MAX_SIDE = 1280
/** The most a file may weigh (the server has the last word). */
export const UPLOAD_MAX_KB = NOTICE_MEDIA_MAX_KB

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new window.Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('图片读取失败'))
    img.src = src
  })
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*;base64,/, ''))
    reader.onerror = () => reject(new Error('文件读取失败'))
    reader.readAsDataURL(blob)
  })
}

/**
 * How a chosen photo becomes base64 JPEG, and a file base64, on each platform. Called through this
 * object (not directly) so that tests can replace a step with jest.spyOn — jsdom has no canvas.
 */
export const photoEncoding = {
  /** Browser: downscale to ≤ 1280 px on the long side and encode as JPEG 0.8 in a canvas. */
  async h5(tempFilePath: string): Promise<Photo> {
    const blob = await fetch(tempFilePath).then((r) => r.blob())
    const objectUrl = URL.createObjectURL(blob)
    try {
      const img = await loadImage(objectUrl)
      const scale = Math.min(1, H5_MAX_SIDE / Math.max(img.naturalWidth || img.width, img.naturalHeight || img.height, 1))
      const canvas = document.createElement('canvas')
      canvas.width = Math.max(1, Math.round((img.naturalWidth || img.width) * scale))
      canvas.height = Math.max(1, Math.round((img.naturalHeight || img.height) * scale))
      const ctx = canvas.getContext('2d')
      if (!ctx) throw new Error('图片读取失败')
      // JPEG has no transparency: a white background instead of black
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(0, 0, canvas.width, canvas.height)
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
      const dataUrl = canvas.toDataURL('image/jpeg', 0.8)
      return { contentType: 'image/jpeg', data: dataUrl.replace(/^data:[^,]*;base64,/, '') }
    } finally {
      URL.revokeObjectURL(objectUrl)
    }
  },
  /** WeChat: the system's JPEG compression, then the file's bytes as base64. */
  async weapp(tempFilePath: string): Promise<Photo> {
    let path = tempFilePath
    try {
      path = (await Taro.compressImage({ src: tempFilePath, quality: 80 })).tempFilePath
    } catch {
      // some formats cannot be compressed: send the picked (already compressed) file
    }
    return { contentType: 'image/jpeg', data: Taro.getFileSystemManager().readFileSync(path, 'base64') as string }
  },
  /** A picked file's bytes as base64, as they are (a PDF). */
  async file(picked: PickedFile): Promise<string> {
    if (picked.blob) return blobToBase64(picked.blob)
    return Taro.getFileSystemManager().readFileSync(picked.path, 'base64') as string
  },
}

/** The chosen photo as base64 JPEG, the way this platform can make it. */
export function encodePhoto(tempFilePath: string): Promise<Photo> {
  return process.env.TARO_ENV === 'weapp' ? photoEncoding.weapp(tempFilePath) : photoEncoding.h5(tempFilePath)
}

const refused = (message: string): Envelope<never> => ({ ok: false, code: 'INVALID_INPUT', message })

/** 你呼我应: a photo for a report, a note or a result. Never throws. */
export async function uploadRequestPhoto(tempFilePath: string): Promise<Envelope<Uploaded>> {
  let photo: Photo
  try {
    photo = await encodePhoto(tempFilePath)
  } catch {
    return refused('照片读取失败，请换一张再试')
  }
  return requestApi.uploadPhoto(photo)
}

/** 通知公告: an image of a notice (compressed like a request photo). Never throws. */
export async function uploadNoticeImage(tempFilePath: string): Promise<Envelope<Uploaded>> {
  let photo: Photo
  try {
    photo = await encodePhoto(tempFilePath)
  } catch {
    return refused('图片读取失败，请换一张再试')
  }
  return noticeApi.uploadMedia(photo)
}

/** 通知公告: a PDF attachment, sent as it is; one over the limit is refused here before it is read. Never throws. */
export async function uploadNoticePdf(picked: PickedFile): Promise<Envelope<Uploaded>> {
  if (picked.size > UPLOAD_MAX_KB * 1024) return refused(`文件太大，每个不能超过 ${UPLOAD_MAX_KB} KB`)
  let data: string
  try {
    data = await photoEncoding.file(picked)
  } catch {
    return refused('附件读取失败，请重试')
  }
  return noticeApi.uploadMedia({ contentType: 'application/pdf', data })
}

export interface PickedFile {
  /** WeChat: the temporary file. */
  path: string
  name: string
  /** bytes */
  size: number
  /** Browser: the file itself. */
  blob?: Blob
}

/** One PDF: from a WeChat chat in the mini-program, from the computer in the browser. null when cancelled. */
export async function choosePdf(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const f = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })).tempFiles[0]
      return f ? { path: f.path, name: f.name, size: f.size } : null
    } catch (e) {
      if (/cancel/i.test(String((e as { errMsg?: string } | null)?.errMsg ?? e))) return null
      throw e
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'application/pdf,.pdf'
    input.style.display = 'none'
    input.onchange = () => {
      const f = input.files?.[0]
      input.remove()
      resolve(f ? { path: '', name: f.name, size: f.size, blob: f } : null)
    }
    document.body.appendChild(input)
    input.click()
  })
}
