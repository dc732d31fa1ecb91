import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'
import { fillDomestic } from '../fixtures/forms'

// Every screen fits 1024 × 700 and 1280 × 820 without the page scrolling sideways; screenshots of
// both sizes land in docs/screenshots.
for (const [width, height] of [
  [1024, 700],
  [1280, 820]
] as const) {
  test(`every screen fits ${width} × ${height} without sideways scrolling`, async ({ launch }) => {
    const { page, shot } = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language: 'nb' })) })
    await page.setViewportSize({ width, height })
    // One booked shipment, so the lists have a row and Shipments shows its detail beside it.
    await page.keyboard.press('Control+2')
    await fillDomestic(page)
    await page.keyboard.press('Control+Enter')
    await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
    // Quote results for all three demo customers: the widest table.
    await page.keyboard.press('Control+1')
    await page.locator('#toPostalCode').fill('5003')
    await page.locator('[name="packages.0.weightKg"]').fill('2,5')
    await page.keyboard.press('Enter')
    await expect(page.locator('[data-book-this]').first()).toBeFocused()
    const overflow: string[] = []
    const check = async (name: string): Promise<void> => {
      const sideways = await page.evaluate(() => {
        const main = document.querySelector('main')!
        // Cards and panes whose content is wider than they are count too: its end is hidden or runs under a neighbour.
        const cards = Array.from(document.querySelectorAll<HTMLElement>('main .results, main .card, main .pane')).map((el) => el.scrollWidth - el.clientWidth)
        return { page: document.documentElement.scrollWidth - window.innerWidth, main: main.scrollWidth - main.clientWidth, card: Math.max(0, ...cards) }
      })
      if (sideways.page > 0 || sideways.main > 0 || sideways.card > 0) overflow.push(`${name}: page +${sideways.page}px, main +${sideways.main}px, card +${sideways.card}px`)
      await shot(`layout-${name}-${width}`)
    }
    await check('quote-results')
    for (const [key, screen] of [['2', 'book'], ['3', 'shipments'], ['4', 'pickups'], ['5', 'addressBook'], ['6', 'batches'], ['7', 'warehouse'], ['8', 'customers'], ['9', 'settings']] as const) {
      await page.keyboard.press(`Control+${key}`)
      await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      if (screen === 'shipments') {
        await page.locator('[data-shipment]').first().click()
        await expect(page.getByTestId('shipment-card')).toBeVisible()
        // The consignment number is read out to customers: one line, even in the narrow card beside the list.
        const lines = await page.getByTestId('consignment-number').evaluate((el) => {
          const range = document.createRange()
          range.selectNodeContents(el)
          return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size
        })
        if (lines !== 1) overflow.push(`shipments: the consignment number takes ${lines} lines`)
      }
      await check(screen)
    }
    expect(overflow).toEqual([])
  })
}
