import { zodResolver } from '@hookform/resolvers/zod'
import type { FieldValues, Resolver } from 'react-hook-form'
import { localizePhrase } from '@shared/domain/phrases-nb'

/** zodResolver whose messages come out in the UI language (see phrases-nb.ts). */
export const localizedResolver: typeof zodResolver = ((...args: Parameters<typeof zodResolver>) => {
  const resolve = zodResolver(...args) as Resolver<FieldValues>
  return async (...call: Parameters<Resolver<FieldValues>>) => {
    const result = await resolve(...call)
    return { ...result, errors: localizeErrors(result.errors) }
  }
}) as typeof zodResolver

function localizeErrors<T>(node: T): T {
  if (Array.isArray(node)) return node.map(localizeErrors) as T
  if (!node || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node)) {
    // react-hook-form keeps the element in `ref`: leave it as it is.
    out[k] = k === 'message' && typeof v === 'string' ? localizePhrase(v) : k === 'ref' ? v : localizeErrors(v)
  }
  return out as T
}
