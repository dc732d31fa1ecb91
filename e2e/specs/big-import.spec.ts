import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'
import { bigExport } from '../fixtures/big-export'

const ROWS = 20_000
const withShop = (language: 'nb' | 'en') => ({
  prepareUserData: (dir: string) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language, defaultCustomerNumber: '5' }))
})

test.describe.configure({ timeout: 180_000 })

test('i norsk vindu: en stor eksport (20 000 rader) kan avbrytes mens radene sendes uten å etterlate en halv bunke; importert viser tabellen bare radene på skjermen, filtrene finner akkurat de uvanlige og de feilaktige, og End når siste rad', async ({ launch }) => {
  const app = await launch(withShop('nb'))
  const { page } = app
  const file = bigExport(ROWS)
  const csv = path.join(app.userDataDir, 'ordrer.csv')
  await writeFile(csv, file.csv)
  await goTo(page, 'Bunker')

  const chooseAndFill = async (): Promise<void> => {
    await page.getByTestId('batch-new').click()
    await page.locator('#csv-file').setInputFiles(csv)
    await expect(page.getByTestId('import-summary')).toContainText('20 000 rader')
    await page.locator('#defaults-product').selectOption('5800')
    for (const [field, cm] of [['lengthCm', '30'], ['widthCm', '20'], ['heightCm', '10']]) await page.locator(`#defaults-${field}`).fill(cm)
  }

  // Cancelled while the rows are sent: Esc on the progress, and no batch is left.
  await chooseAndFill()
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('import-progress-text')).toContainText(/[1-9][\d\s\u202f]* av 20[\s\u202f]000 rader/)
  await expect(page.getByTestId('import-cancel')).toBeFocused()
  await app.shot('batch-import-progress-nb')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('alert')).toHaveText('Importen ble avbrutt: ingen bunke ble laget.')
  await page.getByTestId('new-batch').getByRole('button', { name: 'Avbryt', exact: true }).click()
  await expect(page.locator('.batch-list li')).toHaveCount(0)

  // The whole file: one batch, its table drawn a screenful at a time.
  await chooseAndFill()
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('batch-view')).toBeVisible({ timeout: 120_000 })
  const table = page.getByTestId('batch-rows')
  await expect(table).toHaveAttribute('data-total', String(ROWS))
  const drawn = await page.locator('tr[data-row]').count()
  expect(drawn).toBeGreaterThan(10)
  expect(drawn).toBeLessThan(200)
  await expect(page.getByTestId('batch-to-check')).toHaveText(`${file.unusual.length} rader å sjekke`)
  // Numbers as a Norwegian reads them, in the header and the list.
  const bookable = ROWS - file.bad.length - file.unusual.length
  await expect(page.getByTestId('batch-booked')).toHaveText(`0 av ${bookable.toLocaleString('nb-NO')} booket`)
  await expect(page.getByTestId('batch-book-all')).toContainText(`Book alle (${bookable.toLocaleString('nb-NO')})`)
  await expect(page.locator('.batch-list li')).toContainText(`0/${ROWS.toLocaleString('nb-NO')} booket`)

  // «Å sjekke»: exactly the rows with 60 packages, in file order.
  await page.getByLabel(`Å sjekke (${file.unusual.length})`).check()
  await expect(table).toHaveAttribute('data-total', String(file.unusual.length))
  await expect(page.locator('tr[data-row]')).toHaveCount(file.unusual.length)
  expect(await page.locator('tr[data-row]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row'))))).toEqual(file.unusual)
  await expect(page.locator('tr[data-row]').first()).toContainText('Sjekk dette: 60 kolli til én mottaker')

  // «Trenger oppfølging»: those and the refused ones.
  const attention = [...file.bad, ...file.unusual].sort((a, b) => a - b)
  await page.getByLabel(`Trenger oppfølging (${attention.length})`).check()
  await expect(table).toHaveAttribute('data-total', String(attention.length))
  await expect(page.locator('tr[data-row]').first()).toHaveAttribute('data-row', String(attention[0]))

  // All rows again; the keyboard walks the table and End reaches the last line of the file.
  await page.getByLabel(`Alle rader (${ROWS.toLocaleString('nb-NO')})`).check()
  await page.locator('tr[data-row="2"]').click()
  await expect(page.getByTestId('batch-row-editor')).toHaveAttribute('data-row', '2')
  await page.keyboard.press('Escape')
  await expect(page.locator('tr[data-row="2"]')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('tr[data-row="3"]')).toBeFocused()
  await page.keyboard.press('End')
  await expect(page.locator(`tr[data-row="${ROWS + 1}"]`)).toBeFocused()
  await expect(page.locator(`tr[data-row="${ROWS + 1}"]`)).toBeInViewport()
  await app.shot('batch-big-end-nb')
  // A refused row near the end opens with Enter, and Esc brings the keyboard back to it.
  const lastBad = file.bad.at(-1)!
  await page.getByLabel(`Trenger oppfølging (${attention.length})`).check()
  await page.locator('tr[data-row]').first().focus()
  await page.keyboard.press('End')
  await expect(page.locator(`tr[data-row="${attention.at(-1)}"]`)).toBeFocused()
  await page.locator(`tr[data-row="${lastBad}"]`).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('batch-row-editor')).toHaveAttribute('data-row', String(lastBad))
  await expect(page.locator('#row-postalCode')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('batch-row-editor')).toHaveCount(0)
  await expect(page.locator(`tr[data-row="${lastBad}"]`)).toBeFocused()
  // At 1024 × 700 the table stays inside its card: the problem column wraps, nothing scrolls sideways.
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect.poll(() => page.getByTestId('batch-rows-scroll').evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
})

