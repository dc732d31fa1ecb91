/** Every text of a translation tree, as "a.b.c" → text (en.ts / nb.ts). */
export function translationLeaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of translationLeaves(value as object, path)) out.set(k, v)
  }
  return out
}
