export default definePageConfig({ navigationBarTitleText: '邻里公开反映' })
