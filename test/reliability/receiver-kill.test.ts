import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createServer, type AddressInfo } from 'node:net'
import { build } from 'vite'
import Database from 'better-sqlite3'
import { sampleDespatchAdvice } from '../../src/main/services/warehousing/samples'

// SIGKILL a receiver while messages stream in, again and again; then every message it answered
// "success" to must be in the database, with the request id it answered.
const KILLS = Number(process.env.RECEIVER_KILLS ?? 50)
const KEY = 'kill-loop-receiver-key-0123456789'

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo
      s.close(() => resolve(port))
    })
  })

describe('receiver kill loop', () => {
  let work: string
  let childJs: string
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'fraktdesk-receiver-kill-'))
    await build({
      logLevel: 'silent',
      configFile: false,
      resolve: { alias: { '@shared': path.resolve('src/shared') } },
      build: { ssr: path.resolve('test/reliability/receiver-child.ts'), outDir: path.resolve('out/receiver-kill-child'), target: 'node20', rollupOptions: { output: { format: 'es', entryFileNames: 'child.mjs' } } },
      ssr: { noExternal: [] }
    })
    childJs = path.resolve('out/receiver-kill-child/child.mjs')
  }, 60_000)
  afterAll(async () => rm(work, { recursive: true, force: true }))

  it(`after ${KILLS} SIGKILLs mid-stream, every message answered "success" is stored with that request id`, async () => {
    const userData = path.join(work, 'userData')
    await mkdir(userData, { recursive: true })
    const acknowledged = new Map<string, string>()
    let sent = 0
    let n = 0
    for (let k = 0; k < KILLS; k++) {
      const port = await freePort()
      const child = spawn(process.execPath, [childJs], { env: { ...process.env, CHILD_USER_DATA: userData, CHILD_PORT: String(port), CHILD_KEY: KEY }, stdio: ['ignore', 'pipe', 'inherit'] })
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve())
        child.on('exit', (code) => reject(new Error(`receiver exited early (${code})`)))
      })
      let stop = false
      const stream = async (): Promise<void> => {
        while (!stop) {
          const id = `KILL-${++n}`
          sent++
          try {
            const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: sampleDespatchAdvice({ instanceId: id, orderNumber: `K-${n}`, trackingNumber: '70438101000000001' }), headers: { 'Content-Type': 'application/xml', 'X-API-KEY': KEY } })
            const text = await res.text()
            const requestId = /<RequestID>([^<]+)</.exec(text)?.[1]
            if (res.status === 200 && requestId) acknowledged.set(id, requestId)
          } catch {
            // killed mid-request: no answer, so no promise was made
          }
        }
      }
      const streams = Promise.all([stream(), stream(), stream()])
      await new Promise((r) => setTimeout(r, 80 + Math.random() * 220))
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await exited
      stop = true
      await streams
    }
    const db = new Database(path.join(userData, 'fraktdesk.sqlite3'))
    const integrity = String(db.pragma('integrity_check', { simple: true }))
    const stored = new Map((db.prepare('SELECT instance_id, request_id FROM warehouse_messages').all() as { instance_id: string; request_id: string }[]).map((r) => [r.instance_id, r.request_id]))
    db.close()
    const lost = [...acknowledged].filter(([id, requestId]) => stored.get(id) !== requestId)
    console.log(`receiver kill loop: ${KILLS} kills, ${sent} posts, ${acknowledged.size} answered success, ${stored.size} stored, lost ${lost.length}, integrity ${integrity}`)
    expect(acknowledged.size).toBeGreaterThan(KILLS)
    expect(lost).toEqual([])
    expect(integrity).toBe('ok')
  }, 600_000)
})
