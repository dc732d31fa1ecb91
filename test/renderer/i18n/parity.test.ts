import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { nb } from '../../../src/renderer/src/i18n/nb'
import { translationLeaves as leaves } from '../../helpers/translation-leaves'

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
