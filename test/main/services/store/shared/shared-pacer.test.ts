import { afterEach, describe, expect, it } from 'vitest'
import { openSharedDatabase, type SharedDatabase } from '../../../../../src/main/services/store/shared/shared-database'
import { createSharedPacer } from '../../../../../src/main/services/store/shared/shared-pacer'
import { postgresUnavailable, usePostgresDatabase } from '../../../../helpers/postgres'

describe.skipIf(postgresUnavailable() !== '')('Bring booking pace shared by desks (one API user, one limit)', () => {
  const newDatabase = usePostgresDatabase()
  const open: SharedDatabase[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })

  it('three desks starting 18 bookings each at once: never more than 18 starts in a second, and close to 18 per second overall', async () => {
    const url = await newDatabase()
    const desks = await Promise.all([1, 2, 3].map(() => openSharedDatabase({ url, tls: { enabled: false } })))
    open.push(...desks)
    const starts: number[] = []
    const pacers = desks.map((d) => createSharedPacer(async () => d, () => 'shop@example.no', 18))
    const t0 = performance.now()
    await Promise.all(pacers.flatMap((p) => Array.from({ length: 18 }, () => p.acquire().then(() => starts.push(performance.now() - t0)))))
    starts.sort((a, b) => a - b)
    const busiest = Math.max(...starts.map((s) => starts.filter((x) => x >= s && x < s + 1000).length))
    expect(busiest).toBeLessThanOrEqual(18)
    // Past each desk's first (cold) start, the desks together keep close to Bring's rate.
    const steady = starts.slice(desks.length * 3)
    const rate = (steady.length - 1) / ((steady.at(-1)! - steady[0]) / 1000)
    expect(rate).toBeGreaterThan(0.9 * 18 * (1000 / 1080))
    expect(rate).toBeLessThanOrEqual(18)
  })

  it('a desk’s first booking after a pause leaves room after it (it tends to leave late), the next ones follow one gap apart', async () => {
    const url = await newDatabase()
    const d = await openSharedDatabase({ url, tls: { enabled: false } })
    open.push(d)
    const pacer = createSharedPacer(async () => d, () => 'shop@example.no', 18)
    const gapMs = 1080 / 18
    const at: number[] = []
    for (let i = 0; i < 3; i++) {
      await pacer.acquire()
      at.push(performance.now())
    }
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(3 * gapMs - 5)
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(gapMs - 5)
    expect(at[2] - at[1]).toBeLessThan(2 * gapMs)
  })

  it('another API user has its own budget', async () => {
    const url = await newDatabase()
    const d = await openSharedDatabase({ url, tls: { enabled: false } })
    open.push(d)
    const a = createSharedPacer(async () => d, () => 'a@example.no', 18)
    const b = createSharedPacer(async () => d, () => 'b@example.no', 18)
    await a.acquire()
    const t0 = performance.now()
    await b.acquire() // not behind a's slot
    expect(performance.now() - t0).toBeLessThan(40)
  })
})
