import { afterEach, describe, expect, it } from 'vitest'
import { channels } from '../../../src/shared/ipc/channels'
import { useTempDir } from '../../helpers/temp-dir'
import { startCore, testAccount } from '../../helpers/app-core'

describe('the API key never crosses IPC or reaches a log', () => {
  const tempDir = useTempDir()
  let close: (() => Promise<void>) | undefined
  afterEach(async () => close?.())

  it('no channel output, error or log line contains the key', async () => {
    const core = await startCore(await tempDir())
    close = core.close
    const sent: unknown[] = []
    const call = async (channel: string, input?: unknown) => {
      const res = await core.invokeRaw(channel, input)
      sent.push(res)
      return res
    }
    expect((await call('credentials:save', { apiUid: testAccount.apiUid, apiKey: testAccount.apiKey })).ok).toBe(true)
    const inputs: Record<string, unknown> = { 'settings:set': { language: 'nb' }, 'mode:set': { mode: 'test' }, 'customers:list': { refresh: true }, 'shell:openExternal': { url: 'https://www.bring.com/' } }
    for (const channel of channels) {
      if (channel === 'credentials:save' || channel === 'credentials:clear') continue
      await call(channel, inputs[channel])
    }
    // Failures too: a wrong key and a server error.
    core.sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'status', status: 500 } })
    await call('connection:check')
    const wire = JSON.stringify(sent)
    expect(wire).toContain('"hasKey":true')
    expect(wire).toContain('Demo customer (00000000005)')
    expect(wire).not.toContain(testAccount.apiKey)
    expect(core.log.lines.length).toBeGreaterThan(0)
    expect(core.log.text()).not.toContain(testAccount.apiKey)
  })
})
