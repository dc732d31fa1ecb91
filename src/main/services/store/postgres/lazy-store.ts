import type { Kysely } from 'kysely'
import type { SharedSchema } from './schema'
import { isConnectionLost, SharedDatabaseError, unreachableMessage } from './database'

/**
 * A shared-database store behind a connection opened on first use (and again after a failure):
 * a desk starts, and keeps its own file working, while the server is away. `methods` lists every
 * method (the compiler checks the list is complete).
 */
export function lazyStore<S extends { engine: 'postgres' | 'sqlite' }>(
  open: () => Promise<{ db: Kysely<SharedSchema>; reportLost?(err: Error): void }>,
  make: (db: Kysely<SharedSchema>) => S,
  methods: Record<Exclude<keyof S, 'engine'>, true>
): S {
  let current: { db: Kysely<SharedSchema>; store: S; reportLost?(err: Error): void } | null = null
  const get = async (): Promise<S> => {
    const opened = await open()
    if (current?.db !== opened.db) current = { db: opened.db, store: make(opened.db), reportLost: opened.reportLost?.bind(opened) }
    return current.store
  }
  const out: Record<string, unknown> = { engine: 'postgres' }
  for (const key of Object.keys(methods)) {
    out[key] = async (...args: unknown[]) => {
      try {
        return await ((await get())[key as keyof S] as (...a: unknown[]) => Promise<unknown>)(...args)
      } catch (err) {
        // The connection went (or never came): one error, in words a shop can act on, and the desk starts reconnecting.
        if (!isConnectionLost(err)) throw err
        if (err instanceof SharedDatabaseError) throw err
        current?.reportLost?.(err as Error)
        throw new SharedDatabaseError(unreachableMessage)
      }
    }
  }
  return out as S
}
