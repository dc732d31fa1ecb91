import { _electron as electron, expect, test } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { channels } from '../../src/shared/ipc/channels'
import { electronBinary } from '../fixtures/electron-binary'
import { fillDomestic } from '../fixtures/forms'

// `npm run smoke`: the real app in Electron, built-in Sandbox, a temp userData; nothing else.
test('smoke: the real app opens, exposes only the contract, quotes and books in Sandbox, and logs no error', async () => {
  const bin = electronBinary()
  test.skip('missing' in bin, `Electron binary not available (${'missing' in bin ? bin.missing : ''})`)
  const userData = await mkdtemp(path.join(tmpdir(), 'fraktdesk-smoke-'))
  const app = await electron.launch({ executablePath: (bin as { path: string }).path, args: [path.resolve('out/main/index.js')], env: { ...process.env, FRAKTDESK_USER_DATA_DIR: userData } as Record<string, string> })
  const mainLog: string[] = []
  app.process().stdout?.on('data', (d: Buffer) => mainLog.push(...d.toString().split('\n').filter(Boolean)))
  app.process().stderr?.on('data', (d: Buffer) => mainLog.push(...d.toString().split('\n').filter(Boolean)))
  try {
    const page = await app.firstWindow()
    await expect(page.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'sandbox')

    const surface = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { api: object }).api).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer
    }))
    expect(surface).toEqual({ api: [...channels, 'on'].sort(), require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' })

    await page.keyboard.press('Control+1')
    await page.getByLabel('To postal code').fill('5003')
    await page.getByLabel('Weight in kg, package 1').fill('2,5')
    await page.getByRole('button', { name: 'Get prices' }).click()
    await page.getByTestId('quote-results').locator('tr[data-product="5800"] [data-book-this]').click()
    await fillDomestic(page)
    await page.getByRole('button', { name: /Book shipment/ }).click()
    await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
    await page.screenshot({ path: 'test-results/smoke.png', fullPage: true })
  } finally {
    await app.close()
    await rm(userData, { recursive: true, force: true })
  }
  // pino writes JSON lines: level 50 and above is an error.
  const errors = mainLog.filter((l) => /"level":\s*(50|60)/.test(l))
  console.log(`smoke: main process wrote ${mainLog.length} log lines, ${errors.length} errors`)
  expect(errors).toEqual([])
})
