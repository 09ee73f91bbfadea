export default definePageConfig({
  navigationBarTitleText: '签到码',
  // WeChat: the code, its countdown and its QR are a native custom component (no canvas); H5 has no
  // native components and renders the same with React (index.tsx)
  usingComponents: {
    'checkin-code': '../native/checkin-code/index'
  }
})
