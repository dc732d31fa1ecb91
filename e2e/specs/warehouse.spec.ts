import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'
import { fillDomestic } from '../fixtures/forms'
import { sampleDespatchAdvice, sampleInventoryJson } from '../../src/main/services/warehousing/samples'

test('turn the receiver on, receive two messages from "Bring Warehousing", open one and follow its tracking number to the shipment', async ({ launch }) => {
  const app = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings })) })
  const { page } = app
  // A booked shipment whose consignment number the warehouse will report.
  await goTo(page, 'Book')
  await fillDomestic(page)
  await page.getByRole('button', { name: /Book shipment/ }).click()
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  const listed = (await page.evaluate(() => window.api['shipments:list']({ query: '', limit: 1, offset: 0 }))) as { ok: true; data: { items: { consignmentNumber: string }[] } }
  const consignment = listed.data.items[0].consignmentNumber

  await goTo(page, 'Settings')
  const receiver = page.getByTestId('receiver-settings')
  await expect(page.getByTestId('receiver-status')).toContainText('Off')
  await receiver.getByTestId('receiver-generate').click()
  const secret = (await page.getByTestId('receiver-secret-value').innerText()).trim()
  expect(secret.length).toBeGreaterThanOrEqual(32)
  const port = 20000 + Math.floor(Math.random() * 20000)
  await page.locator('#receiver-port').fill(String(port))
  await page.getByTestId('receiver-enabled').check()
  await expect(page.getByTestId('receiver-status')).toContainText(`Listening on http://127.0.0.1:${port}/`)
  await app.shot('warehouse-receiver-settings')

  const url = `http://127.0.0.1:${port}/`
  const post = (body: string, type: string) => fetch(url, { method: 'POST', body, headers: { 'Content-Type': type, 'X-API-KEY': secret } })
  const despatch = await post(sampleDespatchAdvice({ instanceId: 'E2E-DESADV-1', orderNumber: 'WEB-7001', trackingNumber: consignment, name: 'Kari Mottaker' }), 'application/xml')
  expect(despatch.status).toBe(200)
  expect(await despatch.text()).toContain('<Message>success</Message>')
  expect((await post(sampleInventoryJson('E2E-INV-1'), 'application/json')).status).toBe(200)
  expect((await fetch(url, { method: 'POST', body: '<x/>', headers: { 'Content-Type': 'application/xml', 'X-API-KEY': 'wrong' } })).status).toBe(401)

  await goTo(page, 'Warehouse')
  const table = page.getByTestId('warehouse-table')
  await expect(table.locator('tr[data-message]')).toHaveCount(2)
  await table.getByText('WEB-7001').click()
  const detail = page.getByTestId('warehouse-detail')
  await expect(detail).toContainText('Kari Mottaker')
  await expect(detail).toContainText('TEA-GREEN-100')
  await app.shot('warehouse')
  await page.getByRole('tab', { name: 'Inventory' }).click()
  await expect(page.getByTestId('inventory-table')).toContainText('CUP-WHITE')
  await page.getByRole('tab', { name: 'Orders and messages' }).click()
  await table.getByText('WEB-7001').click()
  await page.getByTestId('warehouse-open-shipment').click()
  await expect(page.getByTestId('screen-shipments')).toBeVisible()
  await expect(page.getByTestId('shipment-card')).toContainText(consignment)

  // Turning it off closes the port.
  await goTo(page, 'Settings')
  await page.getByTestId('receiver-enabled').uncheck()
  await expect(page.getByTestId('receiver-status')).toContainText('Off')
  await expect(fetch(url, { method: 'POST', body: '<x/>' })).rejects.toThrow()
})
