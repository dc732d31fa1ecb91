import { contextBridge, ipcRenderer } from 'electron'
import { channels, eventNames } from '@shared/ipc/channels'
import type { FraktdeskApi } from '@shared/ipc/api'

/**
 * window.api: one invoke per contract channel, and `on` for the contract's events — no raw
 * ipcRenderer (or its event object) reaches the page.
 */
const invokers = Object.fromEntries(channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]))

function on(event: string, listener: (payload: unknown) => void): () => void {
  if (!(eventNames as readonly string[]).includes(event) || typeof listener !== 'function') throw new Error(`Unknown event ${String(event)}`)
  const relay = (_e: unknown, payload: unknown): void => listener(payload)
  ipcRenderer.on(event, relay)
  return () => void ipcRenderer.removeListener(event, relay)
}

contextBridge.exposeInMainWorld('api', { ...invokers, on } as unknown as FraktdeskApi)
