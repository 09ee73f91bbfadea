// Mounts the whole app (src/app + src/app.config: tab bar, hash router, page lifecycle hooks) in jsdom,
// the way Taro's H5 entry (taro-loader/lib/h5.js) does. test-utils-react's own createApp() uses the
// Taro 3.6 createRouter signature and crashes on Taro 4.
import * as React from 'react'
import { createHashHistory, createRouter, handleAppMountWithTabbar } from '@tarojs/router'
import { window as taroWindow } from '@tarojs/runtime'
import { act } from '@testing-library/react'

// Untyped modules (no @types/react-dom in this project): plain require.
 
const { findDOMNode, render, unstable_batchedUpdates } = require('react-dom')
const ReactDOMClient = require('react-dom/client')
const { createReactApp } = require('@tarojs/plugin-framework-react/dist/runtime')
 

 
type AnyConfig = Record<string, any>

/**
 * Renders the app starting at `initialPath` (a page path from app.config, e.g. 'pages/me/index').
 * Resolves once the first page is in the DOM.
 */
export async function renderApp(initialPath?: string): Promise<{ container: HTMLElement }> {
  // Loaded lazily so each test file gets them after setup.js has run.
   
  const App = require('../../../src/app').default
   
  const appConfig: AnyConfig = require('../../../src/app.config').default

  document.body.innerHTML = '<div id="app"></div>'
  window.location.hash = initialPath ? `#/${initialPath}` : ''

  const config: AnyConfig = JSON.parse(JSON.stringify(appConfig))
  config.router = { mode: 'hash' }
  const pagePaths: string[] = [
    ...config.pages,
    ...(config.subPackages || config.subpackages || []).flatMap((p: AnyConfig) =>
      p.pages.map((page: string) => `${p.root}/${page}`))
  ]
  config.routes = pagePaths.map(path => ({
    path,
    load: (context: unknown, params: unknown) => [require(`../../../src/${path}`), context, params],
     
    ...require(`../../../src/${path}.config`).default
  }))
  // window.__taroAppConfig is read by Taro.switchTab & co.
  ;(taroWindow as unknown as AnyConfig).__taroAppConfig = config

  const ReactDOM = Object.assign({}, ReactDOMClient, { findDOMNode, render, unstable_batchedUpdates })
  const inst = createReactApp(App, React, ReactDOM, config)
   
  const history = createHashHistory({ window: taroWindow as any })
   
  handleAppMountWithTabbar(config as any, history)
  // The router renders the React root on launch: wrap it in act() so React flushes it.
  await act(async () => {
     
    createRouter(history, inst as any, config as any, 'React')
  })

  const container = document.getElementById('app') as HTMLElement
  return { container }
}
