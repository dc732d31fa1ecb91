import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'
import { fillDomestic } from '../fixtures/forms'

test('Sandbox shipments move on as the simulated clock advances: In transit, a delayed one in Needs attention with the sidebar count, then Delivered, with the timeline and the spend report', async ({ launch }) => {
  const app = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language: 'en' })) })
  const { page, sandbox } = app
  test.skip(!sandbox, 'needs the in-process Sandbox of the Chromium launcher')
  // Two journeys on time; Per Utvalgt's parcel is delayed on the way (a deviation).
  sandbox!.scriptJourneys('normal', 'normal', 'deviation')
  for (const name of ['Kari Mottaker', 'Ola Hansen', 'Per Utvalgt']) {
    await goTo(page, 'Book')
    await fillDomestic(page, { name })
    await page.getByRole('button', { name: /Book shipment/ }).click()
    await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
    await page.getByRole('button', { name: 'Book another' }).click().catch(() => undefined)
  }
  await goTo(page, 'Shipments')
  await expect(page.locator('[data-shipment]')).toHaveCount(3)
  const ids = (await page.locator('[data-shipment]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-shipment')))) as string[]
  expect(ids).toHaveLength(3)

  sandbox!.advanceClock(12 * 3_600_000)
  await page.evaluate((list) => window.api['tracking:refresh']({ ids: list }), ids)
  // Half a day in: two in transit, one delayed: it needs attention, and the sidebar counts it.
  await expect(page.getByTestId('shipments-table').locator('.badge.tracking-in_transit')).toHaveCount(2)
  await expect(page.getByTestId('shipments-table').locator('.badge.tracking-deviation')).toHaveCount(1)
  await expect(page.getByTestId('attention-count')).toHaveText('1')
  await expect(page.getByTestId('attention-count')).toHaveAttribute('aria-label', '1 shipment needs attention')
  await page.getByTestId('attention-filter').check()
  await expect(page.locator('[data-shipment]')).toHaveCount(1)
  await expect(page.locator('[data-shipment]')).toContainText('Per Utvalgt')
  await page.getByTestId('attention-filter').uncheck()
  await expect(page.locator('[data-shipment]')).toHaveCount(3)
  // The clerk calls the recipient about the delay and marks it handled, with a note: it leaves the list.
  await page.locator('[data-shipment]').filter({ hasText: 'Per Utvalgt' }).click()
  const handle = page.getByTestId('mark-handled')
  await handle.getByRole('textbox').fill('Called Per, he waits')
  await handle.getByRole('textbox').press('Enter')
  await expect(page.getByTestId('tracking-handled')).toContainText('Called Per, he waits')
  await expect(page.getByTestId('attention-count')).toHaveCount(0)

  // Three days on: the two working days Bring promised to Bergen, and the delayed one a day after.
  sandbox!.advanceClock(72 * 3_600_000)
  await page.evaluate((list) => window.api['tracking:refresh']({ ids: list }), ids)
  const table = page.getByTestId('shipments-table')
  await expect(table.locator('.badge.tracking-in_transit')).toHaveCount(0)
  // The delayed one arrived a day late; all three collected, nothing needs attention any more.
  await expect(table.locator('.badge.tracking-delivered')).toHaveCount(3)
  await expect(page.getByTestId('attention-count')).toHaveCount(0)
  await table.locator('[data-shipment]').first().click()
  const tracking = page.getByTestId('tracking')
  await expect(tracking.locator('.timeline li')).not.toHaveCount(0)
  await expect(tracking).toContainText('The package has been handed in to Bring.')
  await app.shot('tracking')

  // Spend: Bring's prices from tracking, per month × customer × service; the CSV's total matches.
  await page.getByTestId('spend').locator('summary').click()
  const spend = page.getByTestId('spend-table')
  await expect(spend.locator('tbody tr')).toHaveCount(1)
  await expect(spend.locator('tbody tr')).toContainText('Pickup parcel')
  const shown = await spend.locator('tbody tr td').nth(4).innerText()
  await page.getByRole('button', { name: 'Export CSV for the accountant' }).click()
  await expect(page.getByTestId('spend-report').getByRole('status')).toContainText('Saved as spend-')
  const csv = (await readFile(app.openedPaths.at(-1)!, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/)
  expect(csv[0]).toBe('Month;Customer number;Service;Shipments;With price;Without price;Total (excl. VAT);Currency;Booked from a quote;Quoted total (excl. VAT)')
  const cells = csv[1].split(';')
  expect(cells.slice(1, 6)).toEqual(['5', '5800', '3', '3', '0'])
  expect(Number(cells[6])).toBeCloseTo(Number(shown.replace(/[^\d,.]/g, '').replace(/,/g, '')), 2)
  // Typed by hand, not booked from a quote: nothing to compare.
  expect(cells.slice(8)).toEqual(['0', ''])
})

