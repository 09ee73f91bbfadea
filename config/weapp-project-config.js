// A Taro plugin: the copy of project.config.json that Taro writes into dist/weapp gets
// `miniprogramRoot: './'` but keeps `cloudfunctionRoot` relative to the repository root. Opened
// from dist/weapp (DevTools, miniprogram-ci), it must point at dist/cloudfunctions from there.
const fs = require('node:fs')
const path = require('node:path')

module.exports = (ctx) => {
  const fix = () => {
    if (process.env.TARO_ENV !== 'weapp') return
    const { appPath, outputPath } = ctx.paths
    const file = path.join(outputPath, 'project.config.json')
    if (!fs.existsSync(file)) return
    const source = JSON.parse(fs.readFileSync(path.join(appPath, 'project.config.json'), 'utf8'))
    if (!source.cloudfunctionRoot) return
    const config = JSON.parse(fs.readFileSync(file, 'utf8'))
    const functions = path.resolve(appPath, source.cloudfunctionRoot)
    const relative = `${path.relative(outputPath, functions).split(path.sep).join('/')}/`
    if (config.cloudfunctionRoot === relative) return
    config.cloudfunctionRoot = relative
    fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`)
  }
  ctx.onBuildComplete(fix)
  ctx.onBuildFinish(fix)
}
