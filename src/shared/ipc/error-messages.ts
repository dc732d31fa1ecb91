/**
 * English templates of the errors main reports in fixed words. Main sends the rendered text plus
 * the key and params, so the renderer can show the same error in the user's language (i18next uses
 * the same {{param}} syntax; en.ts takes these very strings).
 */
export const errorTemplates = {
  auth: 'Bring rejected the API user or key. Check them in Settings.',
  unreachable: "Can't reach Bring. Check your internet connection and try again.",
  connectionLost: 'The connection to Bring was cut off before an answer arrived.',
  timeout: 'Bring did not answer within {{seconds}} seconds.',
  server: 'Bring is having problems (HTTP {{status}}). Try again in a few minutes.',
  serverAnswered: 'Bring answered with an error (HTTP {{status}}).',
  rateLimited: 'Bring is receiving too many requests from Fraktdesk. Try again in {{seconds}} seconds.',
  notJson: 'Bring sent an answer Fraktdesk could not read (not valid JSON).',
  notFound: 'Bring could not find what was asked for (HTTP 404).',
  unexpected: 'Bring answered with an unexpected status (HTTP {{status}}).',
  noCredentials: 'Add your Mybring API user and API key in Settings first.',
  forbiddenSender: 'This window is not allowed to talk to Fraktdesk.',
  batchLive: '{{count}} real shipments at real cost. Confirm to book them with Bring live.',
  internal: 'Something went wrong inside Fraktdesk. Your input was kept; please try again.',
  sharedDbUnreachable: 'The shared database cannot be reached right now, so this could not be done. Fraktdesk reconnects by itself; check that the database server and the network are up.',
  databaseDamaged: 'Part of the shipment history could not be read: the file is damaged. Restart Fraktdesk: it checks the file and offers to recover what it can (the damaged file is kept).',
  notSentHeaders: 'Nothing was sent to Bring: the API user or client URL in Settings contains characters that cannot be sent. Correct them in Settings, then send again.',
  labelOtherBringUser: 'This label can only be fetched by a desk signed in as the Bring API user that booked it (desk “{{desk}}”). Print it there, or sign in here as that user.'
} as const
export type ErrorKey = keyof typeof errorTemplates
export type ErrorParams = Record<string, string | number>

export function renderError(key: ErrorKey, params: ErrorParams = {}): string {
  return errorTemplates[key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''))
}
