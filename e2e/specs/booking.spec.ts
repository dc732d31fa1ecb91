import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test, useBringTest } from '../fixtures/app'
import { fillDomestic, fillPackage, fillSender } from '../fixtures/forms'

test('book a domestic parcel in Sandbox: label PDF saved, history finds it by recipient name', async ({ launch }) => {
  const app = await launch()
  const { page, shot } = app
  await goTo(page, 'Book')
  await fillDomestic(page)
  await shot('book-form')
  await page.getByRole('button', { name: /Book shipment/ }).click()

  const card = page.getByTestId('shipment-card')
  await expect(card).toHaveAttribute('data-status', 'booked')
  await expect(card.getByTestId('mode-mark')).toHaveText('Sandbox')
  const consignment = (await card.getByTestId('consignment-number').innerText()).trim()
  expect(consignment).toMatch(/^70438101\d{9}$/)
  const pdf = await readFile(path.join(app.userDataDir, 'labels', `${consignment}.pdf`))
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  await shot('book-confirmation')
  await expect(card.getByRole('button', { name: 'Open label' })).toBeEnabled()
  // Under a real Electron these would open the system PDF viewer and browser; the Chromium bridge records them.
  if (app.launcher === 'chromium') {
    await card.getByRole('button', { name: 'Open label' }).click()
    await expect.poll(() => app.openedPaths).toEqual([path.join(app.userDataDir, 'labels', `${consignment}.pdf`)])
    await card.getByRole('button', { name: 'Open tracking' }).click()
    await expect.poll(() => app.openedExternally).toEqual([`https://tracking.bring.com/tracking/${consignment}`])
  }

  await goTo(page, 'Shipments')
  await expect(page.getByTestId('shipments-table').locator('tbody tr')).toHaveCount(1)
  await page.getByRole('searchbox').fill('Mottaker')
  await expect(page.getByTestId('shipments-table')).toContainText('Kari Mottaker')
  await expect(page.getByTestId('shipments-table')).toContainText(consignment)
  await page.getByRole('searchbox').fill('Nobody here')
  await expect(page.getByText('No shipments match.')).toBeVisible()
  await page.getByRole('searchbox').fill('ORDER-1001')
  await page.getByTestId('shipments-table').locator('tbody tr').first().click()
  await expect(page.getByTestId('shipment-card')).toContainText(consignment)
  await shot('shipments')
})

test('an over-long address line is refused in the form, before anything is sent', async ({ launch }) => {
  const { page, sandbox } = await launch()
  await goTo(page, 'Book')
  await fillDomestic(page, { addressLine: 'Langveien 123456789012345678901234567' })
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.getByText('Address: at most 35 characters')).toBeVisible()
  if (sandbox) expect(sandbox.requests.filter((r) => r.routeId === 'booking.book')).toHaveLength(0)
})

test('a Bring-side validation error appears next to its field; fixing it books', async ({ launch }) => {
  const { page, bring } = await launch()
  // Bring's postal code register cannot be asked, so the check before booking lets 0000 through to Bring's own refusal.
  bring.faults.add({ routeId: 'postal-code.lookup', fault: { kind: 'reset' } })
  await useBringTest(page)
  await goTo(page, 'Book')
  await fillDomestic(page, { postalCode: '0000' })
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.getByTestId('booking-error')).toContainText('Bring refused the booking')
  await expect(page.locator('#recipient-postalCode-error')).toHaveText('Invalid postal code 0000 for recipient')
  await page.locator('#recipient-postalCode').fill('5003')
  await page.locator('#recipient-postalCode').press('Control+Enter')
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  await expect(page.getByTestId('shipment-card').getByTestId('mode-mark')).toHaveText('Bring test')
  expect(bring.requests.filter((r) => r.routeId === 'booking.book').map((r) => r.status)).toEqual([400, 200])
})

