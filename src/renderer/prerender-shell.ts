import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createServer, type Plugin, type ResolvedConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { appPages } from '../shared/app-pages'
import type { Language } from '../shared/domain/settings'

/**
 * After the renderer build: writes one page per UI language with the shell (banner, sidebar,
 * "Loading…") already in the HTML, so the window paints it as soon as the HTML and CSS are in,
 * not after the JavaScript has run. main.tsx hydrates it when the page's language is the window's.
 */
export function prerenderShell(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'fraktdesk:prerender-shell',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    async closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir)
      const template = await readFile(path.join(outDir, appPages.en), 'utf8')
      if (!template.includes('<div id="root"></div>')) throw new Error('prerender-shell: index.html has no empty <div id="root"></div>')
      // The source runs in Node through Vite's SSR loader, with the renderer's own aliases.
      const server = await createServer({ configFile: false, root: config.root, resolve: { alias: config.resolve.alias }, plugins: [react()], logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, ws: false } })
      try {
        const { renderShell } = (await server.ssrLoadModule('/src/prerender.tsx')) as { renderShell: (language: Language) => Promise<string> }
        for (const language of Object.keys(appPages) as Language[]) {
          const shell = await renderShell(language)
          const page = template.replace('<html lang="en">', `<html lang="${language}">`).replace('<div id="root"></div>', `<div id="root" data-prerendered="${language}">${shell}</div>`)
          await writeFile(path.join(outDir, appPages[language]), page)
        }
      } finally {
        await server.close()
      }
    }
  }
}
