import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { prerenderShell } from './src/renderer/prerender-shell'

// One spelling of src/shared in every process: main and preload import it as the renderer does.
const alias = { '@shared': resolve('src/shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // keytar and better-sqlite3 are native: keep every dependency external to the main bundle.
      externalizeDeps: true,
      rollupOptions: {
        // The simulator, receiver and sender CLIs are built beside the app and run in plain Node.
        input: { index: resolve('src/main/index.ts'), simulator: resolve('src/main/simulator-cli.ts'), receiver: resolve('src/main/receiver-cli.ts'), 'warehouse-sender': resolve('src/main/warehouse-sender-cli.ts') }
      }
    }
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload can require only a few Electron built-ins: bundle everything, emit CommonJS.
    build: {
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].js' } }
    }
  },
  renderer: {
    resolve: { alias: { ...alias, '@renderer': resolve('src/renderer/src') } },
    plugins: [react(), prerenderShell()],
    base: './',
    // Minified, one chunk per screen (see app/screen-views.tsx): the window opens like a blank page.
    build: { minify: true, target: 'chrome130', manifest: true, sourcemap: process.env.RENDERER_SOURCEMAP === '1' }
  }
})
