import { defineConfig } from '@playwright/test'

/** `npm run smoke`: one spec, the real app in Electron (see e2e/smoke/smoke.spec.ts). */
export default defineConfig({
  testDir: 'e2e/smoke',
  tsconfig: './tsconfig.node.json',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']]
})
