import type { Channel } from './channels'
import type { ChannelInput, ChannelOutput } from './contract'
import type { IpcResult } from './app-error'

/** The shape of window.api: one function per channel, nothing else. */
export type FraktdeskApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
}
