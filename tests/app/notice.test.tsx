// 通知公告 as residents, publishers and building leaders see it: unread dots and the count, a fee
// disclosure's table, the editor's checks and HTML, the read statistics by building and unit.
import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { NoticeItem, NoticeView, ReadStats } from '../../src/services/notice'
import NoticeDetail from '../../src/packages/notice/detail'
import NoticeEdit from '../../src/packages/notice/edit'
import NoticeList from '../../src/packages/notice/list'
import NoticeManage from '../../src/packages/notice/manage'
import NoticeStats from '../../src/packages/notice/stats'
import { htmlToText, money, textToHtml } from '../../src/packages/notice/components'
import { photoEncoding } from '../../src/services/upload'
import { failWith, fakeCloud, session, type Calls } from './helpers/fakeCloud'
import { all, el, renderPage, typeInto } from './helpers/dom'

const globals = globalThis as unknown as { LINLI_LOCAL: boolean }

beforeEach(() => {
  // NutUI's Dialog animates with react-transition-group, which React 18 warns about (findDOMNode)
  const original = console.error
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return
    original(...args)
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  globals.LINLI_LOCAL = false
  ;(Current as unknown as { router: unknown }).router = null
})

const resident = () =>
  session({
    roles: ['resident'],
    compound: { compoundId: 'c1', name: '红湖公园城' },
    household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true },
  })
const committee = () => session({ ...resident(), roles: ['resident', 'committee'] })
const property = () => session({ ...resident(), roles: ['property'] })
const grid = () => session({ ...resident(), roles: ['resident', 'grid'], gridBuildingIds: ['b1'] })

function item(over: Partial<NoticeItem> = {}): NoticeItem {
  return {
    noticeId: 'n1',
    title: '12月5日（周六）8:00-12:00 停水通知',
    category: 'outage',
    pinned: false,
    important: false,
    read: false,
    publishedAt: '2026-12-01T02:00:00.000Z',
    publisherName: '红湖物业',
    scheduled: false,
    edited: false,
    ...over,
  }
}

function view(over: Partial<NoticeView> = {}): NoticeView {
  return {
    noticeId: 'n1',
    category: 'disclosure',
    title: '2026年上半年物业费收支公示',
    content: '<p>现将2026年1-6月物业费收支情况公示如下，如有疑问请联系物业服务中心。</p>',
    images: [],
    attachments: [],
    feeTable: [],
    pinned: false,
    important: false,
    audience: { kind: 'compound', buildingIds: [] },
    publishedAt: '2026-07-05T02:00:00.000Z',
    publisherName: '红湖物业',
    state: 'published',
    readCount: 86,
    canManage: false,
    version: 1,
    editedAt: null,
    history: [],
    historyPublic: true,
    ...over,
  }
}

function openPage(path: string, id?: string) {
  ;(Current as unknown as { router: unknown }).router = { params: id ? { id } : {}, path }
}

const calledWith = (calls: Calls, action: string) => calls.filter((c) => c.fn === 'notice' && c.action === action)

describe('the editor text and money helpers', () => {
  it('turns lines into paragraphs, **bold** into <strong>, escapes the rest, and reads it back', () => {
    const text = '因市政管网维修，**12月5日 8:00-12:00** 停水。\n\n请提前储水 <不要> 浪费 & 节约\n'
    const html = textToHtml(text)
    expect(html).toBe('<p>因市政管网维修，<strong>12月5日 8:00-12:00</strong> 停水。</p><p>请提前储水 &lt;不要&gt; 浪费 &amp; 节约</p>')
    expect(htmlToText(html)).toBe('因市政管网维修，**12月5日 8:00-12:00** 停水。\n请提前储水 <不要> 浪费 & 节约')
    expect(money(1234567.5)).toBe('1,234,567.50')
    expect(money(-20)).toBe('-20.00')
    expect(money(0.1 + 0.2)).toBe('0.30')
  })
})

