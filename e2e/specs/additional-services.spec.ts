import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, goTo, test } from '../fixtures/app'
import { fillDomestic, openOptions, quoteWithServices } from '../fixtures/forms'

type Booked = { consignments: { generateQrCodes?: boolean; product: { additionalServices?: Record<string, unknown>[]; services?: { deliveryOption?: string } } }[] }
const lastBooking = (sandbox: { requests: { routeId: string | null; body: unknown }[] }) => sandbox.requests.filter((r) => r.routeId === 'booking.book').at(-1)!.body as Booked
const norwegian = (dir: string) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ mode: 'sandbox', language: 'nb' }))

async function book(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name }).click()
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
}

test('quote with "Two delivery attempts then return" → Book this → booked, sent as product.services.deliveryOption', async ({ launch }) => {
  const { page, sandbox } = await launch()
  await quoteWithServices(page)
  await page.getByRole('checkbox', { name: /^Two delivery attempts then return/ }).check()
  await page.getByRole('button', { name: 'Get prices' }).click()
  const results = page.getByTestId('quote-results')
  await expect(results.locator('tr[data-product="5000"]')).toContainText(/NOK|kr/)
  await results.locator('tr[data-product="5000"] [data-book-this]').click()
  await openOptions(page)
  await expect(page.getByRole('checkbox', { name: /^Two delivery attempts then return/ })).toBeChecked()
  await fillDomestic(page, {}, { customer: '5', product: '5000' })
  await book(page, /Book shipment/)
  const c = lastBooking(sandbox!).consignments[0]
  expect(c.product.services).toEqual({ deliveryOption: 'TWO_DELIVERIES_THEN_RETURN' })
  expect(c.product.additionalServices).toBeUndefined()
})

test('i norsk vindu: «Elektronisk varsling til tredjepart» ber om e-post før den sendes, og bookes så', async ({ launch }) => {
  const { page, sandbox, shot } = await launch({ prepareUserData: norwegian })
  await goTo(page, 'Book')
  await fillDomestic(page, {}, { customer: '5', product: '5000' })
  await openOptions(page)
  await page.getByRole('checkbox', { name: /^Elektronisk varsling til tredjepart/ }).check()
  const bookingsBefore = sandbox!.requests.filter((r) => r.routeId === 'booking.book').length
  await page.getByRole('button', { name: /Book sending/ }).click()
  // Nothing was sent; the reason stands under the field, and focus is on it.
  await expect(page.locator('#sd-notificationEmail-error')).toContainText('Varsling til tredjepart trenger en e-postadresse eller et mobilnummer')
  await expect(page.locator('#sd-notificationEmail')).toBeFocused()
  expect(sandbox!.requests.filter((r) => r.routeId === 'booking.book')).toHaveLength(bookingsBefore)
  await shot('service-details-nb')
  await page.keyboard.type('kunde@example.no')
  await book(page, /Book sending/)
  expect(lastBooking(sandbox!).consignments[0].product.additionalServices).toEqual([{ id: '1095', email: 'kunde@example.no' }])
})

test('dangerous goods on a cargo service ask for their line (UN number, goods, weight), then book', async ({ launch }) => {
  const { page, sandbox } = await launch()
  await goTo(page, 'Book')
  await fillDomestic(page, {}, { customer: '7', product: '5100' })
  await openOptions(page)
  await page.getByRole('checkbox', { name: /^Dangerous goods/ }).check()
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.locator('#sd-dg-0-un-error')).toContainText('A UN number is 4 digits')
  await expect(page.locator('#sd-dg-0-commodity-error')).toContainText('Name the goods (commodity)')
  await page.locator('#sd-dg-0-un').fill('1263')
  await page.locator('#sd-dg-0-commodity').fill('PAINT')
  await page.locator('#sd-dg-0-weight').fill('1500')
  await page.locator('#sd-dg-0-class').fill('3')
  await page.locator('#sd-dg-0-pg').selectOption('III')
  await book(page, /Book shipment/)
  expect(lastBooking(sandbox!).consignments[0].product.additionalServices).toEqual([
    { id: '1245', unNumber: '1263', weightInGrams: '1500', commodity: 'PAINT', packingGroup: 'III', dangerClass: '3', safetyMarkCode: '', tunnelRestrictionCode: '' }
  ])
})

test('"Label free" books with QR codes (generateQrCodes on the consignment)', async ({ launch }) => {
  const { page, sandbox } = await launch()
  await goTo(page, 'Book')
  await fillDomestic(page, {}, { customer: '5', product: 'PICKUP_PARCEL' })
  await openOptions(page)
  await page.getByRole('checkbox', { name: /^Label free/ }).check()
  await book(page, /Book shipment/)
  const c = lastBooking(sandbox!).consignments[0]
  expect(c.generateQrCodes).toBe(true)
  expect(c.product.additionalServices).toEqual([{ id: '1288' }])
})
