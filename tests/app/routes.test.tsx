// app.config.ts stays a static file for Taro; this keeps it in step with the domain list, and every
// route, service and tool with a page that exists.
import { DOMAINS } from '@core/domains'
import { pageUrl } from '@core/manifest'
import { ROUTES } from '../../src/routes'

;(globalThis as Record<string, unknown>).defineAppConfig = (c: unknown) => c
 
const appConfig = require('../../src/app.config').default as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }

const allPages = new Set([...appConfig.pages.map((p) => `/${p}`), ...appConfig.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`))])

describe('routes', () => {
  it('has one subpackage per domain, with the pages its manifest lists', () => {
    expect(appConfig.subPackages.map((s) => ({ root: s.root, pages: s.pages }))).toEqual(DOMAINS.map((d) => ({ root: `packages/${d.name}`, pages: [...d.pages] })))
  })

  it('every route, service and tool leads to a page of the app', () => {
    const wanted = [
      ...Object.values(ROUTES),
      ...DOMAINS.flatMap((d) => [...(d.service?.page ? [pageUrl(d.name, d.service.page)] : []), ...d.tools.map((t) => pageUrl(d.name, t.page))]),
    ]
    expect(wanted.filter((u) => !allPages.has(u))).toEqual([])
  })
})

describe('办事: tools follow the access the contracts declare', () => {
  // imported here so the app config above is read first
   
  const { render, screen, waitFor } = require('@testing-library/react') as typeof import('@testing-library/react')
  const Services = require('../../src/pages/services').default as () => JSX.Element
  const { SessionProvider } = require('../../src/store/session') as typeof import('../../src/store/session')
  const { fakeCloud, session } = require('./helpers/fakeCloud') as typeof import('./helpers/fakeCloud')
  const { fakePageContainer } = require('./helpers/page') as typeof import('./helpers/page')
   

  async function toolsOf(roles: Array<'resident' | 'member' | 'grid' | 'committee' | 'branch' | 'property'>): Promise<string[]> {
    fakeCloud({ 'user.login': () => session({ roles }) })
    const view = render(
      <SessionProvider>
        <Services />
      </SessionProvider>,
      { container: fakePageContainer() },
    )
    await waitFor(() => expect(screen.getByText('你呼我应')).toBeTruthy())
    await new Promise((r) => setTimeout(r, 0))
    const names = [...document.querySelectorAll('[class*="js-tool-"] .ll-block')].map((n) => n.textContent ?? '')
    view.unmount()
    return names
  }

  it('a resident has no workbench; a volunteer the task hall; the committee a read-only roster; the branch the role editor', async () => {
    expect(await toolsOf(['resident'])).toEqual([])
    expect(await toolsOf(['resident', 'member'])).toEqual(['任务大厅'])
    const committee = await toolsOf(['resident', 'committee'])
    expect(committee).toContain('人员名册')
    expect(committee).not.toContain('人员与角色')
    expect(await toolsOf(['resident', 'branch'])).toEqual(expect.arrayContaining(['人员与角色', '住户认证审核', '三率统计']))
  })
})
