import type { Kysely } from 'kysely'
import type { SharedSchema } from './shared-schema'

/**
 * A shared-database store behind a connection opened on first use (and again after a failure):
 * a desk starts, and keeps its own file working, while the server is away. `methods` lists every
 * method (the compiler checks the list is complete).
 */
export function lazyStore<S extends { engine: 'postgres' | 'sqlite' }>(
  open: () => Promise<{ db: Kysely<SharedSchema> }>,
  make: (db: Kysely<SharedSchema>) => S,
  methods: Record<Exclude<keyof S, 'engine'>, true>
): S {
  let current: { db: Kysely<SharedSchema>; store: S } | null = null
  const get = async (): Promise<S> => {
    const { db } = await open()
    if (current?.db !== db) current = { db, store: make(db) }
    return current.store
  }
  const out: Record<string, unknown> = { engine: 'postgres' }
  for (const key of Object.keys(methods)) {
    out[key] = async (...args: unknown[]) => ((await get())[key as keyof S] as (...a: unknown[]) => Promise<unknown>)(...args)
  }
  return out as S
}
