import { z } from 'zod'

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(120_000) }),
  z.object({ kind: z.literal('status'), status: z.number().int().min(400).max(599), retryAfter: z.string().optional() }),
  /** Never answer; with afterHandling the request is processed first (booking accepted, answer lost). */
  z.object({ kind: z.literal('timeout'), afterHandling: z.boolean().optional() }),
  /** Drop the TCP connection; with afterHandling the request is processed first. */
  z.object({ kind: z.literal('reset'), afterHandling: z.boolean().optional() }),
  /** 200 with a body that is not JSON. */
  z.object({ kind: z.literal('malformed') })
])
export type Fault = z.infer<typeof faultSchema>

export const faultRuleSchema = z.object({
  routeId: z.string().min(1),
  fault: faultSchema,
  /** How many matching requests get the fault; omitted means every one until cleared. */
  times: z.number().int().positive().optional()
})
export type FaultRule = z.infer<typeof faultRuleSchema>

export interface FaultBook {
  add(rule: FaultRule): void
  clear(): void
  /** The fault for this request, consuming one use of a counted rule. */
  take(routeId: string): Fault | undefined
}

export function createFaultBook(): FaultBook {
  let rules: FaultRule[] = []
  return {
    add: (rule) => void rules.push(faultRuleSchema.parse(rule)),
    clear: () => void (rules = []),
    take(routeId) {
      const rule = rules.find((r) => r.routeId === routeId || r.routeId === '*')
      if (!rule) return undefined
      if (rule.times !== undefined) {
        rule.times -= 1
        if (rule.times <= 0) rules = rules.filter((r) => r !== rule)
      }
      return rule.fault
    }
  }
}
