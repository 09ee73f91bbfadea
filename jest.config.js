// Two jest projects:
//  - node: pure TypeScript (cloud functions, emulator, domain rules). Babel is configured inline so the
//    Taro babel.config.js (babel-preset-taro, babel-plugin-import) is NOT applied.
//  - app:  front-end (Taro H5 runtime in jsdom) via @tarojs/test-utils-react, which applies babel.config.js.
// Run one with `npx jest --selectProjects app` (or node).
const defineJestConfig = require('@tarojs/test-utils-react/dist/jest.js').default

// `@core/...` is the shared vocabulary (tsconfig paths); every project resolves it the same way.
const coreAlias = { '^@core/(.*)$': '<rootDir>/core/$1' }

// ESM-only packages under node_modules that must be transformed for jest.
const esm = [
  '@tarojs', '@stencil', '@nutui', 'lodash-es', 'query-string', 'decode-uri-component',
  'split-on-first', 'filter-obj', 'swiper', 'ssr-window', 'dom7'
]

const tarojs = defineJestConfig({
  displayName: 'app',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  // and a shared component's own test beside it (src/components/<Name>/<Name>.test.tsx)
  testMatch: ['<rootDir>/tests/app/**/*.test.{ts,tsx}', '<rootDir>/src/components/**/*.test.{ts,tsx}'],
  transformIgnorePatterns: [`^(?!.*/node_modules/(${esm.join('|')})/).*/node_modules/`],
  transform: {
    '^.+\\.(mjs|js|jsx|ts|tsx)$': require.resolve('@tarojs/test-utils-react/dist/jest/babel-transformer.js')
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
  moduleNameMapper: {
    ...coreAlias,
    '\\.(css|scss|sass|less)$': '<rootDir>/tests/app/__mocks__/styleMock.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/tests/app/__mocks__/fileMock.js'
  },
  globals: {
    // config/index.ts defineConstants
    LINLI_LOCAL: false,
    LINLI_API_BASE: '',
    LINLI_CLOUD_ENV: '',
    LINLI_TEMPLATE_REQUEST_STATUS: '',
    LINLI_TEMPLATE_EVENT: '',
    LINLI_TEMPLATE_NOTICE: '',
    LINLI_TEMPLATE_VOTE: ''
  },
  setupFiles: ['<rootDir>/tests/app/setup.js'],
  setupFilesAfterEnv: ['<rootDir>/tests/app/timeout.js']
})
// Global-only options are ignored (or warned about) inside a project.
delete tarojs.bail
delete tarojs.verbose
delete tarojs.collectCoverageFrom

module.exports = {
  projects: [
    {
      displayName: 'node',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/node/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/node/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/node/helpers/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/node/helpers/timeout.ts'],
      transform: {
        '^.+\\.[cm]?[jt]sx?$': ['babel-jest', {
          presets: [
            ['@babel/preset-env', { targets: { node: 'current' } }],
            '@babel/preset-typescript'
          ],
          babelrc: false,
          configFile: false
        }]
      },
      moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
      moduleNameMapper: coreAlias
    },
    tarojs,
    // weapp: the WeChat build (dist/weapp) — WeChat's compilers over it (compile gate) and the app run in
    // miniprogram-simulate (jsdom) against one emulator child process. `npm test` builds dist/weapp
    // first; by hand: `npx tsx scripts/weapp.ts` then `npx jest --selectProjects weapp`.
    {
      displayName: 'weapp',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      // miniprogram-simulate's official compiler, on copies of WeChat's binaries: the package would
      // chmod its own, and node_modules may be hard-linked with other checkouts
      moduleNameMapper: { ...coreAlias, '^miniprogram-compiler$': '<rootDir>/tests/weapp/helpers/wechat-compiler.ts' },
      globalSetup: '<rootDir>/tests/weapp/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/weapp/helpers/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/weapp/helpers/timeout.ts'],
      transform: {
        '^.+\\.[cm]?[jt]sx?$': ['babel-jest', {
          presets: [
            ['@babel/preset-env', { targets: { node: 'current' } }],
            '@babel/preset-typescript'
          ],
          babelrc: false,
          configFile: false
        }]
      },
      moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json']
    },
    // e2e: the local H5 build (dist/h5, LINLI_LOCAL=1) in Debian Chromium via playwright-core, against
    // one emulator child process. Run through `npm run test:e2e` (builds dist/h5 first), or
    // `npx jest --selectProjects e2e --runInBand` once dist/h5 is built.
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/helpers/global-teardown.ts',
      // testTimeout is a global-only option in jest 29: the 60 s per-test timeout is set here instead
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/helpers/timeout.ts'],
      transform: {
        '^.+\\.[cm]?[jt]sx?$': ['babel-jest', {
          presets: [
            ['@babel/preset-env', { targets: { node: 'current' } }],
            '@babel/preset-typescript'
          ],
          babelrc: false,
          configFile: false
        }]
      },
      moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
      moduleNameMapper: coreAlias
    }
  ]
}
