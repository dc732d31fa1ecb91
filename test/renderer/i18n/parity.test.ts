import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { nb } from '../../../src/renderer/src/i18n/nb'

/** Every leaf as "a.b.c" → text. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v)
  }
  return out
}
const params = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()

describe('translations: English and Norwegian say the same things', () => {
  const e = leaves(en)
  const n = leaves(nb)

  it('have the same keys (a key in one language only shows up as a raw key or in English)', () => {
    expect([...n.keys()].filter((k) => !e.has(k))).toEqual([])
    expect([...e.keys()].filter((k) => !n.has(k))).toEqual([])
  })

  it('use the same {{placeholders}} in every text, and no text is empty', () => {
    const mismatched = [...e].filter(([k, text]) => JSON.stringify(params(text)) !== JSON.stringify(params(n.get(k) ?? '')))
    expect(mismatched.map(([k]) => k)).toEqual([])
    expect([...e, ...n].filter(([, text]) => text.trim() === '').map(([k]) => k)).toEqual([])
  })

  it('Norwegian texts have no ".." and no untranslated copies of long English sentences', () => {
    expect([...n].filter(([, text]) => /(^|[^.])\.\.($|[^.])/.test(text)).map(([k]) => k)).toEqual([])
    const copied = [...n].filter(([k, text]) => text === e.get(k) && text.split(' ').length >= 4)
    expect(copied.map(([k]) => k)).toEqual([])
  })
})
