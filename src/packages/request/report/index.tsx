// 我要反映: what (category, text), where (building/unit or a common area), how urgent, who may see
// it. The state and the one submit are useReportForm (one idempotency key per form, so a retry or a
// double tap never files the same thing twice).
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { FormProblemLine } from '../../../components/FormField'
import { ROUTES, go } from '../../../routes'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { RequestPage } from '../components'
import { ProxyCard, SimilarHint } from './Parts'
import { PhotosCard, UrgencyCard, VisibilityCard, WhatCard, WhereCard } from './Sections'
import { useReportForm } from './useReportForm'

function ReportForm() {
  const r = useReportForm()
  if (r.directory.error) return <ErrorBlock message={r.directory.error} onRetry={() => void r.directory.reload()} />
  if (!r.directory.data) return <Loading />
  return (
    <View className='js-report-form'>
      {r.mayActFor ? <ProxyCard on={r.proxyOn} onToggle={r.setProxyOn} choice={r.proxy} onChoice={r.setProxy} problem={r.problem} /> : null}
      <WhatCard r={r} />
      <PhotosCard r={r} />
      <WhereCard r={r} />
      {r.place === 'building' && r.building && r.category ? <SimilarHint buildingId={r.building.buildingId} category={r.category} /> : null}
      <UrgencyCard r={r} />
      <VisibilityCard r={r} />
      <FormProblemLine problem={r.problem} />
      <Button type='primary' block size='large' loading={r.busy} disabled={r.busy} className='js-submit-request' onClick={() => void r.submit()}>
        提交反映
      </Button>
      <View className='ll-gap' />
    </View>
  )
}

export default function Report() {
  return (
    <RequestPage
      title='我要反映'
      subtitle='你呼我应 · 网格员限时响应'
      // grid workers and the branch may file for a resident (代办) without a verified home of their own
      allow={(s) => !!s.session?.household?.verified || (!!s.session?.compound && s.hasRole('grid', 'branch'))}
      denied={
        <Empty
          text='认证房屋后才能反映问题。认证后，网格员能找到您、及时回复您。'
          action={
            <Button type='primary' className='js-report-binding' onClick={() => go(ROUTES.binding)}>
              去认证房屋
            </Button>
          }
        />
      }
    >
      <ReportForm />
    </RequestPage>
  )
}
