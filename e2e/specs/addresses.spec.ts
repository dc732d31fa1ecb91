import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test } from '../fixtures/app'

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
