import type { Logger } from '../../log/logger'
import type { SharedDatabase } from './shared-database'

/**
 * Follows the shared database's change notifications (LISTEN), so a booking made on another desk
 * shows here within a second without polling the list. Retries while the server is away.
 */
export function followSharedChanges(
  open: () => Promise<SharedDatabase>,
  onChange: (change: { table: string; id: string; desk: string; status: string }) => void,
  logger: Logger,
  retryMs = 30_000
): () => void {
  let stopped = false
  let stopListening: (() => Promise<void>) | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const start = async (): Promise<void> => {
    try {
      const shared = await open()
      const stop = await shared.listen(onChange)
      if (stopped) return void (await stop())
      stopListening = stop
    } catch (err) {
      logger.warn({ problem: (err as Error).message }, 'not following the shared database yet; trying again')
      if (!stopped) timer = setTimeout(() => void start(), retryMs)
    }
  }
  void start()
  return () => {
    stopped = true
    clearTimeout(timer)
    void stopListening?.()
  }
}
