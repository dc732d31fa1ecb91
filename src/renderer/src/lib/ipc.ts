import type { Channel, EventName } from '@shared/ipc/channels'
import type { ChannelInput, ChannelOutput, EventPayload } from '@shared/ipc/contract'
import type { AppErrorData } from '@shared/ipc/app-error'
import type { FraktdeskApi } from '@shared/ipc/api'
import i18n from '../i18n'

declare global {
  interface Window {
    api: FraktdeskApi
  }
}

/** An error from main, as structured data the UI can place next to fields. */
export class IpcError extends Error {
  readonly code: AppErrorData['code']
  readonly fieldErrors?: Record<string, string[]>
  readonly details?: AppErrorData['details']
  constructor(data: AppErrorData) {
    // Fixed-wording errors come with a key: show them in the user's language.
    const key = data.i18n ? `errors.${data.i18n.key}` : undefined
    super(key && i18n.exists(key) ? i18n.t(key, data.i18n?.params) : data.message)
    this.code = data.code
    this.fieldErrors = data.fieldErrors
    this.details = data.details
  }
}

/** The only way the renderer reaches main. Types come from the contract by inference. */
export async function call<C extends Channel>(channel: C, ...args: undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]): Promise<ChannelOutput<C>> {
  const fn = window.api[channel] as (input: unknown) => ReturnType<FraktdeskApi[C]>
  let result: Awaited<ReturnType<FraktdeskApi[C]>>
  try {
    result = await fn(args[0])
  } catch {
    throw new IpcError({ code: 'INTERNAL', message: i18n.t('errors.lostContact') })
  }
  if (!result.ok) throw new IpcError(result.error)
  return result.data as ChannelOutput<C>
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Main's pushed events (batch progress); returns the unsubscribe. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.api.on(event, listener)
}

/**
 * `refresh` at most once per `ms`, and always after the last call: a throttle, not a debounce, so a
 * steady stream of changes (another desk booking a batch) still refreshes the screen as it goes.
 */
export function throttled(refresh: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  return () => {
    timer ??= setTimeout(() => {
      timer = undefined
      refresh()
    }, ms)
  }
}

/** Team mode: another desk changed one of these tables. `refresh` runs at most every `ms`. */
export function onSharedChange(tables: EventPayload<'shared:changed'>['table'][], refresh: () => void, ms = 300): () => void {
  const soon = throttled(refresh, ms)
  return onEvent('shared:changed', (c) => tables.includes(c.table) && soon())
}
