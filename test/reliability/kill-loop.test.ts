import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import Database from 'better-sqlite3'
import { startCore, testAccount } from '../helpers/app-core'
import { createSimulator } from '../../src/main/services/bring-simulator/engine'
import { startSimulatorServer, type SimulatorServer } from '../../src/main/services/bring-simulator/http-server'
import { demoCustomers, sandboxAccount } from '../../src/main/services/bring-simulator/demo-data'
import { mybring } from '../helpers/resolve-paths'

// SIGKILL a process that books continuously, again and again, then start once more and count what
// a user would find: leftovers, missing labels, bookings lost or doubled, and "outcome unknown"
// records for bookings that never reached Bring.
const KILLS = Number(process.env.KILL_LOOP_KILLS ?? 12)

describe('kill loop: a booking process killed mid-work, again and again', () => {
  let work: string
  let childJs: string
  let server: SimulatorServer
  const sim = createSimulator({ accounts: [sandboxAccount, { ...testAccount, customers: demoCustomers }], maxRequests: 100_000 })

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'fraktdesk-kill-'))
    await build({
      logLevel: 'silent',
      configFile: false,
      resolve: { alias: { '@shared': path.resolve('src/shared') } },
      build: { ssr: path.resolve('test/reliability/booking-child.ts'), outDir: path.resolve('out/kill-loop-child'), target: 'node20', rollupOptions: { output: { format: 'es', entryFileNames: 'child.mjs' } } },
      ssr: { noExternal: [] }
    })
    childJs = path.resolve('out/kill-loop-child/child.mjs')
    server = await startSimulatorServer(sim)
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    await rm(work, { recursive: true, force: true })
  })

  it(`after ${KILLS} SIGKILLs, then ${Math.ceil(KILLS / 2)} more while resolving by every path: no leftovers, every label present, nothing lost or doubled, "unknown" rare and measured`, async () => {
    const userData = path.join(work, 'userData')
    const truthFile = path.join(work, 'mybring.json')
    // The second half of the kills hit a desk resolving what the first half left (every path in turn,
    // as the user would after checking Mybring), resending what was not sent, and running Book all.
    for (let k = 0; k < KILLS + Math.ceil(KILLS / 2); k++) {
      const resolving = k >= KILLS
      if (resolving) await writeFile(truthFile, JSON.stringify(Object.fromEntries(mybring(sim))))
      const env = { ...process.env, CHILD_USER_DATA: userData, CHILD_BASE_URL: server.url, ...(resolving ? { CHILD_TRUTH: truthFile, CHILD_PATH_SEED: String(k) } : {}) }
      const child = spawn(process.execPath, [childJs], { env, stdio: ['ignore', 'pipe', 'inherit'] })
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve())
        child.on('exit', (code) => reject(new Error(`child exited early (${code})`)))
      })
      await new Promise((r) => setTimeout(r, (resolving ? 400 : 150) + Math.random() * 450))
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await exited
    }

    // Start-up removes temp files older than a minute (younger ones may belong to a write in
    // progress). The loop takes seconds, so age the leftovers as the minute before a restart would.
    const leftBehind: string[] = []
    for (const dir of [userData, path.join(userData, 'labels')]) {
      for (const name of (await readdir(dir)).filter((n) => n.endsWith('.tmp'))) leftBehind.push(path.join(dir, name))
    }
    const aMinuteAgo = new Date(Date.now() - 61_000)
    await Promise.all(leftBehind.map((f) => utimes(f, aMinuteAgo, aMinuteAgo)))

    // Before anything repairs it: the database as the kills left it passes SQLite's integrity check.
    const raw = new Database(path.join(userData, 'fraktdesk.sqlite3'))
    const integrity = String(raw.pragma('integrity_check', { simple: true }))
    raw.close()
    const core = await startCore(userData, { baseUrl: server.url })
    try {
      await core.useBringTest()
      await core.deps.maintenance.labelsRefetched
      // Every record, a page at a time (a long loop books more than one page holds).
      const all: NonNullable<ReturnType<typeof core.deps.localShipments.get>>[] = []
      for (let offset = 0; ; offset += 500) {
        const page = core.deps.localShipments.list({ query: '', limit: 500, offset }).items
        all.push(...page.map((s) => core.deps.localShipments.get(s.id)!))
        if (page.length < 500) break
      }
      const bookedAtBring = new Map<string, number>()
      for (const r of sim.requests.filter((r) => r.routeId === 'booking.book')) {
        const id = (r.body as { consignments?: { correlationId?: string }[] })?.consignments?.[0]?.correlationId
        if (id && r.status === 200) bookedAtBring.set(id, (bookedAtBring.get(id) ?? 0) + 1)
      }
      const reached = new Set(sim.requests.filter((r) => r.routeId === 'booking.book').map((r) => (r.body as { consignments?: { correlationId?: string }[] })?.consignments?.[0]?.correlationId))
      const tempFiles = [...(await readdir(userData)), ...(await readdir(path.join(userData, 'labels')))].filter((n) => n.endsWith('.tmp'))
      const labels = new Set(await readdir(path.join(userData, 'labels')))
      const booked = all.filter((s) => s.status === 'booked')
      // A shipment marked booked by hand (its number from Mybring) has no label from Bring: Mybring has it.
      const labelsMissing = booked.filter((s) => !s.confirmation?.byHand && !labels.has(`${s.consignmentNumber}.pdf`))
      const unknownNeverReached = all.filter((s) => s.status === 'outcome_unknown' && !reached.has(s.form.clientRequestId))
      // A shipment is found by any request id it ever used (a resend gives it a new one).
      const requestIds = new Map(await Promise.all(all.map(async (s) => [s.id, await core.deps.stores.shipments.requestIds(s.id)] as const)))
      const lost = [...bookedAtBring.keys()].filter((id) => !all.some((s) => requestIds.get(s.id)!.includes(id) && (s.status === 'booked' || s.status === 'outcome_unknown')))
      // Doubled: one request id booked twice, or one shipment booked under two of its request ids.
      const doubled = [...[...bookedAtBring.values()].filter((n) => n > 1), ...all.filter((s) => requestIds.get(s.id)!.filter((id) => bookedAtBring.has(id)).length > 1)]
      const report = {
        kills: KILLS + Math.ceil(KILLS / 2),
        resolvedAfterKills: all.filter((s) => requestIds.get(s.id)!.length > 1 || s.confirmation?.byHand).length,
        shipments: all.length,
        booked: booked.length,
        notSent: all.filter((s) => s.status === 'not_sent').length,
        outcomeUnknown: all.filter((s) => s.status === 'outcome_unknown').length,
        tempFilesLeftByKills: leftBehind.length,
        orphanTempFiles: tempFiles.length,
        labelsMissingAfterRestart: labelsMissing.length,
        unknownNeverReachedSimulator: unknownNeverReached.length,
        lost: lost.length,
        doubled: doubled.length,
        batchRows: all.filter((s) => s.batchId).length,
        integrity,
        settingsReadable: !core.deps.notices().some((n) => n.key === 'settingsReset')
      }
      console.log(`kill loop: ${JSON.stringify(report)}`)
      expect(booked.length).toBeGreaterThan(0)
      expect(bookedAtBring.size).toBeGreaterThanOrEqual(booked.length)
      expect(report).toMatchObject({ orphanTempFiles: 0, labelsMissingAfterRestart: 0, lost: 0, doubled: 0, integrity: 'ok', settingsReadable: true })
      // "sending" is committed inside undici's sendHeaders notification, synchronously before the
      // socket write (hand-off-probe). What remains is the commit itself: its WAL write reaches the
      // OS before the fsync returns, so a SIGKILL during that ~1.7 ms leaves "sending" for a request
      // that never left. Measured 7 in 200 kills (3.5 %); the bound is 10 % of the kills, at least 3
      // for the short CI run, where 3 in 12 was seen once on a loaded machine.
      expect(report.unknownNeverReachedSimulator).toBeLessThanOrEqual(Math.max(3, KILLS / 10))
    } finally {
      await core.close()
    }
  }, 900_000)
})
