import { describe, expect, it, vi } from 'vitest'
import { createElectronMock, type ElectronMock } from '../helpers/electron-mock'
import { channels, eventNames } from '../../src/shared/ipc/channels'

// One stable object the mock hands out; each test refills it with fresh fakes.
const electron = vi.hoisted(() => ({}) as ElectronMock)
vi.mock('electron', () => electron)

describe('preload', () => {
  it('exposes window.api with one invoke per contract channel and nothing else', async () => {
    Object.assign(electron, createElectronMock())
    await import('../../src/preload/index')
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (i: unknown) => unknown>]
    expect(name).toBe('api')
    expect(Object.keys(api).sort()).toEqual([...channels, 'on'].sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    await api['settings:set']({ language: 'nb' })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('settings:set', { language: 'nb' })
    expect(Object.values(api)).not.toContain(electron.ipcRenderer)
  })

  it('relays only the contract events, passes the payload without the IPC event object, and unsubscribes', async () => {
    const [, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, { on: (e: string, l: (p: unknown) => void) => () => void }]
    const seen: unknown[][] = []
    const off = api.on(eventNames[0], (...args) => seen.push(args))
    electron.ipcRenderer.emit(eventNames[0], { sender: 'ipc event object' }, { batchId: 'b1' })
    expect(seen).toEqual([[{ batchId: 'b1' }]])
    off()
    electron.ipcRenderer.emit(eventNames[0], {}, { batchId: 'b2' })
    expect(seen).toHaveLength(1)
    expect(() => api.on('ipc:anything', () => undefined)).toThrow(/Unknown event/)
  })
})
