import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { openSharedDatabase, type SharedDatabase } from '../../../../src/main/services/store/postgres/database'
import { createSharedPacer } from '../../../../src/main/services/team/pacer'
import { postgresUnavailable, usePostgresDatabase } from '../../../helpers/postgres'

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
    const reservedUntil: number[] = []
    for (let i = 0; i < 3; i++) {
      await pacer.acquire()
      at.push(performance.now())
      const { rows } = await sql<{ ms: number }>`SELECT (extract(epoch FROM next_at) * 1000)::float8 AS ms FROM bring_pacing WHERE api_user = 'shop@example.no'`.execute(d.db)
      reservedUntil.push(rows[0].ms)
    }
    // The reservations themselves, on the database server's clock (every desk's reference): past the
    // first (cold) start, each booking moves the next free start on by exactly one gap.
    expect(reservedUntil[1] - reservedUntil[0]).toBeCloseTo(gapMs, 0)
    expect(reservedUntil[2] - reservedUntil[1]).toBeCloseTo(gapMs, 0)
    // And this desk really waits for them. Each time here includes one database round trip, whose
    // answer can arrive a few ms late under load (one full-suite run saw 52.9 ms for a 60 ms gap).
    const jitterMs = 15
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(3 * gapMs - jitterMs)
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(gapMs - jitterMs)
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
