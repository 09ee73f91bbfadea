export default definePageConfig({
  navigationBarTitleText: '公约表决'
})
