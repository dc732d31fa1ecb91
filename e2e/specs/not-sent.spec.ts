import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '../fixtures/app'
import { openDatabase } from '../../src/main/services/store/sqlite/db'
import { createShipmentsRepo } from '../../src/main/services/store/sqlite/shipments-repo'
import { buildBookingRequest } from '../../src/main/services/bring/booking'
import { domesticForm } from '../../test/helpers/booking-form'

// A booking saved but never handed off when the app stopped: after restart it reads "Ikke sendt",
// and a clerk sends it again without the mouse, in Norwegian, on a 1024 × 700 screen.
test('a booking the app never sent comes back as "not sent" and goes out again, keyboard only, in Norwegian', async ({ launch }) => {
  const { page, shot } = await launch({
    prepareUserData: async (dir) => {
      await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ mode: 'sandbox', language: 'nb' }))
      const db = openDatabase(dir)
      const form = domesticForm()
      createShipmentsRepo(db).insertPending(form, buildBookingRequest(form, 'sandbox'), 'sandbox')
      db.close()
    }
  })
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.keyboard.press('Control+3')
  const row = page.locator('[data-shipment]')
  await expect(row).toContainText('Ikke sendt')
  // "/" to the search, then Tab until the row has focus (the filters come first).
  await page.keyboard.press('/')
  let tabs = 0
  while (!(await row.evaluate((el) => el === document.activeElement)) && tabs < 20) {
    await page.keyboard.press('Tab')
    tabs++
  }
  await page.keyboard.press('Enter')
  const card = page.getByTestId('not-sent')
  await expect(card).toContainText('Fraktdesk stoppet før denne bookingen ble sendt.')
  await expect(card).toContainText('Ingenting av denne bookingen nådde Bring')
  await expect(card).not.toContainText('stopped before')
  await shot('not-sent-nb-1024')
  const send = card.getByRole('button', { name: 'Send på nytt' })
  while (!(await send.evaluate((el) => el === document.activeElement)) && tabs < 40) {
    await page.keyboard.press('Tab')
    tabs++
  }
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('shipment-card')).toHaveAttribute('data-status', 'booked')
  await expect(row).toContainText('Booket')
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  console.log(`not-sent journey: ${tabs} Tab presses; page width ${pageWidth}px at 1024`)
})
