import { expect, goTo, test, useBringTest, type Page } from '../fixtures/app'
import { fillQuote } from '../fixtures/forms'

/** Oslo → Bergen with two packages (the second, 7 kg, too heavy for the mailbox parcel). */
const fillOsloBergen = (page: Page): Promise<void> => fillQuote(page, { secondPackage: true })

test('quote Oslo 0150 → Bergen 5003 with two packages in Sandbox: prices, dates, sorting, per-row errors', async ({ launch }) => {
  const { page, shot } = await launch()
  await goTo(page, 'Quote')
  await fillOsloBergen(page)
  // Compare only customer 5 here.
  await page.getByLabel(/^6 ·/).uncheck()
  await page.getByLabel(/^7 ·/).uncheck()
  await page.getByLabel('Alternative delivery dates').selectOption('2')
  await page.getByRole('button', { name: 'Get prices' }).click()

  const results = page.getByTestId('quote-results')
  await expect(results.locator('tr[data-product="5800"]')).toContainText(/NOK|kr/)
  const priced = results.locator('tbody tr:not(.row-error)')
  expect(await priced.count()).toBeGreaterThan(4)
  await expect(results.locator('tr[data-product="5800"] [data-testid="delivery"]')).toContainText(/working day/)
  await expect(results.locator('tr[data-product="5800"] [data-testid="delivery"]')).toContainText(/Also: \w{3} \d+ \w{3}, \w{3} \d+ \w{3}/)

  // The mailbox parcel cannot take a 7 kg package: the error sits on its own row, the rest still show.
  await expect(results.locator('tr[data-product="3584"]')).toContainText('takes packages up to 5 kg')
  await expect(results.locator('tr[data-product="0344"]')).toContainText('not known by the Shipping Guide')

  // Sorted by price: the payable amounts go up.
  const amounts = async () => (await results.locator('tbody tr:not(.row-error) [data-testid="price"] strong').allInnerTexts()).map((s) => Number(s.replace(/[^\d,.]/g, '').replace(/,/g, '')))
  const byPrice = await amounts()
  expect(byPrice).toEqual([...byPrice].sort((a, b) => a - b))
  await expect(results.getByText('Cheapest')).toHaveCount(1)
  await expect(results.getByText('Fastest')).toHaveCount(1)
  await shot('quote-results')

  await results.getByRole('button', { name: /Delivery/ }).click()
  const dates = await results.locator('tbody tr:not(.row-error)').evaluateAll((rows) => rows.length)
  expect(dates).toBe(byPrice.length)
  await expect(results.getByRole('button', { name: /Delivery/ })).toHaveAttribute('aria-pressed', 'true')

  // Book this: carries the inputs into a booking draft.
  await results.locator('tr[data-product="5800"]').getByRole('button', { name: 'Book this' }).click()
  await expect(page.getByTestId('screen-book')).toBeVisible()
  await expect(page.getByLabel('Service', { exact: true })).toHaveValue('5800')
  await expect(page.locator('#customerNumber')).toHaveValue('5')
  await expect(page.locator('#recipient-postalCode')).toHaveValue('5003')
  await expect(page.getByLabel('Weight (kg), package 2')).toHaveValue('7')

  // The last quote inputs are remembered.
  await goTo(page, 'Quote')
  await expect(page.getByLabel('To postal code')).toHaveValue('5003')
  await expect(page.getByLabel('Weight in kg, package 2')).toHaveValue('7')
})

test('invalid postal code and 0 kg are caught before any call to Bring', async ({ launch }) => {
  const { page, bring } = await launch()
  await useBringTest(page)
  await goTo(page, 'Quote')
  await page.getByLabel('From postal code').fill('150')
  await page.getByLabel('To postal code').fill('5003')
  await page.getByLabel('Weight in kg, package 1').fill('0')
  await page.getByRole('button', { name: 'Get prices' }).click()
  await expect(page.getByText('A postal code in NO looks like 0150')).toBeVisible()
  await expect(page.getByText('Weight must be more than 0 kg')).toBeVisible()
  expect(bring.requests.filter((r) => r.routeId === 'shipping-guide.products')).toHaveLength(0)
})

test('a Bring 503 shows a clear error and keeps the form as typed; one call per customer number', async ({ launch }) => {
  const { page, bring } = await launch()
  await useBringTest(page)
  await goTo(page, 'Quote')
  await fillOsloBergen(page)
  bring.faults.add({ routeId: 'shipping-guide.products', fault: { kind: 'status', status: 503 } })
  await page.getByRole('button', { name: 'Get prices' }).click()
  await expect(page.getByTestId('quote-error')).toHaveText('Bring is having problems (HTTP 503). Try again in a few minutes.')
  await expect(page.getByLabel('From postal code')).toHaveValue('0150')
  await expect(page.getByLabel('Weight in kg, package 2')).toHaveValue('7')

  bring.faults.clear()
  bring.requests.length = 0
  await page.getByRole('button', { name: 'Get prices' }).click()
  await expect(page.getByTestId('quote-results').locator('tr[data-product="5800"]').first()).toContainText(/NOK|kr/)
  // The test account has customer numbers 5 and 6: two Shipping Guide calls, compared in one table.
  expect(bring.requests.filter((r) => r.routeId === 'shipping-guide.products')).toHaveLength(2)
  await expect(page.getByTestId('quote-results').locator('tr[data-customer="6"]').first()).toBeVisible()
})
