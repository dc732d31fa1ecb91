import type { Handlers } from './invoke'

export const customersHandlers: Pick<Handlers, 'connection:check' | 'customers:list'> = {
  'connection:check': async (_input, { customers }) => customers.check(),
  /** Cached first (instant, offline); refresh asks Bring and falls back to the cache with a reason. */
  'customers:list': async ({ refresh }, { customers }) => customers.list(refresh)
}
