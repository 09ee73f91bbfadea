// The cards of 我要反映: what (category, text), photos, where, how urgent, who may see it.
import { Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { CATEGORIES, CATEGORY_LABELS, URGENCIES, URGENCY_LABELS, type Category, type Urgency } from '@core/request/rules'
import { Card } from '../../../components/Card'
import { Field } from '../../../components/FormField'
import { PhotoPicker } from '../../../components/PhotoPicker'
import { Tiles, hoursText } from '../components'
import type { ReportFormState } from './useReportForm'

const CONTENT_MAX = 500

const CATEGORY_HINTS: Record<Category, string> = {
  repair: '水管、电梯、门禁、路灯',
  sanitation: '垃圾、楼道、绿化',
  security: '可疑人员、安全隐患',
  dispute: '邻里之间的矛盾',
  property: '物业态度、收费',
  parking: '乱停车、车位',
  noise: '装修、夜间噪音',
  help: '独居老人、行动不便',
  suggestion: '对小区的建议',
  other: '以上都不是',
}

const URGENCY_HINTS: Record<Urgency, string> = {
  emergency: '危及人身财产安全',
  utilities: '停水、停电、燃气、暖气故障',
  general: '日常问题',
  complex: '涉及多方、需要协调',
}

type Props = { r: ReportFormState }

export function WhatCard({ r: { problem, category, setCategory, content, setContent } }: Props) {
  return (
    <Card title='反映什么问题？'>
      <Field name='category' problem={problem}>
        <Tiles
          label='反映类别'
          options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c], desc: CATEGORY_HINTS[c], className: `js-category-${c}` }))}
          value={category}
          onChange={setCategory}
        />
      </Field>
      <Field name='content' problem={problem}>
        <Text className='ll-label'>具体情况</Text>
        <View className='rq-textarea'>
          <TextArea
            className='js-content'
            placeholder='请说明发生了什么、在哪里、持续多久了'
            value={content}
            maxLength={CONTENT_MAX}
            showCount
            autoSize
            onChange={(v: string) => setContent(v)}
          />
        </View>
      </Field>
    </Card>
  )
}

export function PhotosCard({ r: { problem, photos, setPhotos, photoUrls, setPhotoUrls, setUploading } }: Props) {
  return (
    <Card title='照片（可选，最多 9 张）' className='js-report-photos'>
      <Text className='ll-block ll-muted'>拍下现场情况，工作人员能更快了解问题。</Text>
      <Field name='photos' problem={problem}>
        <PhotoPicker
          value={photos}
          onChange={setPhotos}
          max={9}
          urls={photoUrls}
          onUrls={(added) => setPhotoUrls((u) => ({ ...u, ...added }))}
          onBusy={setUploading}
        />
      </Field>
    </Card>
  )
}

export function WhereCard({ r }: Props) {
  const { problem, buildings, place, buildingId, building, unit, setUnit, ownPlace, acting, atHome, setAtHome, home, area, setArea } = r
  return (
    <Card title='在哪里？'>
      <Field name='location' problem={problem}>
        <Tiles
          layout='chips'
          label='楼栋或公共区域'
          options={[
            ...buildings.map((b) => ({ value: b.buildingId, label: b.name, className: `js-building-${b.buildingId}` })),
            { value: '__area', label: '公共区域', className: 'js-location-area' },
          ]}
          value={place === 'area' ? '__area' : buildingId}
          onChange={r.choosePlace}
        />
        {place === 'building' && building && building.units.length ? (
          <>
            <Text className='ll-label'>单元（可不选）</Text>
            <Tiles
              layout='chips'
              label='单元'
              options={building.units.map((u) => ({ value: u, label: `${u}单元`, className: `js-unit-${u}` }))}
              value={unit}
              onChange={(u) => setUnit(u === unit ? null : u)}
            />
          </>
        ) : null}
        {ownPlace ? (
          <Tiles
            layout='chips'
            label='问题在哪里'
            className='js-at-home'
            options={[
              { value: 'home', label: acting ? '是居民家里的问题' : '是我家里的问题', className: 'js-at-home-yes' },
              { value: 'shared', label: '楼道等公共部位', className: 'js-at-home-no' },
            ]}
            value={atHome ? 'home' : 'shared'}
            onChange={(v) => setAtHome(v === 'home')}
          />
        ) : null}
        {ownPlace && atHome ? (
          <Text className='ll-block ll-muted js-at-home-note'>{acting ? '处理人员会看到居民的房号，方便上门。' : `处理人员会看到您的房号 ${home?.room ?? ''}，方便上门。`}</Text>
        ) : null}
        {place === 'area' ? (
          <>
            <Text className='ll-label'>具体位置</Text>
            <View className='ll-field'>
              <Input className='js-area' placeholder='如：东门、3号楼前停车场、儿童游乐区' value={area} maxLength={40} onChange={(v: string) => setArea(v)} />
            </View>
          </>
        ) : null}
      </Field>
    </Card>
  )
}

export function UrgencyCard({ r: { deadlines, urgency, setUrgency } }: Props) {
  return (
    <Card title='有多急？'>
      <Tiles
        layout='list'
        label='有多急'
        options={URGENCIES.map((u) => ({
          value: u,
          label: URGENCY_LABELS[u],
          desc: deadlines.data ? `${URGENCY_HINTS[u]}，${hoursText(deadlines.data.hours[u])}内响应` : URGENCY_HINTS[u],
          className: `js-urgency-${u}`,
        }))}
        value={urgency}
        onChange={setUrgency}
      />
      <Text className='ll-block ll-muted'>遇到火灾、急病、犯罪等紧急情况，请先拨打 119 / 120 / 110。</Text>
    </Card>
  )
}

export function VisibilityCard({ r: { visibility, setVisibility } }: Props) {
  return (
    <Card title='谁可以看到？'>
      <Tiles
        layout='list'
        label='谁可以看到'
        options={[
          { value: 'private' as const, label: '仅工作人员可见', desc: '只有处理这件事的网格员、物业和党支部能看到；求助任务还有认领的志愿者', className: 'js-visibility-private' },
          { value: 'public' as const, label: '公开', desc: '公开时邻居只看到内容和楼栋，看不到姓名和房号', className: 'js-visibility-public' },
        ]}
        value={visibility}
        onChange={setVisibility}
      />
    </Card>
  )
}
