// H5: Taro's router loads every page with import(), so the first page's chunks were only asked for
// once app.js had run — a second round trip on the way to the first screen. This plugin finds the
// chunk group that import() of the first page creates and lists its files in index.html as
// <link rel="preload">, so they download while app.js is parsed. Nothing else changes: the page
// still runs when the router asks for it; other pages stay lazy.
import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compilation, Compiler } from 'webpack'

const NAME = 'PreloadFirstPage'

export class PreloadFirstPage {
  /** @param page the first page's path as in app.config (e.g. `pages/home/index`) */
  constructor(private readonly page: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(NAME, (compilation: Compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const publicPath = String(compilation.outputOptions.publicPath ?? '/').replace(/auto$/, '/')
        const already = new Set(
          [...data.headTags, ...data.bodyTags].map((t) => String(t.attributes.src ?? t.attributes.href ?? '')).filter(Boolean),
        )
        const files = new Set<string>()
        for (const group of compilation.chunkGroups) {
          if (!group.origins.some((o) => typeof o.request === 'string' && o.request.replace(/\\/g, '/').endsWith(this.page))) continue
          for (const chunk of group.chunks) for (const file of chunk.files) if (/\.(js|css)$/.test(file)) files.add(file)
        }
        for (const file of [...files].sort()) {
          const href = publicPath + file
          if (already.has(href)) continue
          data.headTags.push({
            tagName: 'link',
            voidTag: true,
            meta: { plugin: NAME },
            attributes: file.endsWith('.css') ? { rel: 'preload', as: 'style', href } : { rel: 'preload', as: 'script', href },
          })
        }
        return data
      })
    })
  }
}
