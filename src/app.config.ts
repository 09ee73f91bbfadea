export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/services/index',
    'pages/me/index'
  ],
  subPackages: [
    {
      root: 'packages/user',
      pages: [
        'consent/index',
        'binding/index',
        'verify/index',
        'privacy/index',
        'profile/index',
        'roles/index',
        'inbox/index'
      ]
    },
    {
      root: 'packages/request',
      pages: [
        'report/index',
        'mine/index',
        'detail/index',
        'hall/index',
        'work/index',
        'stats/index',
        'board/index'
      ]
    },
    {
      root: 'packages/volunteer',
      pages: [
        'list/index',
        'team/index',
        'mine/index',
        'certificate/index',
        'verify/index',
        'manage/index',
        'stats/index',
        'rate/index'
      ]
    },
    {
      root: 'packages/event',
      pages: [
        'list/index',
        'detail/index',
        'edit/index',
        'attendees/index',
        'checkin-code/index',
        'mine/index'
      ]
    },
    {
      root: 'packages/notice',
      pages: [
        'list/index',
        'detail/index',
        'edit/index',
        'stats/index',
        'manage/index'
      ]
    },
    {
      root: 'packages/convention',
      pages: [
        'list/index',
        'detail/index',
        'ballot/index',
        'result/index',
        'edit/index',
        'open/index',
        'audit/index',
        'progress/index'
      ]
    },
    {
      root: 'packages/admin',
      pages: [
        'dashboard/index',
        'ledgers/index',
        'audit/index',
        'moderation/index',
        'meetings/index',
        'meeting/index',
        'compounds/index'
      ]
    }
  ],
  // WeChat's privacy check: privacy-scoped APIs wait for the user's agreement, which the app asks
  // for itself (src/services/privacy.ts, wx.onNeedPrivacyAuthorization)
  __usePrivacyCheck__: true,
  // inject only the components a page's WXML uses (each page declares Taro's `comp` itself)
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarTitleText: '邻里共治',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark'
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png'
      },
      {
        pagePath: 'pages/services/index',
        text: '办事',
        iconPath: 'assets/tabbar/services.png',
        selectedIconPath: 'assets/tabbar/services-active.png'
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png'
      }
    ]
  }
})
