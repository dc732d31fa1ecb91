import type { Handlers } from './invoke'

/** The API key only ever flows in; status says whether one exists, never what it is. */
export const credentialsHandlers: Pick<Handlers, 'credentials:status' | 'credentials:save' | 'credentials:clear'> = {
  'credentials:status': async (_input, { credentials }) => credentials.status(),
  'credentials:save': async (input, { credentials }) => credentials.save(input),
  'credentials:clear': async (_input, { credentials }) => credentials.clear()
}
