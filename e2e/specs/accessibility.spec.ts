import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'
import { englishOnScreen } from '../fixtures/english'

// axe on every screen and the states a clerk meets most, in English and Norwegian: zero violations.
// In Norwegian, each state is also checked for English UI text (any long enough piece of en.ts).
async function violations(page: Page, state: string, language: 'en' | 'nb'): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  const english = language === 'nb' && state !== 'probe' ? (await englishOnScreen(page)).map((f) => `${state}: English text "${f}"`) : []
  return [...result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), ...english]
}

for (const language of ['en', 'nb'] as const) {
  test(`no axe violations on any screen or key state (${language})${language === 'nb' ? ', and no English text' : ''}`, async ({ launch }) => {
    test.setTimeout(120_000) // a dozen full axe runs
    const { page, sandbox } = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language })) })
    const found: string[] = []
    for (const [key, screen] of [['1', 'quote'], ['2', 'book'], ['3', 'shipments'], ['4', 'pickups'], ['5', 'addressBook'], ['6', 'batches'], ['7', 'warehouse'], ['8', 'customers'], ['9', 'settings']] as const) {
      await page.keyboard.press(`Control+${key}`)
      await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      found.push(...(await violations(page, screen, language)))
    }
    // Quote results.
    await page.keyboard.press('Control+1')
    await page.locator('#toPostalCode').fill('5003')
    await page.locator('[name="packages.0.weightKg"]').fill('2,5')
    await page.keyboard.press('Enter')
    await expect(page.locator('[data-book-this]').first()).toBeFocused()
    found.push(...(await violations(page, 'quote results', language)))
    // Booking with errors, then booked.
    await page.keyboard.press('Enter')
    await expect(page.locator('#recipient-name')).toBeFocused()
    await page.keyboard.press('Control+Enter')
    await expect(page.locator('.field.has-error').first()).toBeVisible()
    found.push(...(await violations(page, 'booking errors', language)))
    if (language === 'nb') {
      // The form's own messages read in Norwegian too.
      const errors = await page.locator('.field .error').allInnerTexts()
      expect(errors.length).toBeGreaterThan(0)
      expect(errors.filter((e) => /\b(is required|at most|choose|enter|give|must be)\b/i.test(e))).toEqual([])
    }
    await page.locator('#recipient-name').fill('Ola Nordmann')
    await page.locator('#recipient-addressLine').fill('Storgata 1')
    await page.locator('#recipient-city').fill('BERGEN')
    await page.locator('[name="packages.0.lengthInCm"]').fill('40')
    await page.locator('[name="packages.0.widthInCm"]').fill('30')
    await page.locator('[name="packages.0.heightInCm"]').fill('20')
    await page.keyboard.press('Control+Enter')
    await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
    found.push(...(await violations(page, 'booking confirmation', language)))
    // Pickups with today's shipment offered.
    await page.keyboard.press('Control+4')
    await expect(page.getByTestId('todays-shipments')).toBeVisible()
    found.push(...(await violations(page, 'pickups with today', language)))
    // A booking whose answer was lost: "outcome unknown" with its way out.
    if (sandbox) {
      sandbox.faults.add({ routeId: 'booking.book', fault: { kind: 'reset', afterHandling: true }, times: 1 })
      await page.keyboard.press('Control+3')
      await page.getByRole('searchbox').press('ArrowDown')
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: language === 'nb' ? 'Book igjen' : 'Book again' }).click()
      // The Book screen fills itself from the shipment (an IPC round trip): Ctrl+Enter once it has.
      await expect(page.locator('#recipient-name')).toHaveValue('Ola Nordmann')
      await page.keyboard.press('Control+Enter')
      await expect(page.getByTestId('outcome-unknown')).toBeVisible()
      // The reason (from main) and the way out read in the UI language.
      if (language === 'nb') {
        await expect(page.getByTestId('outcome-unknown')).toContainText('Forbindelsen til Bring ble brutt før svaret kom.')
        await expect(page.getByTestId('outcome-unknown')).not.toContainText('Check Mybring')
      }
      found.push(...(await violations(page, 'outcome unknown', language)))
    }
    // Shipments with the delivery record open (its period fields and its explanation).
    await page.keyboard.press('Control+3')
    await page.getByTestId('delivery-record-section').locator('summary').click()
    await expect(page.getByTestId('delivery-record')).toBeVisible()
    found.push(...(await violations(page, 'delivery record', language)))
    // Address book with the entry form open, and a batch with a row to fix and one open in the editor.
    await page.keyboard.press('Control+5')
    await page.getByTestId('address-new').click()
    await expect(page.getByTestId('address-entry-form')).toBeVisible()
    found.push(...(await violations(page, 'address book entry', language)))
    await page.evaluate(() =>
      window.api['batches:create']({
        name: 'A11y',
        defaults: { customerNumber: '5', productId: '5800', senderId: null, shippingDate: new Date().toISOString().slice(0, 10), weightKg: '1', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' },
        rows: [{ name: 'Kari', addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN' }, { name: 'Ola', addressLine: 'Storgata 1', postalCode: 'x', city: 'OSLO' }]
      })
    )
    await page.keyboard.press('Control+6')
    await page.getByRole('button', { name: /A11y/ }).click()
    await page.locator('tr[data-row="2"]').click()
    await expect(page.getByTestId('row-editor')).toBeVisible()
    found.push(...(await violations(page, 'batch with a row to fix', language)))
    await page.getByTestId('batch-new').click()
    found.push(...(await violations(page, 'new batch', language)))
    expect(found).toEqual([])
    // The check itself can fail: an image without a text alternative is caught.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'))
    expect((await violations(page, 'probe', language)).join()).toContain('image-alt')
  })
}

test('the Warehouse file picker looks like a link and shows keyboard focus (its input is visually hidden)', async ({ launch }) => {
  const { page } = await launch()
  await page.keyboard.press('Control+7')
  const picker = page.locator('label', { has: page.getByTestId('warehouse-import') })
  await expect(picker).toHaveCSS('text-decoration-line', 'underline')
  await expect(picker).toHaveCSS('outline-style', 'none')
  await page.getByTestId('warehouse-import').focus()
  await expect(picker).toHaveCSS('outline-style', 'solid')
})