describe('通知公告 list', () => {
  it('a visitor sees the public notices without 全部已读 or dots, and one with no compound is told why (issue 11 item 6)', async () => {
    let reader = 'public'
    fakeCloud({
      'user.login': () => session(),
      'notice.list': () =>
        reader === 'public'
          ? { items: [item({ title: '小区垃圾分类新规' })], nextCursor: null, unread: 0, reader, compoundName: '红湖公园城' }
          : { items: [], nextCursor: null, unread: 0, reader, compoundName: null },
    })
    renderPage(NoticeList)
    await waitFor(() => expect(screen.getByText('小区垃圾分类新规')).toBeTruthy())
    expect(el('.js-notices-public').textContent).toContain('红湖公园城的公开通知')
    expect(document.querySelector('.js-unread-count')).toBeNull()
    expect(document.querySelector('.js-unread-dot')).toBeNull()

    reader = 'none'
    document.body.innerHTML = ''
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(NoticeList)
    await waitFor(() => expect(screen.getByText(/您还没有选择小区/)).toBeTruthy())
    expect(screen.queryByText(/全部已读|暂时还没有通知公告/)).toBeNull()
    fireEvent.click(el('.js-notices-bind'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/user/binding/index' })
  })

  it('shows pinned and important tags, a red dot on unread notices and the unread count; filters by category', async () => {
    const calls = fakeCloud({
      'user.login': resident,
      'notice.list': (d) =>
        d.category === 'disclosure'
          ? { items: [item({ noticeId: 'n3', category: 'disclosure', title: '物业费收支公示', read: true })], nextCursor: null, unread: 2, reader: 'member', compoundName: '红湖公园城' }
          : {
              items: [
                item({ pinned: true, important: true }),
                item({ noticeId: 'n2', category: 'policy', title: '垃圾分类新规', read: false, publisherName: '党支部' }),
                item({ noticeId: 'n3', category: 'disclosure', title: '物业费收支公示', read: true }),
              ],
              nextCursor: null,
              unread: 2,
              reader: 'member',
              compoundName: '红湖公园城',
            },
    })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(NoticeList)
    await waitFor(() => expect(screen.getByText('12月5日（周六）8:00-12:00 停水通知')).toBeTruthy())
    expect(calledWith(calls, 'list')[0].data).toEqual({})
    expect(el('.js-unread-count').textContent).toBe('2 条未读')
    expect(all('.js-unread-dot')).toHaveLength(2)
    expect(document.querySelector('.js-notice-n1 .js-unread-dot')).toBeTruthy()
    expect(document.querySelector('.js-notice-n2 .js-unread-dot')).toBeTruthy()
    expect(document.querySelector('.js-notice-n3 .js-unread-dot')).toBeNull()
    expect(el('.js-notice-n1 .js-pinned-tag').textContent).toBe('置顶')
    expect(el('.js-notice-n1 .js-important-tag').textContent).toBe('重要')
    expect(el('.js-notice-n1 .js-notice-category').textContent).toBe('停水停电')
    expect(el('.js-notice-n2 .js-notice-meta').textContent).toMatch(/^党支部 · (2026年)?12月1日$/)
    expect(document.querySelector('.js-notice-n2 .js-pinned-tag')).toBeNull()
    // residents do not publish
    expect(document.querySelector('.js-new-notice')).toBeNull()

    fireEvent.click(el('.js-notice-n2'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/detail/index?id=n2' })

    fireEvent.click(el('.js-category-disclosure'))
    await waitFor(() => expect(screen.queryByText('垃圾分类新规')).toBeNull())
    expect(calledWith(calls, 'list')[1].data).toEqual({ category: 'disclosure' })
    await waitFor(() => expect(screen.getByText('物业费收支公示')).toBeTruthy())
    expect(el('.js-unread-count').textContent).toBe('2 条未读')
  })

  it('gives publishers 发布通知 and 我发布的', async () => {
    fakeCloud({ 'user.login': committee, 'notice.list': () => ({ items: [], nextCursor: null, unread: 0, reader: 'member', compoundName: '红湖公园城' }) })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(NoticeList)
    await waitFor(() => expect(screen.getByText(/暂时还没有通知公告/)).toBeTruthy())
    expect(el('.js-unread-count').textContent).toBe('全部已读')
    fireEvent.click(el('.js-new-notice'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/edit/index' })
    fireEvent.click(el('.js-my-notices'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/manage/index' })
  })
})

describe('通知详情', () => {
  it('renders a fee disclosure as a table with a 合计 row, and names attachments outside WeChat', async () => {
    openPage('/packages/notice/detail/index', 'n1')
    const calls = fakeCloud({
      'user.login': resident,
      'notice.get': () =>
        view({
          feeTable: [
            { item: '物业费收入', amount: 1286400, period: '2026年1-6月' },
            { item: '电梯维保', amount: -96000.5, period: '2026年1-6月' },
            { item: '公共区域保洁', amount: -182300.25, period: '2026年1-6月' },
          ],
          attachments: [{ name: '收支明细.pdf', fileId: 'cloud://env-1.abc/notices/明细.pdf' }],
          images: ['cloud://env-1.abc/notices/%E5%85%AC%E7%A4%BA.png'],
        }),
    })
    renderPage(NoticeDetail)
    await waitFor(() => expect(document.querySelector('.js-fee-table')).toBeTruthy())
    expect(el('.js-notice-title').textContent).toBe('2026年上半年物业费收支公示')
    expect(el('.js-notice-detail .js-notice-category').textContent).toBe('物业公示')
    // the sanitised HTML goes to RichText as it is
    await waitFor(() => expect(el('.js-notice-content').innerHTML).toContain('<p>现将2026年1-6月物业费收支情况公示如下'))
    const rows = all('.js-fee-table .js-fee-row')
    expect(rows).toHaveLength(3)
    expect(rows.map((r) => r.querySelector('.js-fee-amount')?.textContent)).toEqual(['1,286,400.00', '-96,000.50', '-182,300.25'])
    expect(el('.js-fee-total').textContent).toContain('合计')
    expect(el('.js-fee-total-amount').textContent).toBe('1,008,099.25')
    expect(el('.js-fee-table').textContent).toContain('金额(元)')
    // H5: the attachment is named, to be opened in WeChat; the cloud image is a placeholder tile
    expect(el('.js-notice-attachments').textContent).toContain('收支明细.pdf')
    expect(el('.js-attachment-note').textContent).toBe('请在微信小程序中打开附件')
    expect(el('.js-notice-image').textContent).toContain('公示.png')
    // a resident does not manage it, and opening it is the only call (get records the read)
    expect(document.querySelector('.js-notice-manage')).toBeNull()
    expect(calls.filter((c) => c.fn === 'notice').map((c) => c.action)).toEqual(['get'])
  })

  it('an edited disclosure says when it was changed, keeps its publish time and shows every change with old and new amounts', async () => {
    openPage('/packages/notice/detail/index', 'n1')
    fakeCloud({
      'user.login': resident,
      'notice.get': () =>
        view({
          feeTable: [{ item: '物业费收入', amount: -800, period: '2026-11' }],
          version: 3,
          editedAt: '2026-07-06T08:30:00.000Z',
          history: [
            { version: 3, editedAt: '2026-07-06T08:30:00.000Z', changes: [{ field: 'fee', label: '物业费收入（2026-11）', before: null, after: null, beforeAmount: 10000, afterAmount: -800 }] },
            { version: 2, editedAt: '2026-07-05T09:00:00.000Z', changes: [{ field: 'title', label: '标题', before: '物业费公示', after: '2026年上半年物业费收支公示', beforeAmount: null, afterAmount: null }] },
          ],
          historyPublic: true,
        }),
    })
    renderPage(NoticeDetail)
    await waitFor(() => expect(document.querySelector('.js-notice-edited')).toBeTruthy())
    expect(el('.js-notice-meta').textContent).toContain('7月5日 10:00')
    expect(el('.js-notice-edited').textContent).toMatch(/^已于 .*7月6日.*16:30.* 修改/)
    expect(el('.js-notice-history').textContent).toContain('修改记录（公开）')
    expect(all('.js-revision')).toHaveLength(2)
    expect(el('.js-change-fee').textContent).toBe('物业费收入（2026-11） 金额：10,000.00 元 → -800.00 元')
    expect(el('.js-change-title').textContent).toBe('标题：「物业费公示」改为「2026年上半年物业费收支公示」')
  })

  it('an unedited notice shows no 已修改 line and no history', async () => {
    openPage('/packages/notice/detail/index', 'n1')
    fakeCloud({ 'user.login': resident, 'notice.get': () => view() })
    renderPage(NoticeDetail)
    await waitFor(() => expect(document.querySelector('.js-notice-title')).toBeTruthy())
    expect(document.querySelector('.js-notice-edited')).toBeNull()
    expect(document.querySelector('.js-notice-history')).toBeNull()
  })

  it('gives the publisher 编辑, 阅读统计 and 下架 behind a confirmation', async () => {
    openPage('/packages/notice/detail/index', 'n1')
    const calls = fakeCloud({
      'user.login': committee,
      'notice.get': () => view({ category: 'outage', canManage: true, pinned: true }),
      'notice.archive': () => ({ noticeId: 'n1', state: 'archived' }),
    })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(NoticeDetail)
    await waitFor(() => expect(document.querySelector('.js-notice-manage')).toBeTruthy())
    expect(document.querySelector('.js-fee-table')).toBeNull()
    expect(el('.js-read-count').textContent).toBe('已读 86 人')
    fireEvent.click(el('.js-edit-notice'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/edit/index?id=n1' })
    fireEvent.click(el('.js-read-stats'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/stats/index?id=n1' })

    fireEvent.click(el('.js-archive'))
    await waitFor(() => expect(document.querySelector('.js-dialog-archive')).toBeTruthy())
    expect(calledWith(calls, 'archive')).toHaveLength(0)
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(calledWith(calls, 'archive')[0]?.data).toEqual({ noticeId: 'n1' }))
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '已下架', icon: 'success' }))
    await waitFor(() => expect(el('.js-archived-tag').textContent).toBe('已下架'))
    expect(document.querySelector('.js-archive')).toBeNull()
    expect(document.querySelector('.js-edit-notice')).toBeNull()
  })

  it('lets a grid worker open 阅读统计 without managing the notice', async () => {
    openPage('/packages/notice/detail/index', 'n1')
    fakeCloud({ 'user.login': grid, 'notice.get': () => view({ category: 'outage' }) })
    renderPage(NoticeDetail)
    await waitFor(() => expect(document.querySelector('.js-read-stats')).toBeTruthy())
    expect(document.querySelector('.js-edit-notice')).toBeNull()
    expect(document.querySelector('.js-archive')).toBeNull()
  })
})

describe('发布通知 · 图片与附件 in the browser (issue 10 item 6)', () => {
  it('uploads images and a PDF through notice.uploadMedia, shows them, states the limit and sends their file ids', async () => {
    openPage('/packages/notice/edit/index')
    let n = 0
    const calls = fakeCloud({
      'user.login': committee,
      'notice.uploadMedia': () => ({ fileId: `cloud://env-1.abc/notices/u1/m${++n}`, url: `https://tmp.example/m${n}` }),
      'notice.publish': () => ({ noticeId: 'n9', heldForReview: false }),
    })
    jest.spyOn(Taro, 'chooseImage').mockResolvedValue({ tempFilePaths: ['blob:http://localhost/a'], tempFiles: [{ path: 'blob:http://localhost/a', size: 1000 }], errMsg: 'ok' } as never)
    jest.spyOn(photoEncoding, 'h5').mockResolvedValue({ contentType: 'image/jpeg', data: '/9j/'.padEnd(64, 'A') })
    jest.spyOn(photoEncoding, 'file').mockResolvedValue('JVBERi0xLjcK'.padEnd(64, 'A'))
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(NoticeEdit)
    await waitFor(() => expect(document.querySelector('.js-add-images')).toBeTruthy())
    expect(el('.js-media-limit').textContent).toContain('每个不超过 700 KB；附件只能是 PDF')

    fireEvent.click(el('.js-add-images'))
    await waitFor(() => expect(calledWith(calls, 'uploadMedia')).toHaveLength(1))
    expect(calledWith(calls, 'uploadMedia')[0].data).toEqual({ contentType: 'image/jpeg', data: expect.stringMatching(/^\/9j\/A+$/) })
    await waitFor(() => expect(document.querySelector('.js-media-editor img, .js-media-editor .ntc-image')).toBeTruthy())
    expect(el('.js-add-images').textContent).toContain('1/9')

    // a PDF over the limit is refused before anything is read or sent
    const pick = (file: File) => {
      fireEvent.click(el('.js-add-attachment'))
      const input = document.querySelector('input[type=file]') as HTMLInputElement
      expect(input.accept).toContain('application/pdf')
      Object.defineProperty(input, 'files', { value: [file] })
      fireEvent.change(input)
    }
    const bigPdf = new File(['x'], '大文件.pdf', { type: 'application/pdf' })
    Object.defineProperty(bigPdf, 'size', { value: 701 * 1024 })
    pick(bigPdf)
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '文件太大，每个不能超过 700 KB' })))
    expect(calledWith(calls, 'uploadMedia')).toHaveLength(1)

    pick(new File(['%PDF-1.7'], '收支明细.pdf', { type: 'application/pdf' }))
    await waitFor(() => expect(document.querySelector('.js-attachment')).toBeTruthy())
    expect(calledWith(calls, 'uploadMedia')[1].data).toEqual({ contentType: 'application/pdf', data: expect.stringMatching(/^JVBERi0xLjcK/) })
    expect(el('.js-attachment').textContent).toContain('收支明细.pdf')

    fireEvent.click(el('.js-category-other'))
    await typeInto('.js-field-title input', '小区公告')
    await typeInto('.js-field-content textarea', '详见附件')
    fireEvent.click(el('.js-save-notice'))
    await waitFor(() => expect(calledWith(calls, 'publish')).toHaveLength(1))
    expect(calledWith(calls, 'publish')[0].data).toMatchObject({
      images: ['cloud://env-1.abc/notices/u1/m1'],
      attachments: [{ name: '收支明细.pdf', fileId: 'cloud://env-1.abc/notices/u1/m2' }],
    })
  })
})

describe('发布通知', () => {
  const directory = () => ({
    compounds: [],
    buildings: [
      { buildingId: 'b1', name: '1栋', units: ['1'], floors: 9 },
      { buildingId: 'b2', name: '2栋', units: ['1', '2'], floors: 9 },
    ],
  })

  it('refuses an empty title before sending, then sends the text as <p> paragraphs', async () => {
    globals.LINLI_LOCAL = true
    openPage('/packages/notice/edit/index')
    const calls = fakeCloud({
      'user.login': committee,
      'user.directory': directory,
      'notice.publish': () => ({ noticeId: 'n9', heldForReview: false }),
    })
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(NoticeEdit)
    await waitFor(() => expect(document.querySelector('.js-save-notice')).toBeTruthy())
    fireEvent.click(el('.js-save-notice'))
    expect(screen.getByText('请选择通知类别')).toBeTruthy()
    fireEvent.click(el('.js-category-outage'))
    await typeInto('.js-field-content textarea', '因市政管网维修，**12月5日 8:00-12:00** 停水。\n\n请提前储水。')
    fireEvent.click(el('.js-save-notice'))
    expect(screen.getByText('请填写标题')).toBeTruthy()
    expect(calledWith(calls, 'publish')).toHaveLength(0)

    // the preview renders the HTML that will be sent
    fireEvent.click(el('.js-preview'))
    await waitFor(() => expect(document.querySelector('.js-preview-content')).toBeTruthy())
    fireEvent.click(el('.js-preview'))
    await waitFor(() => expect(document.querySelector('.js-field-content textarea')).toBeTruthy())

    await typeInto('.js-field-title input', '12月5日停水通知')
    fireEvent.click(el('.js-audience-buildings'))
    await waitFor(() => expect(document.querySelector('.js-building-b2')).toBeTruthy())
    fireEvent.click(el('.js-save-notice'))
    expect(screen.getByText('请选择通知的楼栋')).toBeTruthy()
    fireEvent.click(el('.js-building-b2'))
    fireEvent.click(el('.js-pinned'))
    fireEvent.click(el('.js-important'))
    await typeInto('.js-field-publish-at input', '2039-12-04 18:00')
    await waitFor(() => expect(el('.js-publish-at-text').textContent).toContain('2039年12月4日 18:00'))
    fireEvent.click(el('.js-save-notice'))
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/notice/detail/index?id=n9' }))
    expect(calledWith(calls, 'publish')[0].data).toEqual({
      category: 'outage',
      title: '12月5日停水通知',
      content: '<p>因市政管网维修，<strong>12月5日 8:00-12:00</strong> 停水。</p><p>请提前储水。</p>',
      audience: { kind: 'buildings', buildingIds: ['b2'] },
      pinned: true,
      important: true,
      publishAt: '2039-12-04T18:00:00+08:00',
    })
  })

  it('preselects 物业公示 for the property company and sends the fee table', async () => {
    openPage('/packages/notice/edit/index')
    const calls = fakeCloud({
      'user.login': property,
      'notice.publish': (d) => (d.category === 'disclosure' ? { noticeId: 'n8', heldForReview: false } : failWith('FORBIDDEN', '物业只能发布物业公示、停水停电和其他通知')),
    })
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(NoticeEdit)
    await waitFor(() => expect(document.querySelector('.js-category-disclosure.is-selected')).toBeTruthy())
    // only what the server lets the property company publish is offered (issue 11 item 9)
    expect([...document.querySelectorAll('.js-categories [class*="js-category-"]')].map((n) => n.className.match(/js-category-(\w+)/)?.[1])).toEqual(['outage', 'disclosure', 'other'])
    expect(el('.js-property-hint').textContent).toContain('物业可发布：停水停电、物业公示、其他')
    await typeInto('.js-field-title input', '2026年上半年物业费收支公示')
    await typeInto('.js-field-content textarea', '现将收支情况公示如下。')
    await typeInto('.js-fee-edit-0 .js-fee-item input', '物业费收入')
    await typeInto('.js-fee-edit-0 .js-fee-amount input', '1,286,400')
    await typeInto('.js-fee-edit-0 .js-fee-period input', '2026年1-6月')
    fireEvent.click(el('.js-fee-add'))
    await typeInto('.js-fee-edit-1 .js-fee-item input', '电梯维保')
    await typeInto('.js-fee-edit-1 .js-fee-amount input', '-96000.5')
    fireEvent.click(el('.js-save-notice'))
    await waitFor(() => expect(calledWith(calls, 'publish')).toHaveLength(1))
    expect(calledWith(calls, 'publish')[0].data.feeTable).toEqual([
      { item: '物业费收入', amount: 1286400, period: '2026年1-6月' },
      { item: '电梯维保', amount: -96000.5, period: '2026年1-6月' },
    ])
  })

  it('loads a notice as text and sends only what an edit changed', async () => {
    openPage('/packages/notice/edit/index', 'n1')
    const calls = fakeCloud({
      'user.login': committee,
      'notice.get': () => view({ category: 'outage', canManage: true, content: '<p>因管网维修停水。</p><p><strong>时间</strong>：周六 8:00-12:00</p>' }),
      'notice.update': () => ({ noticeId: 'n1' }),
    })
    const back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(NoticeEdit)
    await waitFor(() => expect((el('.js-field-title input') as HTMLInputElement).value).toBe('2026年上半年物业费收支公示'))
    expect((el('.js-field-content textarea') as HTMLTextAreaElement).value).toBe('因管网维修停水。\n**时间**：周六 8:00-12:00')
    fireEvent.click(el('.js-save-notice'))
    expect(screen.getByText('没有修改任何内容')).toBeTruthy()

    fireEvent.click(el('.js-pinned'))
    await typeInto('.js-field-content textarea', '因管网维修停水。\n**时间**：周日 8:00-12:00')
    fireEvent.click(el('.js-save-notice'))
    await waitFor(() => expect(back).toHaveBeenCalled())
    expect(calledWith(calls, 'update')[0].data).toEqual({
      noticeId: 'n1',
      pinned: true,
      content: '<p>因管网维修停水。</p><p><strong>时间</strong>：周日 8:00-12:00</p>',
    })
  })

  it('is only for publishers', async () => {
    openPage('/packages/notice/edit/index')
    const calls = fakeCloud({ 'user.login': resident })
    renderPage(NoticeEdit)
    await waitFor(() => expect(screen.getByText(/通知由业委会、党支部和物业发布/)).toBeTruthy())
    expect(calls.some((c) => c.fn !== 'user')).toBe(false)
  })
})

describe('我发布的', () => {
  it('lists my notices with read counts and 已下架 tags, and starts a new one', async () => {
    fakeCloud({
      'user.login': committee,
      'notice.listManaged': () => ({
        items: [
          { ...item({ read: false }), readCount: 86, archived: false },
          { ...item({ noticeId: 'n2', title: '旧的停电通知' }), readCount: 120, archived: true },
        ],
        nextCursor: null,
      }),
    })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(NoticeManage)
    await waitFor(() => expect(screen.getByText('旧的停电通知')).toBeTruthy())
    expect(el('.js-notice-n1 .js-managed-read-count').textContent).toBe('已读 86 人 ›')
    expect(document.querySelector('.js-notice-n1 .js-archived-tag')).toBeNull()
    expect(el('.js-notice-n2 .js-archived-tag').textContent).toBe('已下架')
    // read dots are for readers
    expect(document.querySelector('.js-unread-dot')).toBeNull()
    fireEvent.click(el('.js-notice-n2 .js-managed-read-count'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/stats/index?id=n2' })
    fireEvent.click(el('.js-notice-n1'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/detail/index?id=n1' })
    fireEvent.click(el('.js-new-notice'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/edit/index' })
  })
})

describe('阅读统计', () => {
  const stats = (over: Partial<ReadStats> = {}): ReadStats => ({
    readUsers: 52,
    readHouseholds: 37,
    totalHouseholds: 120,
    byBuilding: [
      { buildingId: 'b1', buildingName: '1栋', read: 30, total: 60 },
      { buildingId: 'b2', buildingName: '2栋', read: 7, total: 60 },
    ],
    unreadByBuilding: [
      {
        buildingId: 'b1',
        buildingName: '1栋',
        units: [
          { unit: '1', households: [{ householdId: 'h101', room: '101' }, { householdId: 'h302', room: '302' }] },
          { unit: '2', households: [{ householdId: 'h2-501', room: '501' }] },
        ],
      },
      { buildingId: 'b2', buildingName: '2栋', units: [{ unit: '1', households: [{ householdId: 'h2-101', room: '101' }] }] },
    ],
    ...over,
  })

  it('shows households read of total, per building, and the unread rooms by building and unit', async () => {
    openPage('/packages/notice/stats/index', 'n1')
    const calls = fakeCloud({
      'user.login': grid,
      'notice.readStats': (d) =>
        d.buildingId === 'b2'
          ? stats({ readHouseholds: 7, totalHouseholds: 60, byBuilding: [stats().byBuilding[1]], unreadByBuilding: [stats().unreadByBuilding[1]] })
          : stats(),
    })
    renderPage(NoticeStats)
    await waitFor(() => expect(document.querySelector('.js-stats-households')).toBeTruthy())
    expect(calledWith(calls, 'readStats')[0].data).toEqual({ noticeId: 'n1' })
    expect(el('.js-households-count').textContent).toBe('已读住户 37 / 120 户')
    expect(el('.js-households-ratio').textContent).toBe('30.8%')
    expect(el('.js-read-users').textContent).toBe('已读 52 人')
    expect(el('.js-by-building-b2').textContent).toContain('11.7%')

    // several buildings start closed; opening one lists its rooms unit by unit
    expect(el('.js-unread-building-b1').textContent).toContain('未读 3 户')
    expect(document.querySelector('.js-unread-building-b1 .js-unread-room')).toBeNull()
    fireEvent.click(el('.js-unread-building-b1 .js-unread-building-toggle'))
    await waitFor(() => expect(all('.js-unread-building-b1 .js-unread-unit')).toHaveLength(2))
    const units = all('.js-unread-building-b1 .js-unread-unit')
    expect(units[0].querySelector('.ntc-unit__label')?.textContent).toBe('1单元 · 2 户')
    expect(Array.from(units[0].querySelectorAll('.js-unread-room')).map((r) => r.textContent)).toEqual(['101', '302'])
    expect(Array.from(units[1].querySelectorAll('.js-unread-room')).map((r) => r.textContent)).toEqual(['501'])
    expect(document.querySelector('.js-unread-building-b2 .js-unread-room')).toBeNull()

    // the building filter asks for one building, whose list opens by itself
    fireEvent.click(el('.js-building-filter .js-building-b2'))
    await waitFor(() => expect(el('.js-households-count').textContent).toBe('已读住户 7 / 60 户'))
    expect(calledWith(calls, 'readStats')[1].data).toEqual({ noticeId: 'n1', buildingId: 'b2' })
    expect(el('.js-unread-building-b2 .js-unread-room').textContent).toBe('101')
    expect(document.querySelector('.js-unread-building-b1')).toBeNull()
    // the filter keeps every building
    expect(document.querySelector('.js-building-filter .js-building-b1')).toBeTruthy()
  })

  it('is not for residents', async () => {
    openPage('/packages/notice/stats/index', 'n1')
    const calls = fakeCloud({ 'user.login': resident })
    renderPage(NoticeStats)
    await waitFor(() => expect(screen.getByText(/阅读统计供通知发布者/)).toBeTruthy())
    expect(calls.some((c) => c.fn === 'notice')).toBe(false)
  })
})
