/**
 * Rate and time left of a running batch, and a throttle so the window gets a few updates a second
 * rather than one per booking.
 */
export function createProgressMeter(opts: { now: () => number; remaining: number; emit(): void; everyMs?: number; windowMs?: number }) {
  const everyMs = opts.everyMs ?? 250
  const windowMs = opts.windowMs ?? 5000
  const started = opts.now()
  const finished: number[] = []
  let remaining = opts.remaining
  let lastEmit = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | null = null

  const emitNow = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
    lastEmit = opts.now()
    opts.emit()
  }

  const meter = {
    /** One row done (booked, failed or otherwise settled). */
    tick(): void {
      finished.push(opts.now())
      remaining = Math.max(0, remaining - 1)
      const wait = lastEmit + everyMs - opts.now()
      if (wait <= 0) emitNow()
      else timer ??= setTimeout(emitNow, wait)
    },
    /** Rows per second over the last few seconds (or since the start, if shorter). */
    rate(): number {
      const t = opts.now()
      while (finished.length > 0 && t - finished[0] > windowMs) finished.shift()
      const span = Math.min(windowMs, t - started) / 1000
      return span > 0 ? Math.round((finished.length / span) * 10) / 10 : 0
    },
    secondsLeft(): number | null {
      const r = meter.rate()
      return r > 0 ? Math.ceil(remaining / r) : null
    },
    /** The final state, now. */
    flush: emitNow
  }
  return meter
}
export type ProgressMeter = ReturnType<typeof createProgressMeter>
