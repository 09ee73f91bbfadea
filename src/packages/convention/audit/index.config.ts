export default definePageConfig({
  navigationBarTitleText: '监票'
})
