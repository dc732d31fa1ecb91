// npm run bench: every benchmark in one table each, results also written to bench/results/ as JSON.
// BENCH_QUICK=1: small sizes and few runs, a smoke test of the benchmarks themselves.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { benchSearch } from './sections/search'
import { benchRenderer } from './sections/renderer'
import { benchClient } from './sections/client'
import { benchStartup } from './sections/startup'
import { benchTracking } from './sections/tracking'
import { benchPgSearch } from './sections/pg-search'
import { benchTeamBooking, runDeskProcess } from './sections/team-booking'
import { benchStoreEngines } from './sections/store-engines'
import { benchDeliveryRecord } from './sections/delivery-record'
import { benchImport } from './sections/import'
import { quick } from './lib'

// A desk of the team-booking bench, started by it as a child process of this same file.
if (process.env.FRAKTDESK_BENCH_DESK) {
  await runDeskProcess()
  process.exit(0)
}

const only = process.env.BENCH_ONLY?.split(',')
const want = (name: string): boolean => !only || only.includes(name)

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  quick,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }
}
if (want('search')) results.search = benchSearch()
if (want('renderer')) results.renderer = await benchRenderer()
if (want('client')) results.client = await benchClient()
if (want('startup')) results.startup = await benchStartup()
if (want('tracking')) results.tracking = await benchTracking()
if (want('pgsearch')) results.pgSearch = await benchPgSearch()
if (want('team')) results.team = await benchTeamBooking()
if (want('engines')) results.storeEngines = await benchStoreEngines()
if (want('record')) results.deliveryRecord = await benchDeliveryRecord()
if (want('import')) results.import = await benchImport()

const dir = path.resolve('bench/results')
mkdirSync(dir, { recursive: true })
const file = path.join(dir, `bench-${results.date as string}.json`.replace(/:/g, '-'))
writeFileSync(file, JSON.stringify(results, null, 2))
console.log(`\nresults: ${path.relative(process.cwd(), file)}`)
