/**
 * One request per key at a time: a second call with the same key while the first is running gets the
 * first one's promise (double click, Enter twice, a second window) instead of a second request.
 */
export function createSingleFlight<T>() {
  const running = new Map<string, Promise<T>>()
  return (key: string, start: () => Promise<T>): Promise<T> => {
    const current = running.get(key)
    if (current) return current
    const p = start().finally(() => running.delete(key))
    running.set(key, p)
    return p
  }
}
