import { lazy, type ComponentType } from 'react'
import type { Screen } from '../state/useNavStore'
import { CustomersScreen } from '../features/customers/CustomersScreen'

// Each screen is its own chunk, loaded on first visit; Customers (the screen the app opens on) ships
// with the shell so the first paint waits for nothing.
const loaders = {
  quote: () => import('../features/quote/QuoteScreen').then((m) => m.QuoteScreen),
  book: () => import('../features/book/BookScreen').then((m) => m.BookScreen),
  shipments: () => import('../features/shipments/ShipmentsScreen').then((m) => m.ShipmentsScreen),
  pickups: () => import('../features/pickups/PickupsScreen').then((m) => m.PickupsScreen),
  addressBook: () => import('../features/address-book/AddressBookScreen').then((m) => m.AddressBookScreen),
  batches: () => import('../features/batches/BatchesScreen').then((m) => m.BatchesScreen),
  warehouse: () => import('../features/warehouse/WarehouseScreen').then((m) => m.WarehouseScreen),
  settings: () => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen)
} satisfies Record<Exclude<Screen, 'customers'>, () => Promise<ComponentType>>

type LazyScreen = keyof typeof loaders
const loaded = new Map<LazyScreen, ComponentType>()
const loading = new Map<LazyScreen, Promise<ComponentType>>()

/** Loads a screen's chunk once; the component is kept for drawing it without suspending. */
function loadScreen(name: LazyScreen): Promise<ComponentType> {
  let promise = loading.get(name)
  if (!promise) {
    promise = loaders[name]().then((component) => (loaded.set(name, component), component))
    loading.set(name, promise)
    // A chunk that failed to load is asked again on the next visit.
    promise.catch(() => loading.delete(name))
  }
  return promise
}

/**
 * A screen drawn at once when its chunk is already here (preloaded), through React.lazy only when not.
 * Even a loaded chunk suspends React.lazy once, and React 19 holds what a suspense reveals for up to
 * 300 ms: "Book this" took 310 ms to show the form, and the first letters typed meanwhile were lost.
 */
function screenView(name: LazyScreen): ComponentType {
  const Lazy = lazy(() => loadScreen(name).then((component) => ({ default: component })))
  function ScreenView() {
    const Loaded = loaded.get(name)
    return Loaded ? <Loaded /> : <Lazy />
  }
  ScreenView.displayName = `Screen(${name})`
  return ScreenView
}

export const screenViews: Record<Screen, ComponentType> = {
  customers: CustomersScreen,
  quote: screenView('quote'),
  book: screenView('book'),
  shipments: screenView('shipments'),
  pickups: screenView('pickups'),
  addressBook: screenView('addressBook'),
  batches: screenView('batches'),
  warehouse: screenView('warehouse'),
  settings: screenView('settings')
}

/**
 * Fetch every other screen while the user reads the first, so Ctrl+2 never waits on disk. It starts
 * once the first screen has been painted and takes one screen per idle moment: loading all of them in
 * one go was a 40 ms task that ran between the first frame's layout and its paint (delaying it), and
 * would hold up a keystroke typed meanwhile.
 */
export function preloadScreens(): () => void {
  let cancelled = false
  void afterFirstPaint().then(async () => {
    for (const name of Object.keys(loaders) as LazyScreen[]) {
      await idleMoment()
      if (cancelled) return
      await loadScreen(name).catch(() => undefined)
    }
    // Said on the page: every screen now opens without waiting (the e2e waits for it).
    document.documentElement.dataset.screensLoaded = 'all'
  })
  return () => void (cancelled = true)
}

const idleMoment = (): Promise<void> => new Promise((resolve) => (window.requestIdleCallback ? window.requestIdleCallback(() => resolve(), { timeout: 2000 }) : window.setTimeout(resolve, 50)))

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    const painted = (): boolean => performance.getEntriesByName('first-contentful-paint').length > 0
    if (painted()) return resolve()
    // A window that never paints (hidden, minimised) still gets its screens, later.
    const fallback = window.setTimeout(resolve, 3000)
    try {
      const observer = new PerformanceObserver(() => {
        if (!painted()) return
        observer.disconnect()
        window.clearTimeout(fallback)
        resolve()
      })
      observer.observe({ type: 'paint' })
    } catch {
      // No paint timing here: the fallback above starts the preload.
    }
  })
}
