import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// For the plain `vite build --ssr` of the benchmarks (npm run bench*): main's files import src/shared as @shared.
export default defineConfig({ resolve: { alias: { '@shared': resolve('src/shared') } } })
