import { lazy, type ComponentType } from 'react'
import type { Screen } from '../state/useNavStore'
import { CustomersScreen } from '../features/customers/CustomersScreen'

// Each screen is its own chunk, loaded on first visit; Customers (the screen the app opens on) ships
// with the shell so the first paint waits for nothing.
const loaders = {
  quote: () => import('../features/quote/QuoteScreen').then((m) => ({ default: m.QuoteScreen })),
  book: () => import('../features/book/BookScreen').then((m) => ({ default: m.BookScreen })),
  shipments: () => import('../features/shipments/ShipmentsScreen').then((m) => ({ default: m.ShipmentsScreen })),
  pickups: () => import('../features/pickups/PickupsScreen').then((m) => ({ default: m.PickupsScreen })),
  addressBook: () => import('../features/address-book/AddressBookScreen').then((m) => ({ default: m.AddressBookScreen })),
  batches: () => import('../features/batches/BatchesScreen').then((m) => ({ default: m.BatchesScreen })),
  warehouse: () => import('../features/warehouse/WarehouseScreen').then((m) => ({ default: m.WarehouseScreen })),
  settings: () => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen }))
} satisfies Record<Exclude<Screen, 'customers'>, () => Promise<{ default: ComponentType }>>

export const screenViews: Record<Screen, ComponentType> = {
  customers: CustomersScreen,
  quote: lazy(loaders.quote),
  book: lazy(loaders.book),
  shipments: lazy(loaders.shipments),
  pickups: lazy(loaders.pickups),
  addressBook: lazy(loaders.addressBook),
  batches: lazy(loaders.batches),
  warehouse: lazy(loaders.warehouse),
  settings: lazy(loaders.settings)
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
    for (const load of Object.values(loaders)) {
      await idleMoment()
      if (cancelled) return
      await load().catch(() => undefined)
    }
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
