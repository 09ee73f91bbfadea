import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // To inspect bundle size: uncomment and `npm i -D webpack-bundle-analyzer`.
    // webpackChain(chain) {
    //   chain.plugin('analyzer').use(require('webpack-bundle-analyzer').BundleAnalyzerPlugin, [])
    // }
  }
} satisfies UserConfigExport<'webpack5'>
