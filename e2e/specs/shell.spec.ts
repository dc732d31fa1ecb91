import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, goTo, test } from '../fixtures/app'
import { shopSettings } from '../fixtures/keys'

const screens = [
  { nav: 'Quote', testId: 'screen-quote', heading: 'Quote' },
  { nav: 'Book', testId: 'screen-book', heading: 'Book a shipment' },
  { nav: 'Shipments', testId: 'screen-shipments', heading: 'Shipments' },
  { nav: 'Pickups', testId: 'screen-pickups', heading: 'Pickups' },
  { nav: 'Customers', testId: 'screen-customers', heading: 'Customers & services' },
  { nav: 'Settings', testId: 'screen-settings', heading: 'Settings' }
]

test('every sidebar entry opens its screen, with the Sandbox banner on each', async ({ launch }) => {
  const { page, shot } = await launch()
  for (const s of screens) {
    await goTo(page, s.nav)
    await expect(page.getByTestId(s.testId)).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.heading)
    await expect(page.getByTestId('mode-banner')).toContainText('Sandbox')
    await shot(`screen-${s.nav.toLowerCase()}`)
  }
})

test('keyboard: Ctrl+number jumps between screens', async ({ launch }) => {
  const { page } = await launch()
  await page.keyboard.press('Control+9')
  await expect(page.getByTestId('screen-settings')).toBeVisible()
  await page.keyboard.press('Control+8')
  await expect(page.getByTestId('screen-customers')).toBeVisible()
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox')).toBeFocused()
})

test('i norsk vindu: once the screens are loaded, Ctrl+1 and «Book denne» show the screen the sidebar says at once, so what is typed straight after lands in it', async ({ launch }) => {
  test.setTimeout(60_000)
  const { page } = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...shopSettings, language: 'nb' })) })
  await expect(page.locator('html')).toHaveAttribute('data-screens-loaded', 'all', { timeout: 30_000 }) // one screen per idle moment
  // What the sidebar marks as current and what the content area shows, at every change of the page.
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { seen: string[] }).seen = [])
    new MutationObserver(() => {
      const nav = document.querySelector('[aria-current="page"] span')?.textContent ?? ''
      const shown = document.querySelector('main [data-testid^="screen-"]')?.getAttribute('data-testid') ?? (document.querySelector('main')?.textContent?.includes('Laster …') ? 'Laster …' : '')
      const state = `${nav} | ${shown}`
      if (seen.at(-1) !== state) seen.push(state)
    }).observe(document.body, { childList: true, subtree: true, attributes: true })
  })
  await page.keyboard.press('Control+1')
  await expect(page.locator('#toPostalCode')).toBeFocused()
  await page.keyboard.type('5003')
  await page.keyboard.press('Tab')
  await page.keyboard.type('2,5')
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-book-this]').first()).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#recipient-name')).toBeFocused()
  await page.keyboard.type('Kari Mottaker')
  await expect(page.locator('#recipient-name')).toHaveValue('Kari Mottaker')
  // Never the old screen (or "Laster …") under the new screen's name: before, each lasted up to 300 ms.
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['Pris | screen-quote', 'Book | screen-book'])
})

test('a changed setting survives a reload', async ({ launch }) => {
  const app = await launch()
  await goTo(app.page, 'Settings')
  await app.page.getByLabel('Language').selectOption('nb')
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Innstillinger')
  await app.reload()
  await goTo(app.page, 'Innstillinger')
  await expect(app.page.getByLabel('Språk')).toHaveValue('nb')
  await expect(app.page.getByTestId('mode-banner')).toContainText('Sandkasse')
})

test('a Norwegian desk opens in Norwegian: the first thing painted, not English until settings arrive', async ({ launch }) => {
  const { page } = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ mode: 'sandbox', language: 'nb' })) })
  await expect(page.getByRole('navigation')).toContainText('Kunder')
  // Everything the window shows from its first content on (the prerendered shell as the parser inserts it,
  // then React's commits) until settings have come back from main and the first screen is ready.
  await page.addInitScript(() => {
    const shown: string[] = ((window as unknown as { shown: string[] }).shown = [])
    const observer = new MutationObserver(() => {
      const text = document.getElementById('root')?.textContent
      if (text && shown.at(-1) !== text) shown.push(text)
      if (performance.getEntriesByName('fraktdesk:ready').length > 0) observer.disconnect()
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  })
  await page.reload()
  await page.waitForFunction(() => performance.getEntriesByName('fraktdesk:ready').length > 0)
  const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown)
  expect(shown.length).toBeGreaterThan(0)
  // Never a word of English on the way (the parser may hand over the shell in pieces; each piece is Norwegian) …
  for (const text of shown) for (const english of ['Skip to content', 'Customers', 'Settings', 'Quote', 'Loading']) expect(text).not.toContain(english)
  // … and the sidebar in Norwegian as soon as it is there.
  const withSidebar = shown.find((text) => text.includes('Innstillinger'))
  expect(withSidebar).toContain('Kunder')
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb')
})

for (const desk of [
  { language: 'en', nav: 'Customers', loading: 'Loading…', customer: /Demo customer \(00000000005\)/, settings: 'Settings' },
  { language: 'nb', nav: 'Kunder', loading: 'Laster …', customer: /Demo customer \(00000000005\)/, settings: 'Innstillinger' }
]) {
  test(`${desk.language}: the window shows its shell before any JavaScript has run, then takes it over without errors`, async ({ launch }) => {
    const { page } = await launch({ prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), JSON.stringify({ mode: 'sandbox', language: desk.language })) })
    // The page exactly as it arrives: its scripts never load.
    await page.route('**/*.js', (route) => route.abort())
    await page.reload()
    await expect(page.getByRole('navigation')).toContainText(desk.nav)
    await expect(page.getByRole('main')).toHaveText(desk.loading)
    await expect(page.locator('html')).toHaveAttribute('lang', desk.language)
    await page.unroute('**/*.js')

    // With its scripts: React takes the same markup over (a mismatch would be reported as an error).
    const errors: string[] = []
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())))
    page.on('pageerror', (error) => void errors.push(error.message))
    await page.reload()
    await expect(page.getByRole('option', { name: desk.customer })).toBeVisible()
    await page.keyboard.press('Control+9')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(desk.settings)
    expect(errors).toEqual([])
  })
}

test('a corrupt settings file shows a notice and the app still works', async ({ launch }) => {
  const { page, shot } = await launch({
    prepareUserData: (dir) => writeFile(path.join(dir, 'settings.json'), '{"mode": "sandbox", "language": ')
  })
  await expect(page.getByTestId('notice')).toContainText('could not be read and was reset to defaults')
  await shot('corrupt-settings-notice')
  await goTo(page, 'Customers')
  await expect(page.getByRole('option', { name: /Demo customer \(00000000005\)/ })).toBeVisible()
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByTestId('notice')).toHaveCount(0)
})

test('? opens the keyboard shortcuts as a dialog; Esc closes it and focus goes back', async ({ launch }) => {
  const { page } = await launch()
  await page.keyboard.press('Control+3')
  const search = page.getByRole('searchbox')
  await expect(search).toBeFocused()
  await page.keyboard.press('Tab') // off the search box, where "?" would be typed
  const before = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused()
  await expect(help).toContainText('Ctrl+Enter')
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(before)
})
