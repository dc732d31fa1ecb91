import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { expect, goTo, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'
import { fillDomestic } from '../fixtures/forms'
import { createDatabase, findPostgresBin, startPostgres } from '../../test/helpers/postgres-server'

test('Settings → Shared database: a wrong address says why, a real server tests and saves; after the restart the desk books into it, named in the history', async ({ launch }) => {
  test.skip(!findPostgresBin(), 'PostgreSQL is not installed here (apt-get install postgresql)')
  test.slow()
  const server = await startPostgres()
  try {
    const url = await createDatabase(server.adminUrl, 'fraktdesk_team')

    const first = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language: 'en' })) })
    const page = first.page
    await goTo(page, 'Settings')
    const card = page.getByTestId('shared-db-settings')
    await expect(card.getByTestId('shared-db-status')).toHaveText('This desk uses its own history file.')
    await card.getByLabel('Address').fill('postgres://fraktdesk@127.0.0.1:9/fraktdesk')
    await card.getByLabel('Encrypt the connection (TLS)').uncheck()
    await card.getByRole('button', { name: 'Test database connection' }).click()
    await expect(card.locator('#sharedDb-url-error')).toContainText('cannot be reached')
    await card.getByLabel('Address').fill('mysql://somewhere')
    await card.getByRole('button', { name: 'Test database connection' }).click()
    await expect(card).toContainText('The address starts with postgres://')

    await card.getByLabel('Address').fill(url)
    await card.getByLabel('Desk name').fill('Pakkebord 2')
    await card.getByRole('button', { name: 'Test database connection' }).click()
    await expect(card.getByRole('status').last()).toContainText(/Connected: PostgreSQL \d+/)
    await card.getByRole('button', { name: 'Save and restart' }).click()
    await expect(card.getByRole('status').last()).toContainText('Saved. Fraktdesk restarts now')

    // "The restart": the same settings file, a new start of main.
    const saved = JSON.parse(await readFile(path.join(first.userDataDir, 'settings.json'), 'utf8'))
    expect(saved.sharedDatabase).toEqual({ url, tls: false, caFile: '', deskName: 'Pakkebord 2' })
    const second = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...saved, language: 'nb' })) })
    await goTo(second.page, 'Innstillinger')
    await expect(second.page.getByTestId('shared-db-status')).toContainText('Felles database: tilkoblet (PostgreSQL')
    await expect(second.page.getByTestId('shared-db-status')).toContainText('«Pakkebord 2»')
    await second.page.getByTestId('shared-db-settings').scrollIntoViewIfNeeded()
    await second.shot('shared-database-nb')
    await goTo(second.page, 'Book')
    await fillDomestic(second.page, { name: 'Kari Mottaker' })
    await second.page.keyboard.press('Control+Enter')
    await expect(second.page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
    await goTo(second.page, 'Sendinger')
    await expect(second.page.locator('[data-shipment]')).toHaveCount(1)
    await expect(second.page.locator('[data-shipment]').first()).toContainText('pakkebord Pakkebord 2')
    // This desk follows the tracking of what it booked: the state shows on the shared row.
    await expect(second.page.locator('[data-shipment] .badge.tracking-not_found')).toHaveText('Ikke hos Bring ennå')
    const check = new pg.Client({ connectionString: url })
    await check.connect()
    const { rows } = await check.query('SELECT recipient_name, desk, status FROM shipments')
    await check.end()
    expect(rows).toEqual([{ recipient_name: 'Kari Mottaker', desk: 'Pakkebord 2', status: 'booked' }])
  } finally {
    await server.stop()
  }
})
