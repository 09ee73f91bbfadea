// jest setupFiles for the `app` project (runs before each test file, before the test framework).
// Each line fixes a failure seen without it (see shared/reference/taro-setup.md).
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web' // otherwise the runtime uses its own virtual DOM and nothing renders
process.env.FRAMEWORK = 'react'

// Config-file macros that babel-preset-taro only provides at build time.
global.defineAppConfig = (config) => config
global.definePageConfig = (config) => config

// Load Taro first: breaks the router <-> taro-h5 import cycle ("reading 'history'").
require('@tarojs/taro')
// Taro hooks (useLoad, useDidShow, ...) need reactMeta.R ("React.useContext is not a function").
require('@tarojs/plugin-framework-react/dist/runtime').createH5NativeComponentConfig(null, require('react'), require('react-dom'))
// The test-utils babel transformer compiles JSX with the classic runtime ("React is not defined").
global.React = require('react')