test('in Norwegian: tracking states and Bring’s event texts read in Norwegian; a shipment booked from a quote shows the quoted price next to Bring’s', async ({ launch }) => {
  const app = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language: 'nb' })) })
  const { page, sandbox } = app
  test.skip(!sandbox, 'needs the in-process Sandbox of the Chromium launcher')
  // Quote first, then "Book denne" on Pickup parcel for customer 5.
  await goTo(page, 'Pris')
  await page.getByLabel('Til postnummer').fill('5003')
  await page.getByLabel('Vekt i kg, kolli 1').fill('2,5')
  await page.getByLabel('Lengde i cm, kolli 1').fill('40')
  await page.getByLabel('Bredde i cm, kolli 1').fill('30')
  await page.getByLabel('Høyde i cm, kolli 1').fill('20')
  await page.getByRole('button', { name: 'Hent priser' }).click()
  const quoted = page.getByTestId('quote-results').locator('tr[data-product="5800"][data-customer="5"]')
  const promisedDay = await quoted.getByTestId('delivery').locator('div').first().innerText()
  await quoted.getByRole('button', { name: 'Book denne' }).click()
  await expect(page.locator('#productId')).toHaveValue('5800')
  sandbox!.scriptJourneys('deviation')
  await page.locator('#recipient-name').fill('Kari Mottaker')
  await page.locator('#recipient-addressLine').fill('Bryggen 1')
  await page.locator('#recipient-postalCode').fill('5003')
  await page.locator('#recipient-city').fill('BERGEN')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  // The booking's promise (Bring's instant, midnight in Oslo) reads as the day the quote said, written alike.
  expect(promisedDay).toMatch(/^\p{L}+\. \d{1,2}\. \p{L}+\.?$/u)
  await expect(page.getByTestId('expected-delivery')).toHaveText(promisedDay)
  await goTo(page, 'Sendinger')
  await expect(page.locator('[data-shipment]')).toHaveCount(1)
  const id = (await page.locator('[data-shipment]').first().getAttribute('data-shipment'))!
  sandbox!.advanceClock(13 * 3_600_000)
  await page.evaluate((list) => window.api['tracking:refresh']({ ids: list }), [id])
  await expect(page.getByTestId('shipments-table').locator('.badge.tracking-deviation')).toHaveText('Avvik')
  await expect(page.getByTestId('attention-count')).toHaveAttribute('aria-label', '1 sending trenger oppfølging')
  await page.locator('[data-shipment]').first().click()
  const tracking = page.getByTestId('tracking')
  await expect(tracking).toContainText('Sporing')
  await expect(tracking).toContainText('Pakken er levert til Bring.')
  await expect(tracking).not.toContainText('The package')
  // Bring's price (from authenticated tracking) next to what the quote said; the Sandbox prices both from one tariff.
  const price = tracking.getByTestId('tracking-price')
  await expect(price).toContainText('Brings pris:')
  await expect(price).toContainText('prisforslag')
  const amounts = (await price.innerText()).match(/[\d\s\u00a0]+,\d\d/g)!.map((a) => Number(a.replace(/[\s\u00a0]/g, '').replace(',', '.')))
  expect(amounts).toHaveLength(2)
  expect(amounts[0]).toBe(amounts[1])
  await page.getByTestId('spend').locator('summary').click()
  const row = page.getByTestId('spend-table').locator('tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('spend-quoted')).toContainText('1 sending booket fra et prisforslag; Bring ±')
  await page.getByTestId('spend-report').scrollIntoViewIfNeeded()
  await app.shot('tracking-quoted-nb')
})