test('Live mode asks for a final "real shipment, real cost" confirmation', async ({ launch }) => {
  const { page, bring } = await launch()
  await useBringTest(page)
  await page.getByLabel(/Bring live/).click()
  await page.getByRole('button', { name: 'Yes, switch to live' }).click()
  await goTo(page, 'Book')
  await fillDomestic(page)
  await page.getByRole('button', { name: /Book shipment/ }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Book with Bring live?' })
  await expect(confirm).toContainText('real shipment, real cost')
  // A real dialog: focus on the safe choice, Esc cancels, focus back on the Book button.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(confirm).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Book shipment/ })).toBeFocused()
  expect(bring.requests.filter((r) => r.routeId === 'booking.book')).toHaveLength(0)
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await page.getByRole('button', { name: 'Real shipment, real cost — book it' }).click()
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  await expect(page.getByTestId('shipment-card').getByTestId('mode-mark')).toHaveCount(0)
  const sent = bring.requests.filter((r) => r.routeId === 'booking.book')
  expect(sent).toHaveLength(1)
  expect((sent[0].body as { testIndicator: boolean }).testIndicator).toBe(false)
})

test('a lost answer leaves "outcome unknown" with a way to resolve it', async ({ launch }) => {
  const { page, bring, shot } = await launch()
  await useBringTest(page)
  bring.faults.add({ routeId: 'booking.book', fault: { kind: 'status', status: 502 } })
  await goTo(page, 'Book')
  await fillDomestic(page)
  await page.getByRole('button', { name: /Book shipment/ }).click()
  const panel = page.getByTestId('outcome-unknown')
  await expect(panel).toContainText('Check Mybring')
  await shot('booking-outcome-unknown')
  await panel.getByLabel('Consignment number from Mybring').fill('70438101263797410')
  await panel.getByRole('button', { name: 'Mark as booked' }).click()
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  await expect(page.getByTestId('consignment-number')).toHaveText('70438101263797410')
  expect(bring.requests.filter((r) => r.routeId === 'booking.book')).toHaveLength(1)
})

test('the company address from Settings prefills the sender; "Book again" copies a shipment', async ({ launch }) => {
  const { page } = await launch()
  await goTo(page, 'Settings')
  await page.getByLabel('Company name').fill('Nordisk Te AS')
  await page.locator('#default-addressLine').fill('Testsvingen 12')
  await page.locator('#default-postalCode').fill('0150')
  await page.locator('#default-city').fill('OSLO')
  await page.locator('#default-phoneNumber').fill('+4712345678')
  await page.getByRole('form', { name: 'Company address' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('form', { name: 'Company address' }).getByRole('status')).toHaveText('Saved.')
  await goTo(page, 'Book')
  // A complete sender from Settings is folded behind its summary, after the Book button.
  await expect(page.getByTestId('booking-sender').locator('summary')).toHaveText('Sender: Nordisk Te AS, Testsvingen 12, 0150 OSLO')
  await expect(page.locator('#sender-name')).toBeHidden()
  await expect(page.locator('#sender-name')).toHaveValue('Nordisk Te AS')
  await expect(page.locator('#sender-contact\\.phoneNumber')).toHaveValue('+4712345678')
  await fillDomestic(page, { name: 'Per Gjentatt' })
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')

  await goTo(page, 'Shipments')
  await page.getByTestId('shipments-table').locator('tbody tr').first().click()
  await page.getByRole('button', { name: 'Book again' }).click()
  await expect(page.getByTestId('screen-book')).toBeVisible()
  await expect(page.locator('#recipient-name')).toHaveValue('Per Gjentatt')
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  await goTo(page, 'Shipments')
  await expect(page.getByTestId('shipments-count')).toHaveText('2 shipments')
})

test('Norwegian, keyboard first: a recipient left empty takes focus to its name, the first of its fields on screen; its fields line up with the sender\'s', async ({ launch }) => {
  const { page } = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ mode: 'sandbox', language: 'nb' })) })
  await page.keyboard.press('Control+2')
  await expect(page.locator('#recipient-name')).toBeFocused()
  // Side by side, the two cards' first fields are at the same height (the save link sits under the recipient's card).
  const top = async (id: string) => (await page.locator(id).boundingBox())!.y
  expect(await top('#recipient-name')).toBe(await top('#sender-name'))

  await page.locator('#customerNumber').selectOption('5')
  await page.locator('#productId').selectOption('5800')
  await fillSender(page)
  await fillPackage(page)
  await page.keyboard.press('Control+Enter')
  await expect(page.getByText('Navn må fylles ut')).toBeVisible()
  await expect(page.locator('#recipient-name')).toBeFocused()

  await page.locator('[name="packages.0.weightInKg"]').focus()
  await page.getByRole('button', { name: 'Lagre mottaker i adresseboken' }).click()
  await expect(page.locator('#recipient-name')).toBeFocused()
})
