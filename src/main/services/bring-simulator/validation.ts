import type { z } from 'zod'
import type { SimReply } from './types'

/** Bring-style 400 listing each invalid field; used by every simulator route that takes a body. */
export function fieldErrorsReply(error: z.ZodError): SimReply {
  return {
    status: 400,
    body: {
      fieldErrors: error.issues.map((i) => ({
        field: i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '').replace(/\.\[/g, '['),
        code: 'INVALID_FIELD',
        message: i.message
      }))
    }
  }
}
