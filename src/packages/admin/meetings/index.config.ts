export default definePageConfig({
  navigationBarTitleText: '三方联席会议'
})
