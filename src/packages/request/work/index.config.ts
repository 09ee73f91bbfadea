export default definePageConfig({
  navigationBarTitleText: '反映工作台'
})
