import type { IpcMain } from 'electron'
import { channels } from '@shared/ipc/channels'
import type { Dispatcher } from './invoke'

/** One ipcMain.handle per contract channel, all through the same dispatcher (sender check inside). */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatcher): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input) => dispatch(channel, input, event.senderFrame?.url))
  }
}
