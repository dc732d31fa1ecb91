// The built renderer in Chromium (the Chromium launcher: real main-process handlers behind
// window.api, Sandbox mode) next to a blank Vite + React page built in the same run: cold load in a
// fresh browser context and reload, median of at least 15, interleaved. Times are from navigation
// start to the first screen with its data. Plus the initial JS size.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { chromium, type Browser, type Page } from '@playwright/test'
import { bridgeWindowApi, launchChromium } from '../../e2e/fixtures/chromium-launcher'
import { serveDirectory } from '../../e2e/fixtures/static-server'
import { printTable, quick, ms, ratio, stats } from '../lib'

type Median = { paint: number; ready: number }

/**
 * Both pages are reloaded once they have settled: right after its first screen the app fetches and
 * compiles the other screens' chunks (preloadScreens), and a reload in the middle of that measured the
 * collision (about 35 ms more first paint), not the load.
 */
const SETTLE_BEFORE_RELOAD_MS = 1500

export interface RendererResult {
  initialJsGzipKb: number
  appCold: Median
  blankCold: Median
  appReload: Median
  /** The same reload in a Norwegian window (settings say nb, the window opens with ?lang=nb). */
  appReloadNb: Median
  blankReload: Median
  runs: number
  bridgeRoundTripMedian: number
  /** The longest the app's main thread was busy in one go in the 3 s after its first paint (median over runs). */
  longestBlockAfterPaint: number
}

/** The entry chunk and everything it imports statically: what the window must load before it paints. */
const rendererDir = path.resolve('out/renderer')

export function initialJsGzipBytes(dir = rendererDir): number {
  const manifest = JSON.parse(readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!
  const seen = new Set<string>()
  const walk = (key: string): void => {
    if (seen.has(key)) return
    seen.add(key)
    for (const i of manifest[key].imports ?? []) walk(i)
  }
  walk(entry)
  return [...seen].reduce((sum, key) => sum + gzipSync(readFileSync(path.join(dir, manifest[key].file)), { level: 9 }).length, 0)
}

async function buildBlank(): Promise<string> {
  const outDir = path.resolve('out/bench/blank-app')
  await build({ root: path.resolve('bench/blank-app'), base: './', logLevel: 'warn', configFile: false, plugins: [react()], build: { outDir, emptyOutDir: true, minify: true, target: 'chrome130' } })
  return outDir
}

/**
 * Milliseconds from navigation start to the page's "fraktdesk:ready" mark: the app sets it when
 * settings and the customer list are on screen, the blank page when its heading is. Read inside
 * the page, so the test driver's own round trips are not counted.
 */
interface LoadTimes {
  /** First contentful paint: the page shows something. */
  paint: number
  /** The "fraktdesk:ready" mark: the first screen with its data. */
  ready: number
}

async function readyAt(page: Page): Promise<LoadTimes> {
  // Both: the blank page marks itself ready in an effect, which can run before its first paint is recorded.
  await page.waitForFunction(() => performance.getEntriesByName('fraktdesk:ready').length > 0 && performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 10_000 })
  return page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    ready: performance.getEntriesByName('fraktdesk:ready')[0].startTime
  }))
}

/**
 * How long a keystroke could wait right after the window shows: a message-channel tick loop starts at
 * first contentful paint and records the longest gap between two ticks for 3 s (the first screen's data,
 * and the other screens being fetched in the background, both land in that window).
 */
function installBlockProbe(): void {
  const probe = window as unknown as { longestBlock?: number }
  probe.longestBlock = 0
  const channel = new MessageChannel()
  let last = 0
  let end = 0
  channel.port1.onmessage = () => {
    const now = performance.now()
    probe.longestBlock = Math.max(probe.longestBlock ?? 0, now - last)
    last = now
    if (now < end) setTimeout(() => channel.port2.postMessage(0), 0)
  }
  new PerformanceObserver((list, observer) => {
    if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return
    observer.disconnect()
    last = performance.now()
    end = last + 3000
    channel.port2.postMessage(0)
  }).observe({ type: 'paint' })
}

type Launch = ReturnType<typeof launchChromium>
type App = Awaited<ReturnType<Launch>>

/** The app on a fresh userData folder (with `settings` written first, if given), closed and removed after `use`. */
async function withFreshApp<T>(launch: Launch, settings: object | undefined, use: (app: App) => Promise<T>): Promise<T> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'fraktdesk-bench-ui-'))
  try {
    if (settings) await writeFile(path.join(userDataDir, 'settings.json'), JSON.stringify(settings))
    const app = await launch({ userDataDir, simulatorUrl: 'http://127.0.0.1:9', openedExternally: [], openedPaths: [], options: {} })
    try {
      return await use(app)
    } finally {
      await app.close()
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true })
  }
}

async function longestBlockAfterPaint(launch: Launch, runs: number): Promise<number> {
  const blocks: number[] = []
  for (let i = 0; i < runs; i++) {
    blocks.push(
      await withFreshApp(launch, undefined, async (app) => {
        await readyAt(app.page)
        await app.page.addInitScript(installBlockProbe)
        await app.page.waitForTimeout(SETTLE_BEFORE_RELOAD_MS)
        await app.page.reload()
        await app.page.waitForTimeout(3500)
        return app.page.evaluate(() => (window as unknown as { longestBlock: number }).longestBlock)
      })
    )
  }
  return stats(blocks).median
}

