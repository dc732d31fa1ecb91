import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'
import { fillQuote } from '../fixtures/forms'
import { domesticForm } from '../../test/helpers/booking-form'
import { describeProduct } from '../../src/shared/catalogue/products'
import type { SimJourney } from '../../src/main/services/bring-simulator/types'

// Bring's (Sandbox) clock starts on a Monday morning. From Oslo it promises what its Shipping Guide quotes:
// three working days (Thursday) for the mailbox parcel to Bergen and Trondheim, two to Bergen and three to
// Trondheim for the pickup point parcel; a day's delay makes Friday — no weekend on the way.
const MONDAY = Date.parse('2026-03-02T07:00:00Z')
const plan: { productId: string; postalCode: string; city: string; journeys: SimJourney[] }[] = [
  { productId: '3584', postalCode: '5003', city: 'BERGEN', journeys: ['normal', 'normal', 'normal', 'normal', 'deviation'] },
  { productId: '3584', postalCode: '7010', city: 'TRONDHEIM', journeys: ['normal', 'deviation', 'normal', 'attempted', 'deviation'] },
  { productId: '5800', postalCode: '5003', city: 'BERGEN', journeys: ['normal', 'normal', 'normal', 'normal', 'normal'] },
  { productId: '5800', postalCode: '7010', city: 'TRONDHEIM', journeys: ['normal', 'normal', 'return', 'normal', 'normal'] }
]

test('delivery record (Sandbox): 20 shipments across two services and two areas, journeys late and deviated — the rates and transit days in the record, beside Bring’s promise in the quote, and in the CSV; then in Norwegian', async ({ launch }) => {
  test.setTimeout(120_000)
  const app = await launch({ sandboxStartsAt: MONDAY, prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language: 'en' })) })
  const { page, sandbox } = app
  test.skip(!sandbox, 'needs the in-process Sandbox of the Chromium launcher')
  // Booked through the window's own API (the real handlers), 20 of them.
  const ids: string[] = []
  for (const p of plan) {
    sandbox!.scriptJourneys(...p.journeys)
    for (let i = 0; i < p.journeys.length; i++) {
      const form = domesticForm({ productId: p.productId, recipient: { ...domesticForm().recipient, name: `Mottaker ${ids.length}`, postalCode: p.postalCode, city: p.city } })
      const r = await page.evaluate((f) => window.api['booking:submit']({ form: f }), form)
      if (!r.ok) throw new Error(r.error.message)
      ids.push(r.data.id)
    }
  }
  sandbox!.advanceClock(14 * 24 * 3_600_000) // every journey has ended, the return too
  for (let i = 0; i < ids.length; i += 10) await page.evaluate((list) => window.api['tracking:refresh']({ ids: list }), ids.slice(i, i + 10))

  await goTo(page, 'Shipments')
  await page.getByTestId('delivery-record-section').locator('summary').click()
  const table = page.getByTestId('delivery-record-table')
  await expect(table.locator('tbody tr')).toHaveCount(4)
  const home = describeProduct('3584', 'en').name
  const pickup = describeProduct('5800', 'en').name
  const row = (service: string, area: string) => table.locator('tbody tr').filter({ hasText: service }).filter({ hasText: `NO ${area}xx` })
  // Columns: service, customer, area, shipments, on time, median, 90 %, deviations, returned, price.
  await expect(row(home, '50').locator('td')).toHaveText([home, '5', 'NO 50xx', '5', '80%', '3 days', '4 days', '20%', '0%', /NOK|kr/])
  await expect(row(home, '70').locator('td').nth(4)).toHaveText('60%')
  await expect(row(home, '70').locator('td').nth(7)).toHaveText('40%')
  await expect(row(pickup, '50').locator('td').nth(4)).toHaveText('100%')
  await expect(row(pickup, '70').locator('td').nth(8)).toHaveText('20%')
  // Sorted by on-time rate (click the header; again for the other way).
  await table.getByRole('button', { name: 'On time' }).click()
  await expect(table.locator('tbody tr').first().locator('td').nth(4)).toHaveText('100%')
  await table.getByRole('button', { name: 'On time' }).click()
  await expect(table.locator('tbody tr').first().locator('td').nth(4)).toHaveText('60%')
  await expect(page.getByRole('img', { name: `On time per month: ${home}` })).toBeVisible()
  await app.shot('delivery-record')

  // The CSV says the same.
  await page.getByTestId('delivery-record').getByRole('button', { name: 'Export CSV' }).click()
  await expect(page.getByTestId('delivery-record').getByRole('status')).toContainText('Saved as delivery-record-')
  const csv = (await readFile(app.openedPaths.at(-1)!, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/)
  expect(csv[0]).toBe('Service;Customer number;Area;Shipments;With outcome;On time;Median;90 %;Deviations;Returned;Avg. price (excl. VAT)')
  expect(csv.find((l) => l.startsWith('3584;5;NO 50;'))?.split(';').slice(3, 10)).toEqual(['5', '5', '80.0', '3', '4', '20.0', '0.0'])

  // Beside Bring's promise in the quote to Bergen: this shop's own record per service.
  await goTo(page, 'Quote')
  await fillQuote(page)
  await page.getByRole('button', { name: 'Get prices' }).click()
  const results = page.getByTestId('quote-results')
  await expect(results.locator('tr[data-product="3584"] [data-testid="your-record"]').first()).toHaveText('You: on time 80%, usually 3 days · 5 shipments')
  await expect(results.locator('tr[data-product="5800"] [data-testid="your-record"]').first()).toHaveText('You: on time 100%, usually 2 days · 5 shipments')
  // … and it agrees with Bring's promise beside it: the bookings were promised the Shipping Guide's lead time.
  await expect(results.locator('tr[data-product="3584"] [data-testid="delivery"]').first()).toContainText('3 working days')
  await expect(results.locator('tr[data-product="5800"] [data-testid="delivery"]').first()).toContainText('2 working days')
  await app.shot('quote-your-record')
  // A service this shop has not sent there: Bring's promise alone.
  await expect(results.locator('tr[data-product="5000"] [data-testid="your-record"]')).toHaveCount(0)

  // In Norwegian.
  await page.evaluate(() => window.api['settings:set']({ language: 'nb' }))
  await app.reload()
  await goTo(page, 'Sendinger')
  await page.getByTestId('delivery-record-section').locator('summary').click()
  await expect(page.getByTestId('delivery-record-section').locator('summary')).toHaveText('Leveringshistorikk: hvordan hver tjeneste faktisk leverer for deg')
  const nb = page.getByTestId('delivery-record-table')
  await expect(nb.getByRole('button', { name: 'I tide' })).toBeVisible()
  await expect(nb.locator('tbody tr').filter({ hasText: describeProduct('3584', 'nb').name }).filter({ hasText: 'NO 50xx' }).locator('td').nth(5)).toHaveText('3 dager')
  // At the smallest window the app supports, keyboard only: the wide table scrolls inside its card (the page
  // does not), and its last column's sort button is reached with Tab and brought into view.
  await page.setViewportSize({ width: 1024, height: 700 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
  const lastSort = nb.getByRole('button', { name: 'Snittpris (eks. mva.)' })
  await nb.getByRole('button', { name: 'Returnert' }).focus()
  await page.keyboard.press('Tab')
  await expect(lastSort).toBeFocused()
  await expect(lastSort).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(nb.locator('th[aria-sort]')).toContainText('Snittpris')
})
