import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test } from '../fixtures/app'
import { fillDomestic } from '../fixtures/forms'

const norwegian = (dir: string) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ mode: 'sandbox', language: 'nb' }))

test('i norsk vindu, bare tastatur: postnummeret fyller poststedet (med kommune), og et feil poststed rettes med én tast', async ({ launch }) => {
  const { page, sandbox, shot } = await launch({ prepareUserData: norwegian })
  await goTo(page, 'Book')
  await page.locator('#recipient-postalCode').focus()
  await page.keyboard.type('1337')
  // Filled from Bring's Postal Code API (the Sandbox's register), without typing the city.
  await expect(page.locator('#recipient-city')).toHaveValue('SANDVIKA')
  await expect(page.locator('#recipient-postalCode-help')).toHaveText('BÆRUM, AKERSHUS')
  // A city the clerk typed is left alone; Bring's is offered, and ↓ takes it.
  await page.locator('#recipient-city').focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('SANDVIKEN')
  await expect(page.getByTestId('recipient-use-brings-city')).toHaveText('Bring sier SANDVIKA: bruk det (↓)')
  await shot('postal-code-city-nb')
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('#recipient-city')).toHaveValue('SANDVIKA')
  await expect(page.getByTestId('recipient-use-brings-city')).toHaveCount(0)
  // Asked once; the next time the same code is typed it comes from this desk's cache.
  await page.locator('#recipient-postalCode').fill('')
  await page.locator('#recipient-city').fill('')
  await page.locator('#recipient-postalCode').focus()
  await page.keyboard.type('1337')
  await expect(page.locator('#recipient-city')).toHaveValue('SANDVIKA')
  expect(sandbox!.requests.filter((r) => r.routeId === 'postal-code.lookup')).toHaveLength(1)
})

test('pickup point picker: the nearest ten, nearest first, "Bring chooses" by default; the third nearest in 4 keys; a locker too small for the parcel cannot be chosen; booked as the pickupPoint party', async ({ launch }) => {
  const { page, sandbox, shot } = await launch()
  await goTo(page, 'Book')
  await fillDomestic(page, { postalCode: '1337' }, { customer: '5', product: '5800' })
  await page.locator('#recipient-city').fill('SANDVIKA')
  // A parcel of 50 × 40 × 30 cm: the small lockers (at most 40 × 35 × 30) cannot take it.
  await page.locator('[name="packages.0.lengthInCm"]').fill('50')
  await page.locator('[name="packages.0.widthInCm"]').fill('40')
  await page.locator('[name="packages.0.heightInCm"]').fill('30')
  const picker = page.getByTestId('pickup-point-picker')
  const options = picker.getByTestId('pickup-point-option')
  await expect(options).toHaveCount(11)
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await expect(options.first()).toContainText('Bring chooses')
  await expect(options.nth(1)).toContainText('Coop Extra Sandvika')
  await expect(options.nth(2)).toContainText('Parcel locker')
  await expect(options.nth(8)).toHaveAttribute('aria-disabled', 'true')
  await expect(options.nth(8)).toContainText('Package 1 (50 × 40 × 30 cm) does not fit this locker')
  await picker.getByRole('listbox').focus()
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter']) await page.keyboard.press(key)
  await expect(options.nth(3)).toHaveAttribute('aria-selected', 'true')
  await expect(options.nth(3)).toContainText('Rema 1000 Sandvika sentrum')
  await shot('pickup-point-picker')
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  await expect(page.getByTestId('chosen-pickup-point')).toContainText('Rema 1000 Sandvika sentrum')
  const body = sandbox!.requests.filter((r) => r.routeId === 'booking.book').at(-1)!.body as { consignments: { parties: { pickupPoint?: unknown }; product: { additionalServices?: unknown } }[] }
  expect(body.consignments[0].parties.pickupPoint).toEqual({ id: '133703', countryCode: 'NO' })
  expect(body.consignments[0].product.additionalServices).toBeUndefined()
})

test('a postal code Bring does not know is refused under the field before anything is sent; the right one books', async ({ launch }) => {
  const { page, sandbox } = await launch()
  await goTo(page, 'Book')
  await fillDomestic(page, { postalCode: '9999' })
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.locator('#recipient-postalCode-error')).toHaveText('Bring does not know the postal code 9999 in NO')
  expect(sandbox!.requests.filter((r) => r.routeId === 'booking.book')).toHaveLength(0)
  await page.locator('#recipient-postalCode').fill('5003')
  await page.locator('#recipient-postalCode').press('Control+Enter')
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
})

test('the quote names the places of its postal codes, and a pickup address gets its city from the postal code', async ({ launch }) => {
  const { page } = await launch()
  await goTo(page, 'Quote')
  await page.getByLabel('From postal code').fill('0150')
  await page.getByLabel('To postal code').fill('1337')
  await expect(page.locator('#toPostalCode-help')).toHaveText('SANDVIKA · BÆRUM')
  await expect(page.locator('#fromPostalCode-help')).toHaveText('OSLO')
  await goTo(page, 'Pickups')
  await page.locator('#pickup-city').fill('')
  await page.locator('#pickup-postalCode').fill('7010')
  await expect(page.locator('#pickup-city')).toHaveValue('TRONDHEIM')
})