export async function benchRenderer(): Promise<RendererResult> {
  const runs = quick ? 5 : 15
  const blankDir = await buildBlank()
  const blankSite = await serveDirectory(blankDir)
  let browser: Browser | undefined
  const getBrowser = async (): Promise<Browser> => (browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] }))
  const launch = launchChromium(getBrowser, rendererDir)
  const bridge: number[] = []
  let blockAfterPaint = NaN
  const times = { appCold: [] as LoadTimes[], blankCold: [] as LoadTimes[], appReload: [] as LoadTimes[], appReloadNb: [] as LoadTimes[], blankReload: [] as LoadTimes[] }
  try {
    for (let i = 0; i < runs + 1; i++) {
      const warm = i === 0 // the first round only warms the disk cache and the JIT
      // App, cold: a fresh browser context and userData, from navigation to the first screen's content.
      const [appCold, appReload] = await withFreshApp(launch, undefined, async (app) => {
        const cold = await readyAt(app.page)
        await app.page.waitForTimeout(SETTLE_BEFORE_RELOAD_MS)
        await app.page.reload()
        const reload = await readyAt(app.page)
        bridge.push(
          await app.page.evaluate(async () => {
            const api = (window as unknown as { api: Record<string, () => Promise<unknown>> }).api
            const started = performance.now()
            await api['app:info']()
            return performance.now() - started
          })
        )
        return [cold, reload] as const
      })

      // A Norwegian desk: the window opens with its language (?lang=nb) and loads that language's strings.
      const appReloadNb = await withFreshApp(launch, { mode: 'sandbox', language: 'nb' }, async (app) => {
        await readyAt(app.page)
        await app.page.waitForTimeout(SETTLE_BEFORE_RELOAD_MS)
        await app.page.reload()
        return readyAt(app.page)
      })

      // The same test harness (window.api bridge) as the app's context, so only the pages differ.
      const context = await (await getBrowser()).newContext({ viewport: { width: 1280, height: 820 } })
      await bridgeWindowApi(context, async () => ({ ok: true, data: null }))
      const page = await context.newPage()
      await page.goto(`${blankSite.origin}/index.html`)
      const blankCold = await readyAt(page)
      await page.waitForTimeout(SETTLE_BEFORE_RELOAD_MS)
      await page.reload()
      const blankReload = await readyAt(page)
      await context.close()
      if (warm) continue
      times.appCold.push(appCold)
      times.appReload.push(appReload)
      times.appReloadNb.push(appReloadNb)
      times.blankCold.push(blankCold)
      times.blankReload.push(blankReload)
    }
    // A separate pass, so the probe's ticks cannot touch the load times above.
    blockAfterPaint = await longestBlockAfterPaint(launch, quick ? 3 : 7)
  } finally {
    await browser?.close()
    await blankSite.close()
  }
  const median = (list: LoadTimes[]): Median => ({ paint: stats(list.map((x) => x.paint)).median, ready: stats(list.map((x) => x.ready)).median })
  const result: RendererResult = {
    initialJsGzipKb: initialJsGzipBytes() / 1024,
    appCold: median(times.appCold),
    blankCold: median(times.blankCold),
    appReload: median(times.appReload),
    appReloadNb: median(times.appReloadNb),
    blankReload: median(times.blankReload),
    runs,
    bridgeRoundTripMedian: stats(bridge).median,
    longestBlockAfterPaint: blockAfterPaint
  }
  const row = (name: string, app: Median, blank: Median, key: keyof Median): string[] => [name, ms(app[key]), ms(blank[key]), ratio(app[key], blank[key])]
  printTable(`Renderer in Chromium, from navigation start (median of ${runs}, ms; reload after ${SETTLE_BEFORE_RELOAD_MS} ms settled). "data": the app's first screen with settings and customers from main (through the test bridge)`, ['', 'app', 'blank Vite React', 'ratio'], [
    row('cold: first paint', result.appCold, result.blankCold, 'paint'),
    row('cold: data on screen', result.appCold, result.blankCold, 'ready'),
    row('reload: first paint', result.appReload, result.blankReload, 'paint'),
    row('reload: data on screen', result.appReload, result.blankReload, 'ready'),
    row('reload, Norwegian window: first paint', result.appReloadNb, result.blankReload, 'paint'),
    row('reload, Norwegian window: data on screen', result.appReloadNb, result.blankReload, 'ready')
  ])
  console.log(`initial JS (entry + static imports, gzip -9): ${result.initialJsGzipKb.toFixed(1)} kB`)
  console.log(`longest main-thread block in the 3 s after the app's first paint (reload, median of ${quick ? 3 : 7}): ${ms(result.longestBlockAfterPaint)} ms — how long a keystroke typed then could wait`)
  console.log(`one window.api round trip through the test bridge (Playwright binding): ${ms(stats(bridge).median)} ms median — Electron's IPC replaces it in the app`)
  return result
}
