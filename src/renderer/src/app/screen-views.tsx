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

/** Fetch every other screen while the user reads the first, so Ctrl+2 never waits on disk. */
export function preloadScreens(): () => void {
  const start = (): void => void Promise.all(Object.values(loaders).map((load) => load())).catch(() => undefined)
  const id = window.requestIdleCallback ? window.requestIdleCallback(start, { timeout: 2000 }) : window.setTimeout(start, 500)
  return () => (window.cancelIdleCallback ? window.cancelIdleCallback(id) : window.clearTimeout(id))
}
