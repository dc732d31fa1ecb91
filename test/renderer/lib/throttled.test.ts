import { afterEach, describe, expect, it, vi } from 'vitest'
import { throttled } from '../../../src/renderer/src/lib/ipc'

// Another desk booking a batch sends a change every ~20 ms for minutes: the screen must keep refreshing.
describe('throttled refresh (screens following other desks)', () => {
  afterEach(() => void vi.useRealTimers())

  it('a steady stream of changes refreshes every 300 ms while it lasts, and once after the last change', () => {
    vi.useFakeTimers()
    const refresh = vi.fn()
    const soon = throttled(refresh, 300)
    for (let t = 0; t < 3000; t += 20) {
      soon()
      vi.advanceTimersByTime(20)
    }
    expect(refresh.mock.calls.length).toBeGreaterThanOrEqual(9)
    expect(refresh.mock.calls.length).toBeLessThanOrEqual(10)
    const before = refresh.mock.calls.length
    soon()
    vi.advanceTimersByTime(300)
    expect(refresh).toHaveBeenCalledTimes(before + 1)
    vi.advanceTimersByTime(3000)
    expect(refresh).toHaveBeenCalledTimes(before + 1) // quiet: nothing more
  })

  it('one change refreshes once, after the wait', () => {
    vi.useFakeTimers()
    const refresh = vi.fn()
    throttled(refresh, 150)()
    vi.advanceTimersByTime(149)
    expect(refresh).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(refresh).toHaveBeenCalledTimes(1)
  })
})
