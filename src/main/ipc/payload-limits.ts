/** Bounds on what one IPC call may carry, checked before any schema sees it. */
export const payloadLimits = { maxBytes: 1_000_000, maxDepth: 32, maxNodes: 50_000 }

/**
 * Walks a structured-clone payload without recursion (a 10,000-deep object cannot overflow the
 * stack) and stops at the first limit crossed. Returns what was too large, or null.
 */
export function payloadProblem(raw: unknown, limits = payloadLimits): string | null {
  let bytes = 0
  let nodes = 0
  const stack: [unknown, number][] = [[raw, 0]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (++nodes > limits.maxNodes) return `more than ${limits.maxNodes} values`
    if (typeof value === 'string') bytes += value.length * 2
    else if (typeof value === 'object' && value !== null) {
      if (depth >= limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels`
      for (const [key, child] of Object.entries(value)) {
        bytes += key.length * 2
        stack.push([child, depth + 1])
      }
    } else bytes += 8
    if (bytes > limits.maxBytes) return `more than ${Math.round(limits.maxBytes / 1000)} kB`
  }
  return null
}
