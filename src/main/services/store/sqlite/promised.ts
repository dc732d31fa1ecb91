/** A synchronous repository's methods as the async store interface speaks them. */
export type Promised<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K] }

/** Every method of a synchronous object as an async one. */
export function promised<T extends object>(target: T): Promised<T> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(target)) {
    out[key] = typeof value === 'function' ? async (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args) : value
  }
  return out as Promised<T>
}

