// 志愿服务证明: the certificate the function issues (民政部令第67号's fields) with the QR code of its
// public check. In WeChat it is drawn on a canvas and saved to the album; in the browser it prints.
import { SessionPage } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { Certificate } from './Certificate'

export default function VolunteerCertificatePage() {
  return (
    <SessionPage title='志愿服务证明' subtitle='依《志愿服务记录与证明出具办法》出具' allow={(s) => !!s.session?.compound} denied={<Empty text='认证房屋后才能出具志愿服务证明' />}>
      <Certificate />
    </SessionPage>
  )
}
