import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startCore, testAccount, TRUSTED } from '../helpers/app-core'
import { channels } from '../../src/shared/ipc/channels'
import { appErrorCodes, type IpcResult } from '../../src/shared/ipc/app-error'

// Every channel of the contract (new ones included without editing this file) takes hostile input
// through the real dispatcher: nothing throws, every refusal is short and plain (no stack, no path,
// no secret), untrusted senders are always refused, and memory does not grow without bound.
// RELIABILITY_FULL=1 (npm run test:reliability) makes it 2,500 calls; CI runs 600.
const CALLS = process.env.RELIABILITY_FULL === '1' ? 2_500 : 600

const hostile = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('__proto__', '../../etc/passwd', 'x'.repeat(100_000), '\u202E', '1e309', 'NaN'),
  fc.record({ id: fc.uuid(), name: fc.string(), rows: fc.array(fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 50 })), { maxLength: 30 }) }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'form', 'query', 'entry'), fc.anything({ maxDepth: 2 }), { maxKeys: 4 })
)

describe('reliability: hostile IPC on every channel', () => {
  let dir: string
  let core: Awaited<ReturnType<typeof startCore>>
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fraktdesk-ipc-fuzz-'))
    core = await startCore(dir)
    await core.invoke('credentials:save', { apiUid: testAccount.apiUid, apiKey: testAccount.apiKey, sessionOnly: true })
    core.deps.relaunch = () => undefined
  })
  afterAll(async () => {
    await core.close()
    await rm(dir, { recursive: true, force: true })
  })

  it(`${CALLS} hostile calls and every channel from an untrusted sender: honest answers only`, async () => {
    const heapBefore = process.memoryUsage().heapUsed
    const problems: string[] = []
    let calls = 0
    let refused = 0
    const check = (channel: string, res: IpcResult<unknown>): void => {
      calls++
      if (res.ok) return
      refused++
      const { code, message } = res.error
      const fail = (why: string): void => void problems.push(`${channel}: ${why}: ${message.slice(0, 120)}`)
      if (!(appErrorCodes as readonly string[]).includes(code)) fail(`unknown code ${code}`)
      if (code === 'INTERNAL' || code === 'INVALID_OUTPUT') fail(code)
      if (message.length > 600) fail('message over 600 characters')
      if (/\n\s+at |node_modules|\.ts:\d+/.test(message)) fail('stack trace')
      if (message.includes(dir)) fail('a local path')
      if (message.includes(testAccount.apiKey)) fail('the API key')
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), hostile, async (channel, input) => check(channel, await core.dispatch(channel, input, TRUSTED))),
      { numRuns: CALLS }
    )
    let untrusted = 0
    for (const channel of channels) {
      for (const sender of [undefined, 'https://evil.example/', 'file:///tmp/other.html', 'http://app.test.evil/index.html']) {
        const res = await core.dispatch(channel, undefined, sender)
        untrusted++
        if (res.ok || res.error.code !== 'FORBIDDEN_SENDER') problems.push(`${channel} answered an untrusted sender (${sender})`)
      }
    }
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20
    console.log(`ipc fuzz: ${calls} hostile calls on ${channels.length} channels (${refused} refused), ${untrusted} untrusted calls refused, heap growth ${heapGrowthMb.toFixed(1)} MB, problems ${problems.length}`)
    expect(problems).toEqual([])
    expect(heapGrowthMb).toBeLessThan(256)
  }, 300_000)
})
