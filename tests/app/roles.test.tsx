// 人员与角色: the grid as the branch sees it, and giving a 楼栋长 their buildings.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Roles from '../../src/packages/user/roles'
import { SessionProvider } from '../../src/store/session'
import { fakeCloud, session } from './helpers/fakeCloud'
import { fakePageContainer } from './helpers/page'

afterEach(() => jest.restoreAllMocks())

const grid = {
  households: 72,
  buildings: [
    { buildingId: 'b1', name: '1栋', households: 36, grid: [{ userId: 'u-liu', displayName: '刘芳' }], units: [{ unit: '1', households: 18, leaders: [] }, { unit: '2', households: 18, leaders: [] }] },
    { buildingId: 'b2', name: '2栋', households: 36, grid: [], units: [{ unit: '1', households: 18, leaders: [] }, { unit: '2', households: 18, leaders: [] }] },
  ],
}

it('shows 小区–楼栋–单元–户 with who leads each, and gives a new 楼栋长 a building and a unit', async () => {
  const calls = fakeCloud({
    'user.login': () => session({ roles: ['resident', 'branch'] }),
    'user.gridMap': () => grid,
    'user.searchUsers': () => ({ items: [{ userId: 'u-zhou', displayName: '周楼长', phoneMasked: null, roles: ['resident', 'grid'], household: 'h1' }], nextCursor: null }),
    'user.assignGrid': (d) => ({ userId: 'u-zhou', buildingIds: d.buildingIds, units: d.units }),
  })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  render(
    <SessionProvider>
      <Roles />
    </SessionProvider>,
    { container: fakePageContainer() },
  )
  await waitFor(() => expect(screen.getByText('网格 · 全小区 72 户')).toBeTruthy())
  expect(screen.getByText('1栋 · 36 户 · 楼栋长：刘芳')).toBeTruthy()
  expect(screen.getByText('2栋 · 36 户 · 楼栋长：未分配')).toBeTruthy()

  await waitFor(() => expect(screen.getByText('周楼长')).toBeTruthy())
  fireEvent.click(screen.getByText('分配楼栋'))
  fireEvent.click(screen.getByText('2栋'))
  fireEvent.click(screen.getByText('2栋1单元'))
  fireEvent.click(screen.getByText('保存分配'))
  await waitFor(() => expect(calls.find((c) => c.action === 'assignGrid')).toBeTruthy())
  expect(calls.find((c) => c.action === 'assignGrid')?.data).toEqual({ userId: 'u-zhou', buildingIds: ['b2'], units: [{ buildingId: 'b2', unit: '1' }] })
  // the map is read again after the change
  await waitFor(() => expect(calls.filter((c) => c.action === 'gridMap')).toHaveLength(2))
})
