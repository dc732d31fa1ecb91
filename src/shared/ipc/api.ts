import type { Channel, EventName } from './channels'
import type { ChannelInput, ChannelOutput, EventPayload } from './contract'
import type { IpcResult } from './app-error'

/** The shape of window.api: one function per channel, and `on` for main's events; nothing else. */
export type FraktdeskApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
} & {
  /** Listen to one of main's events; returns the unsubscribe. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
