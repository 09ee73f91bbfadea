// Components that call Taro.createSelectorQuery (NutUI Tabs, Popup, ...) need a "current page",
// otherwise they throw "没有找到已经加载了的页面". Render them into the container this returns.
import { Current } from '@tarojs/runtime'

export function fakePageContainer(path = 'test-page'): HTMLElement {
   
  ;(Current as any).page = { path }
  const el = document.createElement('div')
  el.id = path
  document.body.appendChild(el)
  return el
}
