export default definePageConfig({
  navigationBarTitleText: '评价楼栋长'
})