test('a very big file is read with a progress bar in the window, and Esc stops the reading: nothing changed, and the next file reads as usual', async ({ launch }) => {
  const app = await launch(withShop('en'))
  const { page } = app
  // 400,000 rows (about 25 MB): reading takes long enough to be seen, and would be refused at the end (over 100,000 rows).
  const huge = path.join(app.userDataDir, 'huge.csv')
  await writeFile(huge, bigExport(400_000, 1_000_000, 1_000_000).csv)
  await goTo(page, 'Batches')
  await page.getByTestId('batch-new').click()
  await page.locator('#csv-file').setInputFiles(huge)
  await expect(page.getByTestId('import-progress')).toBeVisible()
  await expect(page.getByTestId('import-progress-text')).toHaveText(/^\d{1,2}%$/)
  await expect(page.getByTestId('import-cancel')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('import-problem')).toHaveText('Import cancelled: nothing was changed.')
  await expect(page.getByTestId('import-progress')).toHaveCount(0)
  await expect(page.getByTestId('import-summary')).toHaveCount(0)
  // The next file is read by a new reader.
  const small = path.join(app.userDataDir, 'small.csv')
  await writeFile(small, bigExport(30).csv)
  await page.locator('#csv-file').setInputFiles(small)
  await expect(page.getByTestId('import-summary')).toContainText('30 rows, UTF-8')
})

test('an address-book import of 5,000 rows adds the good ones a chunk at a time and lists the first 100 of its 250 bad rows; fixing one brings up the next', async ({ launch }) => {
  const app = await launch(withShop('en'))
  const { page } = app
  const csv = path.join(app.userDataDir, 'customers.csv')
  await writeFile(csv, bigExport(5000, 20, 1_000_000).csv)
  await goTo(page, 'Address book')
  await page.getByTestId('address-import').locator('summary').click()
  await page.locator('#csv-file').setInputFiles(csv)
  await expect(page.getByTestId('import-summary')).toContainText('5,000 rows')
  await page.getByTestId('import-submit').click()
  await expect(page.getByTestId('address-import-result')).toHaveText('4,750 added, 0 already in the address book, 250 with problems (below).', { timeout: 60_000 })
  await expect(page.getByTestId('rejected-shown')).toHaveText('The first 100 of 250 rows to fix; each one fixed brings up the next.')
  const listed = page.getByTestId('rejected-rows').locator('li')
  await expect(listed).toHaveCount(100)
  await expect(listed.first()).toContainText('Line 21 (Kunde 20)')
  // Fixed in place: the row goes into the address book, and the 101st comes up.
  await listed.first().getByRole('button').click()
  await page.locator('#row-postalCode').fill('0150')
  await page.locator('#row-city').fill('OSLO')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('rejected-shown')).toHaveText('The first 100 of 249 rows to fix; each one fixed brings up the next.')
  await expect(listed).toHaveCount(100)
  // Bad rows are every 20th recipient (Kunde 20 on line 21, …): the 101st is Kunde 2020 on line 2021.
  await expect(listed.last()).toContainText('Line 2021 (Kunde 2020)')
})
