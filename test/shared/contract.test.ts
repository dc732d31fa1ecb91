import { describe, expect, it } from 'vitest'
import { channels } from '../../src/shared/ipc/channels'
import { contract } from '../../src/shared/ipc/contract'
import { handlers } from '../../src/main/ipc/handlers'

describe('IPC contract', () => {
  it('names the same channels as the preload list and the handler map', () => {
    expect(Object.keys(contract).sort()).toEqual([...channels].sort())
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort())
  })
  it('never lets a settings write carry the API key', () => {
    expect(contract['settings:set'].input.safeParse({ apiKey: 'x' }).success).toBe(false)
    expect(contract['settings:get'].output.safeParse({ mode: 'sandbox', language: 'en', apiUid: '', clientUrl: '', defaultCustomerNumber: '', defaultSender: {} }).success).toBe(true)
  })
})
