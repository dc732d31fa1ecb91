import { contextBridge, ipcRenderer } from 'electron'
import { channels } from '../shared/ipc/channels'
import type { FraktdeskApi } from '../shared/ipc/api'

/** window.api: one invoke per contract channel and nothing else — no raw ipcRenderer reaches the page. */
const api = Object.fromEntries(
  channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)])
) as FraktdeskApi

contextBridge.exposeInMainWorld('api', api)
