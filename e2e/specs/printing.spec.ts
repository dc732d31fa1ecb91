import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { expect, goTo, test } from '../fixtures/app'
import { fillDomestic } from '../fixtures/forms'
import { shopSettings } from '../fixtures/keys'
import { cupsUnavailable, startCups, type CupsServer } from '../../test/helpers/cups-server'

const unavailable = cupsUnavailable()
if (unavailable && process.env.FRAKTDESK_REQUIRE_CUPS === '1') throw new Error(`${unavailable}, but FRAKTDESK_REQUIRE_CUPS=1 requires it`)

let cups: CupsServer
test.beforeAll(async () => {
  if (unavailable) return
  cups = await startCups()
  cups.addPrinter('Zebra_GK420d', { makeDefault: true })
  cups.addPrinter('Kontor_A4')
})
test.afterAll(() => cups?.stop())

const desk = (language: 'en' | 'nb', printing?: object) => ({
  cupsServer: cups.server,
  prepareUserData: (dir: string) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language, ...(printing ? { printing } : {}) }))
})

// Playwright reads the fixtures a hook needs from its first parameter's pattern: this one needs none.
// eslint-disable-next-line no-empty-pattern
test.beforeEach(({}, testInfo) => {
  test.skip(unavailable !== null, `CUPS printing e2e skipped: ${unavailable}`)
  test.skip(testInfo.project.name !== 'chromium', 'the Chromium launcher gives the app the test’s own CUPS; the Electron app prints through the computer’s')
})

test('i norsk vindu, bare tastatur: velg etikettskriveren, skriv ut testside, book med «skriv ut rett etter booking» → én jobb; Ctrl+P spør før den skriver ut igjen', async ({ launch }) => {
  const { page, shot } = await launch(desk('nb'))
  await goTo(page, 'Innstillinger')
  const printer = page.locator('#printing-printer')
  await expect(printer.locator('option', { hasText: 'Zebra_GK420d (systemets standard)' })).toHaveCount(1)
  await printer.focus()
  await printer.selectOption('Zebra_GK420d')
  await expect(page.getByTestId('print-test-page')).toBeVisible()
  const before = cups.jobs('Zebra_GK420d').length
  await page.getByTestId('print-test-page').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('print-test-page-status')).toHaveText('Skrevet ut på Zebra_GK420d.')
  expect(cups.jobs('Zebra_GK420d')).toHaveLength(before + 1)
  await page.locator('#printing-after-booking').focus()
  await page.keyboard.press('Space')
  await expect(page.locator('#printing-after-booking')).toBeChecked()
  await shot('printing-settings-nb')

  await goTo(page, 'Book')
  await fillDomestic(page)
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  // Printed without a click: one job, the label's one page.
  await expect(page.getByTestId('print-label-status')).toHaveText('Skrevet ut på Zebra_GK420d.')
  const jobs = cups.jobs('Zebra_GK420d')
  expect(jobs).toHaveLength(before + 2)
  expect((await PDFDocument.load(await readFile(jobs.at(-1)!))).getPageCount()).toBe(1)
  await expect(page.getByTestId('print-history')).toContainText('på Zebra_GK420d: skrevet ut')

  // Ctrl+P on the card: printed before, so it asks; "Skriv ut igjen" prints it once more.
  await page.keyboard.press('Control+p')
  await expect(page.getByTestId('print-label-status')).toContainText('Allerede skrevet ut på Zebra_GK420d')
  expect(cups.jobs('Zebra_GK420d')).toHaveLength(before + 2)
  await page.getByTestId('print-label-again').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('print-label-status')).toHaveText('Skrevet ut på Zebra_GK420d.')
  expect(cups.jobs('Zebra_GK420d')).toHaveLength(before + 3)
  await shot('printing-booked-nb')
})

test('a stopped printer: the print fails with the printer’s reason, the label still opens, and “Print again” once it is started prints it once', async ({ launch }) => {
  const { page, openedPaths } = await launch(desk('en', { printer: 'Kontor_A4', paper: 'asIs', printAfterBooking: false }))
  await goTo(page, 'Book')
  await fillDomestic(page)
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  cups.admin('cupsdisable', ['-r', 'Out of labels', 'Kontor_A4'])
  const before = cups.jobs('Kontor_A4').length
  try {
    await page.keyboard.press('Control+p')
    const status = page.getByTestId('print-label-status')
    await expect(status).toContainText('Kontor_A4 is stopped (Out of labels)')
    await expect(status).toContainText('The label is kept')
    await status.getByRole('button', { name: 'Open label' }).click()
    await expect.poll(() => openedPaths.length).toBe(1)
  } finally {
    cups.admin('cupsenable', ['Kontor_A4'])
  }
  await page.waitForTimeout(1000) // a job left in the queue would print now
  expect(cups.jobs('Kontor_A4')).toHaveLength(before)
  await page.getByTestId('print-label-again').click()
  await expect(page.getByTestId('print-label-status')).toHaveText('Printed on Kontor_A4.')
  expect(cups.jobs('Kontor_A4')).toHaveLength(before + 1)
})

test('a chosen printer that was deleted shows as missing in Settings, and a label opens in the viewer instead', async ({ launch }) => {
  cups.addPrinter('Borte_Printer')
  const { page, openedPaths } = await launch(desk('en', { printer: 'Borte_Printer', paper: 'asIs', printAfterBooking: false }))
  cups.admin('lpadmin', ['-x', 'Borte_Printer'])
  await goTo(page, 'Settings')
  await expect(page.getByTestId('printer-missing')).toHaveText('Borte_Printer (not found: labels open in the viewer)')
  await goTo(page, 'Book')
  await fillDomestic(page)
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  await page.getByTestId('print-label').click()
  await expect.poll(() => openedPaths.length).toBe(1)
  await expect(page.getByTestId('print-label-status')).toContainText('The label printer Borte_Printer was not found, so the label opened in the viewer')
})
