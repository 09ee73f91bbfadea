export default definePageConfig({
  navigationBarTitleText: '公约详情'
})
