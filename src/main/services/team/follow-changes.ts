import type { Logger } from '../log/logger'
import type { SharedDatabase } from '../store/postgres/database'

/**
 * Follows the shared database's change notifications (LISTEN), so a booking made on another desk
 * shows here within a second without polling the list. Retries while the server is away.
 */
export function followSharedChanges(
  open: () => Promise<SharedDatabase>,
  onChange: (change: { table: string; id: string; desk: string; status: string }) => void,
  logger: Logger,
  retryMs = 30_000,
  /** Listening (again): what changed while it was not is unknown, so screens refresh once. */
  onResumed?: () => void
): () => void {
  let stopped = false
  let stopListening: (() => Promise<void>) | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let delay = Math.min(1000, retryMs)
  const again = (): void => {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(() => void start(), delay)
    timer.unref?.()
    delay = Math.min(delay * 2, retryMs)
  }
  const start = async (): Promise<void> => {
    try {
      const shared = await open()
      // The LISTEN connection may go with the server: listen again (changes missed meanwhile are caught up by onResumed).
      const stop = await shared.listen(onChange, () => {
        stopListening = null
        again()
      })
      if (stopped) return void (await stop())
      stopListening = stop
      delay = Math.min(1000, retryMs)
      onResumed?.()
    } catch (err) {
      logger.warn({ problem: (err as Error).message }, 'not following the shared database yet; trying again')
      again()
    }
  }
  void start()
  return () => {
    stopped = true
    clearTimeout(timer)
    void stopListening?.()
  }
}
