import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, goTo, screenshotDir, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'
import { testAccount } from '../fixtures/accounts'
import { openDesk } from '../fixtures/desk-launcher'
import { createDatabase, findPostgresBin, startPostgres } from '../../test/helpers/postgres-server'

test('the shared database goes away and comes back: the desk says so in its status line, lists say the database cannot be reached, and it carries on by itself', async ({ lazyChromium }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'the desk runs as a child process bridged into a Chromium page; the server is stopped under it')
  test.skip(!findPostgresBin(), 'PostgreSQL is not installed here (apt-get install postgresql)')
  test.setTimeout(90_000)
  const cleanups: (() => Promise<unknown>)[] = []
  try {
    const server = await startPostgres()
    cleanups.push(() => server.stop())
    const url = await createDatabase(server.adminUrl, 'fraktdesk_away')
    const userDataDir = await mkdtemp(path.join(tmpdir(), 'fraktdesk-desk-'))
    cleanups.push(() => rm(userDataDir, { recursive: true, force: true }))
    await writeFile(path.join(userDataDir, 'settings.json'), JSON.stringify({ ...shopSettings, language: 'nb', sharedDatabase: { url, tls: false, caFile: '', deskName: 'Pakkebord 1' } }))
    const desk = await openDesk(await lazyChromium(), { userDataDir, baseUrl: 'http://127.0.0.1:9/', timeoutMs: 5000 })
    cleanups.push(() => desk.close())
    expect((await desk.invoke('credentials:save', testAccount)).ok).toBe(true)
    const { page } = desk
    await goTo(page, 'Sendinger')
    await expect(page.getByTestId('shipments-count')).toBeVisible()
    await expect(page.getByTestId('shared-health')).toHaveCount(0)

    server.kill()
    // The next thing that needs the database finds it gone: the list says why, and the status line appears.
    await goTo(page, 'Bunker')
    await goTo(page, 'Sendinger')
    await expect(page.getByTestId('shared-health')).toHaveAttribute('data-state', 'lost', { timeout: 15_000 })
    await expect(page.getByTestId('shared-health')).toContainText('Får ikke kontakt med den felles databasen')
    await expect(page.getByTestId('shared-health')).toContainText('prøver igjen av seg selv')
    await expect(page.getByRole('alert').filter({ hasText: 'felles databasen' }).first()).toBeVisible()
    await expect(page.locator('main')).not.toContainText('Noe gikk galt')
    await page.screenshot({ path: path.join(screenshotDir, 'shared-database-away.png'), fullPage: true })

    server.restart()
    await expect(page.getByTestId('shared-health')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 })
    await expect(page.getByTestId('shared-health')).toContainText('Koblet til den felles databasen igjen')
  } finally {
    for (const c of cleanups.reverse()) await c().catch(() => undefined)
  }
})
