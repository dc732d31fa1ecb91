import { describe, expect, it, vi } from 'vitest'
import { registerIpc } from '../../../src/main/ipc/register'
import { channels } from '../../../src/shared/ipc/channels'

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel and passes the sender frame URL', async () => {
    const handle = vi.fn()
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 1 }))
    registerIpc({ handle }, dispatch)
    expect(handle.mock.calls.map((c) => c[0])).toEqual([...channels])
    const [, listener] = handle.mock.calls.find((c) => c[0] === 'settings:get')!
    await listener({ senderFrame: { url: 'file:///app/out/renderer/index.html' } }, { x: 1 })
    expect(dispatch).toHaveBeenCalledWith('settings:get', { x: 1 }, 'file:///app/out/renderer/index.html')
  })
})
