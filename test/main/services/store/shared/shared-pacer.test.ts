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
    const rate = (starts.length - 1) / ((starts.at(-1)! - starts[0]) / 1000)
    expect(rate).toBeGreaterThan(0.9 * 18 * (1000 / 1050))
    expect(rate).toBeLessThanOrEqual(18)
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
