import { z } from 'zod'
import { channels, type Channel } from '@shared/ipc/channels'
import { contract, type ChannelOutput, type ChannelParsedInput } from '@shared/ipc/contract'
import { AppError, type AppErrorData, type IpcResult } from '@shared/ipc/app-error'
import type { AppDeps } from './deps'
import { payloadProblem } from './payload-limits'
import { setValidationLanguage, validationMessage } from '@shared/domain/validation-messages'
import { localizePhrase } from '@shared/domain/phrases-nb'
import { isDamagedDatabaseError } from '../services/store/sqlite/damaged-database'
import { SharedDatabaseError, sharedDatabaseAppError } from '../services/store/postgres/database'

export type Handler<C extends Channel, D = AppDeps> = (input: ChannelParsedInput<C>, deps: D) => Promise<ChannelOutput<C>>
export type Handlers = { [C in Channel]: Handler<C> }
/** Some channels' handlers (a *.ipc.ts file), given only the members of AppDeps that file uses. */
export type HandlersOf<C extends Channel, K extends keyof AppDeps> = { [P in C]: Handler<P, Pick<AppDeps, K>> }

export interface Dispatcher {
  (channel: string, rawInput: unknown, senderUrl: string | undefined): Promise<IpcResult<unknown>>
}

/**
 * The one IPC wrapper: sender check, input parse, handler, output parse, error mapping.
 * Electron's ipcMain and the e2e Chromium bridge both call it, so tests exercise the real thing.
 */
export function createDispatcher(handlers: Handlers, deps: AppDeps, isTrustedSender: (url: string | undefined) => boolean): Dispatcher {
  return async (channel, rawInput, senderUrl) => {
    if (!isTrustedSender(senderUrl)) {
      deps.logger.warn({ channel, senderUrl }, 'ipc call from untrusted sender refused')
      return fail(AppError.templated('FORBIDDEN_SENDER', 'forbiddenSender').toData())
    }
    if (!(channels as readonly string[]).includes(channel)) {
      return fail({ code: 'INVALID_INPUT', message: `Unknown channel ${channel}` })
    }
    const c = channel as Channel
    const tooLarge = payloadProblem(rawInput)
    if (tooLarge) {
      deps.logger.warn({ channel, tooLarge }, 'ipc payload over the size cap refused')
      const message = validationMessage('payloadTooLarge', { what: tooLarge }, deps.settings.get().language)
      return fail({ code: 'INVALID_INPUT', message, fieldErrors: { _: [message] } })
    }
    // Field messages in the language the user reads.
    setValidationLanguage(deps.settings.get().language)
    const input = contract[c].input.safeParse(rawInput)
    if (!input.success) return fail(invalidInput(input.error))
    try {
      const output = await (handlers[c] as Handler<Channel>)(input.data as never, deps)
      const checked = contract[c].output.safeParse(output)
      if (!checked.success) {
        // Data that cannot be checked may have come off a damaged page: then it is said as that, and checked at the next start.
        if (deps.maintenance.historyDamaged?.()) {
          deps.logger.error({ channel }, 'history database damaged (found after output failed its check): checked at the next start')
          deps.maintenance.checkDatabaseAtNextStart()
          return fail(AppError.templated('INTERNAL', 'databaseDamaged').toData())
        }
        deps.logger.error({ channel, issues: checked.error.issues.slice(0, 3) }, 'handler output broke its schema')
        return fail(localized({ code: 'INVALID_OUTPUT', message: 'Fraktdesk produced data it could not check. Nothing was changed by showing it.' }))
      }
      return { ok: true, data: checked.data }
    } catch (err) {
      if (err instanceof AppError) return fail(localized(err.toData()))
      if (err instanceof z.ZodError) return fail(invalidInput(err))
      // Team mode: the shared database went away (or is not there): say that, never "something went wrong".
      if (err instanceof SharedDatabaseError) {
        deps.logger.warn({ channel, problem: err.message }, 'shared database not reachable')
        return fail(localized(sharedDatabaseAppError(err).toData()))
      }
      if (isDamagedDatabaseError(err)) {
        deps.logger.error({ channel, err: { code: (err as { code: string }).code, message: (err as Error).message } }, 'history database damaged: checked at the next start')
        deps.maintenance.checkDatabaseAtNextStart()
        return fail(AppError.templated('INTERNAL', 'databaseDamaged').toData())
      }
      deps.logger.error({ channel, err: { name: (err as Error)?.name, message: (err as Error)?.message } }, 'handler failed')
      return fail(AppError.templated('INTERNAL', 'internal').toData())
    }
  }
}

/** An error without a message key, in the user's language where the phrase table knows it (keyed ones the window translates). */
function localized(error: AppErrorData): AppErrorData {
  if (error.i18n) return error
  const fieldErrors = error.fieldErrors && Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.map((m) => localizePhrase(m))]))
  return { ...error, message: localizePhrase(error.message), ...(fieldErrors ? { fieldErrors } : {}) }
}

function fail(error: AppErrorData): IpcResult<never> {
  return { ok: false, error }
}

export function invalidInput(error: z.ZodError): AppErrorData {
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    ;(fieldErrors[key] ??= []).push(localizePhrase(issue.message))
  }
  const first = error.issues[0]
  const where = first && first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : ''
  return { code: 'INVALID_INPUT', message: `${validationMessage('checkForm')} ${where}${first ? localizePhrase(first.message) : ''}`.trim(), fieldErrors }
}
