import { defineConfig } from '@playwright/test'

/**
 * One spec set, two launchers (see e2e/fixtures/app.ts):
 *  - chromium: Debian's Chromium on the built renderer, window.api bridged to the real handlers;
 *  - electron: the built app via _electron.launch, skipped with a printed reason where no binary exists.
 */
export default defineConfig({
  testDir: 'e2e/specs',
  // main's files import src/shared as @shared: the paths of tsconfig.node.json.
  tsconfig: './tsconfig.node.json',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? 'test-results/e2e.json' }], ['./e2e/fixtures/electron-skip-reporter.ts']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'chromium', metadata: { launcher: 'chromium' } },
    { name: 'electron', metadata: { launcher: 'electron' } }
  ]
})
