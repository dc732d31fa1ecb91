import { expect, goTo, test } from '../fixtures/app'
import { fillDomestic, openOptions } from '../fixtures/forms'

async function fillBusinessAddress(page: import('@playwright/test').Page): Promise<void> {
  await page.getByLabel('Company').fill('Nordisk Te AS')
  await page.getByLabel('Street').fill('Testsvingen 12')
  await page.locator('#pickup-postalCode').fill('0150')
  await page.locator('#pickup-city').fill('OSLO')
  await page.locator('#pickup-phoneNumber').fill('+4712345678')
  await page.locator('#pickup-email').fill('lager@example.no')
}

test('order a PARCEL pickup in Sandbox, prefilled from today’s booked shipments, and see it listed', async ({ launch }) => {
  const { page, shot, sandbox } = await launch()
  await goTo(page, 'Book')
  await fillDomestic(page)
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')

  await goTo(page, 'Pickups')
  await page.locator('#pickup-customerNumber').selectOption('5')
  await expect(page.locator('#pickup-type')).toHaveValue('PARCEL')
  await fillBusinessAddress(page)
  await page.getByRole('button', { name: 'Find pickup dates' }).click()
  const dates = page.getByTestId('pickup-dates')
  await expect(dates.getByRole('radio')).toHaveCount(5)
  await expect(dates.getByRole('radio').first()).toBeChecked()
  await expect(page.getByTestId('todays-shipments')).toContainText('1 shipment booked today is not covered by a pickup yet: 1 package, 2.5 kg')
  await page.getByRole('button', { name: 'Pick up today’s shipments' }).click()
  await expect(page.locator('#pickup-packagesCount')).toHaveValue('1')
  await expect(page.locator('#pickup-packagesWeightKg')).toHaveValue('2.5')
  await expect(page.getByTestId('covers')).toContainText('covers 1 shipment booked today')
  await shot('pickups-order')
  await page.getByRole('button', { name: 'Order pickup' }).click()

  await expect(page.getByTestId('pickup-order-result')).toContainText('Pickup ordered for')
  const row = page.getByTestId('pickup-row').first()
  await expect(row).toHaveAttribute('data-status', 'ordered')
  await expect(row).toContainText('Business pickup')
  await expect(row.getByTestId('mode-mark')).toHaveText('Sandbox')
  await expect(row).toContainText('contact Bring customer service')
  await expect(row.getByRole('button', { name: 'Cancel pickup' })).toHaveCount(0)
  await expect(page.getByTestId('todays-shipments')).toHaveCount(0)
  if (sandbox) {
    const sent = sandbox.requests.filter((r) => r.routeId === 'pickup.create')
    expect(sent).toHaveLength(1)
    expect((sent[0].body as { pickupDetails: unknown }).pickupDetails).toEqual({ packages: { count: 1, weightInGrams: 2500 } })
  }
  await shot('pickups')
})

test('cancel a mailbox pickup; a Bring 404 on cancel says so and keeps the local record', async ({ launch }) => {
  const { page, sandbox, launcher } = await launch()
  await goTo(page, 'Book')
  await fillDomestic(page, {}, { customer: '7', product: '5900' })
  await openOptions(page)
  await page.getByLabel('Pickup from mailbox').check()
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  const consignment = (await page.getByTestId('consignment-number').innerText()).trim()

  await goTo(page, 'Pickups')
  const row = page.locator('[data-testid="pickup-row"][data-kind="mailbox"]')
  await expect(row).toContainText(consignment)
  await expect(row).toHaveAttribute('data-status', 'ordered')

  if (launcher === 'chromium' && sandbox) {
    sandbox.faults.add({ routeId: 'pickup.cancel', fault: { kind: 'status', status: 404 }, times: 1 })
    await row.getByRole('button', { name: 'Cancel pickup' }).click()
    await expect(row.getByRole('alert')).toHaveText(`Bring has no active pickup with shipment number ${consignment}. It may already be cancelled, or it was not booked with mailbox pickup.`)
    await expect(row).toHaveAttribute('data-status', 'ordered')
  }
  await row.getByRole('button', { name: 'Cancel pickup' }).click()
  await expect(row).toHaveAttribute('data-status', 'cancelled')
  await expect(row.getByRole('button', { name: 'Cancel pickup' })).toHaveCount(0)
})

test('pickup types follow the country, and cargo explains when ad hoc pickup applies', async ({ launch }) => {
  const { page } = await launch()
  await goTo(page, 'Pickups')
  const type = page.locator('#pickup-type')
  await expect(type.locator('option')).toHaveText(['Parcels and pallets (Norway)', 'Cargo (Norway)'])
  await type.selectOption('CARGO')
  await expect(page.getByTestId('cargo-rule')).toContainText('never to 5200 or 5300')
  await page.locator('#pickup-countryCode').selectOption('SE')
  await expect(type.locator('option')).toHaveText(['Parcels and pallets (Sweden, Denmark)'])
  await page.locator('#pickup-countryCode').selectOption('FI')
  await expect(page.getByText('Bring offers no ad hoc pickup in FI.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Order pickup' })).toBeDisabled()
})
