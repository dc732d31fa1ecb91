import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test, useBringTest, type AppFixture } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'

const withShop = () => ({
  prepareUserData: (dir: string) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, defaultCustomerNumber: '5' }))
})

/** Test mode, then a batch of n rows imported from a CSV (Norwegian headers), 5800 with a parcel size. */
async function batchInTestMode(app: AppFixture, name: string, n: number): Promise<void> {
  const { page } = app
  await useBringTest(page)
  const file = path.join(app.userDataDir, 'ordrer.csv')
  await writeFile(file, csv(n))
  await goTo(page, 'Batches')
  await page.getByTestId('batch-new').click()
  await page.locator('#csv-file').setInputFiles(file)
  await page.locator('#batch-name').fill(name)
  await page.locator('#defaults-product').selectOption('5800')
  for (const [id, v] of [['lengthCm', '30'], ['widthCm', '20'], ['heightCm', '10']]) await page.locator(`#defaults-${id}`).fill(v)
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('batch-book-all')).toContainText(`Book all (${n})`)
}

const csv = (n: number): string => ['Navn;Adresse;Postnr;Poststed;Vekt (kg)', ...Array.from({ length: n }, (_, i) => `Kunde ${i + 1};Storgata ${i + 1};5003;BERGEN;1,5`)].join('\r\n') + '\r\n'

test('a 503 on two rows: one sent again from Shipments, one marked booked in the batch; the rows follow, and Book all sends nothing more', async ({ launch }) => {
  const app = await launch(withShop())
  const { page } = app
  await batchInTestMode(app, 'Tirsdag', 6)

  app.bring.faults.add({ routeId: 'booking.book', fault: { kind: 'status', status: 503 }, times: 2 })
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('batch-view')).toHaveAttribute('data-run-state', 'done', { timeout: 20_000 })
  const unknown = page.getByTestId('batch-unknown-row')
  await expect(unknown).toHaveCount(2)
  // One story, not two: Bring answered with an error; it may or may not have booked.
  await expect(unknown.first()).toContainText('Bring answered with an error (HTTP 503)')
  await expect(page.getByTestId('batch-view')).not.toContainText('few minutes')
  await app.shot('batch-resolve-in-place')
  const [first, second] = [await unknown.nth(0).getAttribute('data-row'), await unknown.nth(1).getAttribute('data-row')]

  // The first: in Shipments, checked in Mybring, not there → send it again now.
  await goTo(page, 'Shipments')
  // Rows are numbered by their line in the file (the header is line 1): "Kunde n" is on line n + 1.
  await page.getByTestId('shipments-table').getByText(`Kunde ${Number(first) - 1}`, { exact: true }).click()
  const card = page.getByTestId('shipment-card')
  await expect(card).toHaveAttribute('data-status', 'outcome_unknown')
  await card.getByRole('button', { name: 'It was not booked — send it again now' }).click()
  await expect(card).toHaveAttribute('data-status', 'booked')
  const consignment = (await card.getByTestId('consignment-number').textContent())!.trim()

  // Back in the batch, the row is that shipment: booked, with its number.
  await goTo(page, 'Batches')
  await page.getByRole('button', { name: /^Tirsdag/ }).click()
  const row1 = page.locator(`tr[data-row="${first}"]`)
  await expect(row1).toHaveAttribute('data-status', 'booked')
  await expect(row1).toContainText(consignment)

  // The second: resolved where it is shown, with the number from Mybring.
  const inPlace = page.locator(`[data-testid="batch-unknown-row"][data-row="${second}"]`)
  // By keyboard: the number, Enter; then the keyboard goes on to what is left to do (print the labels).
  await inPlace.getByPlaceholder('Consignment number from Mybring').fill('70438101234567890')
  await page.keyboard.press('Enter')
  await expect(page.locator(`tr[data-row="${second}"]`)).toHaveAttribute('data-status', 'booked')
  await expect(page.getByTestId('batch-unknown')).toHaveCount(0)
  await expect(page.getByTestId('batch-labels')).toBeFocused()

  // Nothing is waiting: Book all (0), and Ctrl+Enter sends nothing to Bring.
  const sent = app.bring.requests.filter((r) => r.routeId === 'booking.book').length
  await expect(page.getByTestId('batch-book-all')).toContainText('(0)')
  await expect(page.getByTestId('batch-book-all')).toBeDisabled()
  await page.keyboard.press('Control+Enter')
  await app.reload()
  await goTo(page, 'Batches')
  await page.getByRole('button', { name: /^Tirsdag/ }).click()
  await expect(page.locator('tr[data-status="booked"]')).toHaveCount(6)
  expect(app.bring.requests.filter((r) => r.routeId === 'booking.book').length).toBe(sent)
  const names = [...app.bring.state.consignments.values()].map((c) => c.recipient.name)
  expect(new Set(names).size).toBe(names.length)
})

test('Cancel asks first and is final: afterwards only “Book the rest” sends, and Ctrl+Enter does nothing', async ({ launch }) => {
  const app = await launch(withShop())
  const { page } = app
  await batchInTestMode(app, 'Onsdag', 30)
  app.bring.faults.add({ routeId: 'booking.book', fault: { kind: 'latency', ms: 300 }, times: 1000 })
  await page.keyboard.press('Control+Enter')
  await page.getByTestId('batch-cancel').click()
  const dialog = page.getByTestId('batch-cancel-confirm')
  await expect(dialog).toBeVisible()
  // The safe choice has focus and says what it does ("Cancel" would be ambiguous here).
  await expect(dialog.getByRole('button', { name: 'Keep booking' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Cancel the batch' }).click()
  await expect(page.getByTestId('batch-view')).toHaveAttribute('data-run-state', 'cancelled', { timeout: 20_000 })
  await expect(page.getByTestId('batch-cancelled')).toBeVisible()
  await expect(page.getByTestId('batch-book-all')).toHaveCount(0)
  const sent = app.bring.requests.filter((r) => r.routeId === 'booking.book').length
  expect(sent).toBeLessThan(30)
  await page.keyboard.press('Control+Enter')
  await page.waitForTimeout(500)
  expect(app.bring.requests.filter((r) => r.routeId === 'booking.book').length).toBe(sent)
  await page.getByTestId('batch-book-rest').click()
  await expect(page.getByTestId('batch-booked')).toHaveText('30 of 30 booked', { timeout: 30_000 })
})
