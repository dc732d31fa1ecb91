import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'

test('Settings: back up now to a chosen folder, see the backup folder, copy diagnostics — in Norwegian', async ({ launch }) => {
  const app = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language: 'nb' })) })
  const { page } = app
  await goTo(page, 'Innstillinger')
  const backups = page.getByTestId('backup-settings')
  await expect(backups).toContainText(path.join(app.userDataDir, 'backups'))
  await backups.getByRole('button', { name: 'Ta kopi nå …' }).click()
  await expect(backups.getByRole('status')).toContainText('Kopi lagret')
  expect((await readdir(path.join(app.userDataDir, 'usb-stick'))).filter((f) => f.endsWith('.sqlite3'))).toHaveLength(1)
  await page.getByTestId('copy-diagnostics').click()
  await expect(page.getByTestId('support-settings').getByRole('status')).toContainText('Kopiert: versjon, system, modus')
})
