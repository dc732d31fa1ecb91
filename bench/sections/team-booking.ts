// Three desks in team mode (one shared PostgreSQL, one Bring API user), each its own process as at
// a shop's packing desks, run "Book all" on a batch at once, against the HTTP simulator enforcing Bring's 18 bookings per second per API user
// with 429s. Desks share that budget through the store (shared-pacer.ts): the sum of their rates
// should reach ≥ 0.9 × 18/s with zero 429s and no booking received twice.
import { fork } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createAppDeps } from '../../src/main/create-deps'
import { socketReportingFetch } from '../../src/main/services/bring/hand-off-probe'
import { bringRateLimits } from '../../src/main/services/bring/rate-limiter'
import { createSimulator } from '../../src/main/services/bring-simulator/engine'
import { startSimulatorServer } from '../../src/main/services/bring-simulator/http-server'
import { createMemorySecretStore } from '../../src/main/services/secrets/memory-secret-store'
import { createLogger } from '../../src/main/services/log/logger'
import { osloDate } from '../../src/shared/domain/fields'
import { simulatorAccounts, testAccount } from '../../e2e/fixtures/accounts'
import { createDatabase, findPostgresBin, startPostgres } from '../../test/helpers/postgres-server'
import { printTable, quick } from '../lib'

const defaults = () => ({ customerNumber: '5', productId: '5800', senderId: null, shippingDate: osloDate(), weightKg: '1,5', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' })

/**
 * One desk, in a child process (the bench entry re-run with FRAKTDESK_BENCH_DESK set): builds the
 * app's services on its own userData, waits for "go", books its batch, reports the rows booked.
 */
export async function runDeskProcess(): Promise<void> {
  const { dir, bringUrl, desk, rows } = JSON.parse(process.env.FRAKTDESK_BENCH_DESK!) as { dir: string; bringUrl: string; desk: number; rows: number }
  const deps = await createAppDeps({ userDataDir: dir, secretStore: createMemorySecretStore(), fetch: socketReportingFetch(), baseUrl: bringUrl, openExternal: async () => undefined, logger: createLogger({ write: () => true }, 'warn'), version: 'bench', autoBackup: false, autoTracking: false })
  await deps.credentials.save({ apiUid: testAccount.apiUid, apiKey: testAccount.apiKey, sessionOnly: false })
  await deps.settings.update({ mode: 'test', defaultSender: { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', phoneNumber: '+4712345678' } })
  const batch = await deps.batches.create({ name: `desk ${desk}`, defaults: defaults(), rows: Array.from({ length: rows }, (_, i) => ({ name: `Mottaker ${desk}-${i + 1}`, addressLine: `Storgata ${i + 1}`, postalCode: '5003', city: 'BERGEN', reference: `D${desk}-${i + 1}` })) })
  process.send!({ ready: true })
  await new Promise<void>((resolve) => process.once('message', () => resolve()))
  await deps.batches.start(batch.id, {})
  await deps.batches.settled(batch.id)
  process.send!({ booked: (await deps.batches.get(batch.id)).counts.booked })
  deps.dispose()
  await new Promise((r) => setTimeout(r, 200))
  process.exit(0)
}

export async function benchTeamBooking(): Promise<Record<string, number> | { skipped: string }> {
  if (!findPostgresBin()) {
    console.log('\nTeam booking: skipped — PostgreSQL is not installed here (apt-get install postgresql)')
    return { skipped: 'PostgreSQL not installed' }
  }
  const desks = 3
  const perDesk = quick ? 20 : 100
  const limit = bringRateLimits.booking
  const server = await startPostgres()
  const sim = createSimulator({ accounts: simulatorAccounts, maxRequests: desks * perDesk * 4 })
  const bring = await startSimulatorServer(sim)
  const dirs: string[] = []
  const children: ReturnType<typeof fork>[] = []
  try {
    const url = await createDatabase(server.adminUrl, 'fraktdesk_team')
    const ready: Promise<void>[] = []
    const booked: Promise<number>[] = []
    for (let d = 1; d <= desks; d++) {
      const dir = await mkdtemp(path.join(tmpdir(), `fraktdesk-bench-desk${d}-`))
      dirs.push(dir)
      await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ sharedDatabase: { url, tls: false, caFile: '', deskName: `Desk ${d}` } }))
      const child = fork(process.argv[1], [], { env: { ...process.env, FRAKTDESK_BENCH_DESK: JSON.stringify({ dir, bringUrl: bring.url, desk: d, rows: perDesk }) } })
      children.push(child)
      ready.push(new Promise((resolve) => child.on('message', (m: { ready?: boolean }) => m.ready && resolve())))
      booked.push(new Promise((resolve, reject) => {
        child.on('message', (m: { booked?: number }) => m.booked !== undefined && resolve(m.booked))
        child.on('exit', (code) => code !== 0 && reject(new Error(`desk ${d} exited with ${code}`)))
      }))
    }
    await Promise.all(ready)
    const started = performance.now()
    for (const child of children) child.send('go')
    const bookedRows = (await Promise.all(booked)).reduce((a, b) => a + b, 0)
    const elapsed = (performance.now() - started) / 1000
    const bookings = sim.requests.filter((r) => r.routeId === 'booking.book')
    const arrivals = bookings.map((r) => Date.parse(r.at)).sort((a, b) => a - b)
    const achieved = (arrivals.length - 1) / ((arrivals.at(-1)! - arrivals[0]) / 1000)
    const busiest = Math.max(...arrivals.map((t) => arrivals.filter((x) => x >= t && x < t + 1000).length))
    const result = {
      desks,
      shipments: desks * perDesk,
      booked: bookedRows,
      wallSeconds: elapsed,
      requests: arrivals.length,
      reqPerSecond: achieved,
      ratioToLimit: achieved / limit,
      busiestSecond: busiest,
      tooMany: bookings.filter((r) => r.status === 429).length,
      doubled: [...sim.state.bookings.values()].filter((n) => n > 1).length
    }
    printTable(`Team booking: ${desks} desks (one process each), one API user, one shared PostgreSQL, ${perDesk} rows each at once (limit ${limit} req/s)`, ['measure', 'value'], [
      ['rows booked', `${result.booked}/${result.shipments}`],
      ['wall time (s)', elapsed.toFixed(1)],
      ['booking requests at Bring', result.requests],
      ['sum of the desks (req/s, first to last)', achieved.toFixed(2)],
      ['ratio to the limit', result.ratioToLimit.toFixed(3)],
      ['busiest 1 s window at Bring', busiest],
      ['429 responses', result.tooMany],
      ['duplicate bookings at Bring', result.doubled]
    ])
    return result
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill()
    await bring.close()
    await new Promise((r) => setTimeout(r, 200))
    await server.stop()
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  }
}
