import type { Kysely } from 'kysely'
import type { SharedSchema } from './schema'
import { isConnectionLost, SharedDatabaseError, unreachableMessage } from './database'

/**
 * A shared-database store behind a connection opened on first use (and again after a failure):
 * a desk starts, and keeps its own file working, while the server is away. It has every
 * method of the store `make` builds (its methods are read from a store made before any connection:
 * a store only touches the database inside its methods).
 */
export function lazyStore<S extends { engine: 'postgres' | 'sqlite' }>(open: () => Promise<{ db: Kysely<SharedSchema>; reportLost?(err: Error): void }>, make: (db: Kysely<SharedSchema>) => S): S {
  const methods = Object.keys(make({} as Kysely<SharedSchema>)).filter((key) => key !== 'engine')
  let current: { db: Kysely<SharedSchema>; store: S; reportLost?(err: Error): void } | null = null
  const get = async (): Promise<S> => {
    const opened = await open()
    if (current?.db !== opened.db) current = { db: opened.db, store: make(opened.db), reportLost: opened.reportLost?.bind(opened) }
    return current.store
  }
  const out: Record<string, unknown> = { engine: 'postgres' }
  for (const key of methods) {
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
