import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { PreloadFirstPage, firstPageGroup } from './preload-first-page'
import devConfig from './dev'
import prodConfig from './prod'

const NUTUI = ['@nutui/nutui-react-taro', '@nutui/icons-react-taro']
// core/ (the vocabulary shared with the functions) is compiled with the app
/** The first page of src/app.config.ts (首页); the H5 build fails if no chunk is loaded for it. */
const FIRST_PAGE = 'pages/home/index'

const SHARED_SOURCES = [path.resolve(__dirname, '..', 'core')]

// Persistent webpack cache: on by default (2-core machines) and with TARO_CACHE=1, off with TARO_CACHE=0.
// It lives in node_modules/.cache/webpack/<name> (git-ignored with node_modules/).
const cacheEnabled = process.env.TARO_CACHE !== '0'

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2025-1-1',
    // NutUI is designed at 375 wide, our own styles at 750.
    designWidth(input) {
      const file = typeof input === 'object' && input ? (input as { file?: string }).file : undefined
      if (file && file.replace(/\\+/g, '/').includes('@nutui')) return 375
      return 750
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2 / 1,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html', path.resolve(__dirname, 'weapp-project-config.js')],
    defineConstants: {
      LINLI_LOCAL: JSON.stringify(process.env.LINLI_LOCAL === '1' ? true : false),
      LINLI_API_BASE: JSON.stringify(process.env.LINLI_API_BASE || ''),
      LINLI_CLOUD_ENV: JSON.stringify(process.env.LINLI_CLOUD_ENV || ''),
      LINLI_TEMPLATE_REQUEST_STATUS: JSON.stringify(process.env.LINLI_TEMPLATE_REQUEST_STATUS || ''),
      LINLI_TEMPLATE_EVENT: JSON.stringify(process.env.LINLI_TEMPLATE_EVENT || ''),
      LINLI_TEMPLATE_NOTICE: JSON.stringify(process.env.LINLI_TEMPLATE_NOTICE || ''),
      LINLI_TEMPLATE_VOTE: JSON.stringify(process.env.LINLI_TEMPLATE_VOTE || '')
    },
    copy: {
      patterns: [],
      options: {}
    },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      prebundle: { exclude: NUTUI }
    },
    cache: {
      enable: cacheEnabled,
      // Separate caches per platform / mode / local flag so they never thrash each other.
      name: [
        process.env.TARO_ENV,
        process.env.NODE_ENV === 'production' ? 'prod' : 'dev',
        process.env.LINLI_LOCAL === '1' ? 'local' : 'cloud'
      ].join('-'),
      buildDependencies: {
        config: [
          path.join(__dirname, 'index.ts'),
          path.join(__dirname, 'dev.ts'),
          path.join(__dirname, 'prod.ts'),
          path.join(__dirname, '..', 'babel.config.js')
        ]
      }
    },
    sass: {
      resource: [path.resolve(__dirname, '..', 'node_modules/@nutui/nutui-react-taro/dist/styles/variables.scss')]
    },
    mini: {
      // contracts and the demo identity list live outside src/ and are compiled with it
      compile: { include: SHARED_SOURCES },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    },
    h5: {
      compile: { include: SHARED_SOURCES },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {}
        },
        pxtransform: {
          enable: true,
          config: {
            selectorBlackList: ['nut-']
          }
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Taro H5 defaults to chunks:'initial', which duplicates NutUI into every page chunk. The first
        // page's own modules go in one chunk of their own (firstPageGroup): they came in 36 requests of
        // 1–5 KB, six at a time over HTTP/1.1, and now come in a handful
        chain.optimization.merge({ splitChunks: { chunks: 'all', cacheGroups: { firstPage: firstPageGroup(FIRST_PAGE) } } })
        // Taro's request API imports a fetch polyfill (20 KB) for browsers without fetch. Taro's H5
        // components are custom elements, which already need iOS 10.3 / Chrome 54 — browsers that all
        // have fetch — so it goes. Its AbortController polyfill stays: that came later (iOS 11.3,
        // Chrome 66), and without it every call would fail on a browser between the two.
        // (webpack takes `false` for "an empty module"; webpack-chain's types only know strings)
        chain.resolve.alias.set('whatwg-fetch$', false as unknown as string)
        chain.performance.hints(false)
        // LINLI_SOURCEMAP=1: source maps beside the files, to see what a chunk holds (not in a release)
        if (process.env.LINLI_SOURCEMAP) chain.devtool('hidden-source-map')
        // the first page of app.config (首页) downloads beside app.js instead of after it
        chain.plugin('preloadFirstPage').use(PreloadFirstPage, [FIRST_PAGE])
      }
    }
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
