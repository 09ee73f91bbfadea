// H5: Taro's router loads every page with import(), so the first page's chunks were only asked for
// once app.js had run — a second round trip on the way to the first screen. This plugin finds the
// chunk group that import() of the first page creates and lists its files in index.html as
// <link rel="preload">, so they download while app.js is parsed. Nothing else changes: the page
// still runs when the router asks for it; other pages stay lazy.
import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compilation, Compiler } from 'webpack'

const NAME = 'PreloadFirstPage'

/** Whether an import() request is this page (`pages/home/index`, not `subpages/home/index`). */
function isPage(request: string | undefined, page: string): boolean {
  if (typeof request !== 'string') return false
  const r = request.replace(/\\/g, '/')
  return r === page || r.endsWith(`/${page}`)
}

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
          if (!group.origins.some((o) => isPage(o.request, this.page))) continue
          for (const chunk of group.chunks) for (const file of chunk.files) if (/\.(js|css)$/.test(file)) files.add(file)
        }
        // a renamed first page would quietly lose its preloads (and firstPageGroup its chunk)
        if (!files.size) compilation.errors.push(new compiler.webpack.WebpackError(`${NAME}: no chunk is loaded for ${this.page}; is it still the first page of app.config?`))
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

/**
 * A splitChunks cache group that gathers every module the first page needs (outside app.js and
 * Taro's own chunk) into one chunk, so it downloads in one request rather than in a dozen chunks of
 * 1–5 KB — the shared-chunk split that suits the other pages (Taro sets minSize 0) costs the first
 * screen a round trip per six files over HTTP/1.1. Other pages load this chunk for what they share
 * with the first page (cards, states, services, dayjs), which they would mostly have loaded anyway.
 */
export function firstPageGroup(page: string) {
  const isFirstPage = (chunk: { groupsIterable: Iterable<{ origins: Array<{ request?: string }> }> }) => {
    for (const group of chunk.groupsIterable) if (group.origins.some((o) => isPage(o.request, page))) return true
    return false
  }
  return {
    name: 'first-page',
    chunks: 'async' as const,
    priority: 50,
    enforce: true,
    test: (module: { type?: string }, { chunkGraph }: { chunkGraph: { getModuleChunksIterable(m: unknown): Iterable<never> } }) => {
      // scripts only: moving stylesheets between chunks could change which rule wins on other pages
      if (module.type?.startsWith('css')) return false
      for (const chunk of chunkGraph.getModuleChunksIterable(module)) if (isFirstPage(chunk)) return true
      return false
    },
  }
}

