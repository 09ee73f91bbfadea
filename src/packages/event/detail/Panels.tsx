// The action cards of 活动详情: 活动签到, the resident's register / cancel, 活动管理, and the cancel dialog.
import { Text, View } from '@tarojs/components'
import { Button, Dialog, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { eventUrl, go } from '../../../routes'
import type { EventView } from '../../../services/event'
import { isWeapp } from '../../../services/platform'
import type { EventDetailState } from './useEventDetail'

interface Props {
  v: EventView
  e: EventDetailState
}

export function CheckinCard({ v, e }: Props) {
  const { busy, code, setCode, checkin, scan, checkinError } = e
  const checkinIsOpen = v.checkin === 'open'
  // closed, or over: no card
  if (v.checkin !== 'open' && v.checkin !== 'not_yet') return null
  return (
    <Card title='活动签到' className='js-checkin'>
      {checkinIsOpen ? (
        <>
          <Text className='ll-block ll-muted'>请输入组织者现场出示的 6 位签到码{isWeapp ? '，或扫描签到二维码' : ''}。</Text>
          <View className='ev-checkin'>
            <View className='ll-field ev-checkin__field'>
              <Input className='js-checkin-input' type='number' placeholder='6 位签到码' maxLength={6} value={code} onChange={(t: string) => setCode(t)} />
            </View>
            <Button type='primary' loading={busy === 'checkin'} disabled={!!busy} className='js-checkin-submit' onClick={() => void checkin(code)}>
              签到
            </Button>
          </View>
          {isWeapp ? (
            <>
              <View className='ll-gap' />
              <Button block fill='outline' type='primary' disabled={!!busy} className='js-checkin-scan' onClick={() => void scan()}>
                扫码签到
              </Button>
            </>
          ) : null}
          {checkinError ? <Text className='ll-error-text js-checkin-error'>{checkinError}</Text> : null}
        </>
      ) : (
        <Text className='ll-block ll-muted js-checkin-later'>签到将在活动开始前 30 分钟开放，请到场后再签到。</Text>
      )}
    </Card>
  )
}

export function ResidentActions({ v, e }: Props) {
  const { busy, register, open, actionError } = e
  const active = !!v.mine && v.mine.status !== 'cancelled'
  const closed = v.registrable.ok ? null : v.registrable.message
  const canCancelRegistration = v.cancellable
  // nothing to register for while I hold a place; otherwise the button, or why there is none
  const registerBlock = active ? null : closed ? (
    <Text className='ll-block ll-muted js-closed'>{closed}</Text>
  ) : (
    <>
      {v.placesLeft === 0 ? <Text className='ll-block ll-muted ev-note'>名额已满，报名后进入候补；有人取消时按顺序自动递补。</Text> : null}
      <Button type='primary' block size='large' loading={busy === 'register'} disabled={!!busy} className='js-register' onClick={() => void register()}>
        {v.placesLeft === 0 ? '报名候补' : '我要报名'}
      </Button>
    </>
  )
  if (!registerBlock && !canCancelRegistration && !actionError) return null
  return (
    <Card className='js-resident-actions'>
      {registerBlock}
      {canCancelRegistration ? (
        <Button block size='large' fill='outline' disabled={!!busy} className='js-cancel-registration' onClick={() => open('cancelRegistration')}>
          {v.mine?.status === 'waitlisted' ? '退出候补' : '取消报名'}
        </Button>
      ) : null}
      {actionError ? <Text className='ll-error-text js-action-error'>{actionError}</Text> : null}
    </Card>
  )
}

export function ManageCard({ v, e, now }: Props & { now: number }) {
  const { busy, exportList, open } = e
  const eventId = v.eventId
  const published = v.state === 'published'
  const endAt = Date.parse(v.endAt)
  if (!v.canManage) return null
  return (
    <Card title='活动管理' className='js-manage'>
      <View className='ev-actions'>
        {published ? (
          <Button size='large' className='js-edit-event' onClick={() => go(eventUrl(eventId, 'eventEdit'))}>
            编辑
          </Button>
        ) : null}
        <Button size='large' className='js-attendees' onClick={() => go(eventUrl(eventId, 'eventAttendees'))}>
          报名名单
        </Button>
        {published ? (
          <Button size='large' type='primary' className='js-checkin-code' onClick={() => go(eventUrl(eventId, 'eventCheckinCode'))}>
            签到码
          </Button>
        ) : null}
        <Button size='large' loading={busy === 'export'} disabled={!!busy} className='js-export' onClick={() => void exportList()}>
          导出
        </Button>
        {published && now < endAt ? (
          <Button size='large' fill='outline' type='primary' className='js-cancel-event' onClick={() => open('cancelEvent')}>
            取消活动
          </Button>
        ) : null}
      </View>
      <Text className='ll-block ll-muted'>{isWeapp ? '导出会把报名名单（CSV）复制到剪贴板。' : '导出会下载报名名单（CSV，可用 Excel 打开）。'}</Text>
    </Card>
  )
}

export function CancelDialog({ v, e }: Props) {
  const { dialog, confirmDialog, closeDialog, dialogError, reason, setReason } = e
  const releaseNote =
    v.mine?.status === 'waitlisted'
      ? '取消后您将退出候补，之后如需参加要重新报名。'
      : v.waitlistCount > 0
        ? '取消后您的名额会自动让给候补第 1 位的邻居，之后如需参加要重新报名。'
        : '取消后名额会空出来给其他邻居，之后如需参加要重新报名。'
  return (
    <Dialog
      visible={!!dialog}
      title={dialog === 'cancelEvent' ? '取消活动' : v.mine?.status === 'waitlisted' ? '退出候补' : '取消报名'}
      confirmText={dialog === 'cancelEvent' ? '取消活动' : '确定取消'}
      cancelText='再想想'
      onConfirm={confirmDialog}
      onCancel={closeDialog}
      onClose={closeDialog}
    >
      {dialog === 'cancelRegistration' ? (
        <View className='js-dialog-cancel-registration'>
          <Text className='ll-block ll-text-2'>{releaseNote}</Text>
          {dialogError ? <Text className='ll-error-text js-dialog-error'>{dialogError}</Text> : null}
        </View>
      ) : null}
      {dialog === 'cancelEvent' ? (
        <View className='js-dialog-cancel-event'>
          <Text className='ll-block ll-muted'>取消后已报名和候补的邻居都会收到通知，活动不能恢复。请写明原因。</Text>
          <View className='ev-textarea'>
            <TextArea
              className='js-cancel-reason'
              placeholder='如：天气原因，改期另行通知'
              value={reason}
              maxLength={100}
              showCount
              onChange={(t: string) => setReason(t)}
            />
          </View>
          {dialogError ? <Text className='ll-error-text js-dialog-error'>{dialogError}</Text> : null}
        </View>
      ) : null}
    </Dialog>
  )
}
