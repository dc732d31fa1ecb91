import type { HandlersOf } from './invoke'

export const customersHandlers: HandlersOf<'connection:check' | 'customers:list', 'customers'> = {
  'connection:check': async (_input, { customers }) => customers.check(),
  /** Cached first (instant, offline); refresh asks Bring and falls back to the cache with a reason. */
  'customers:list': async ({ refresh }, { customers }) => customers.list(refresh)
}
