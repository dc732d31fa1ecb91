import { describe, expect, it } from 'vitest'
import i18n from '../../../src/renderer/src/i18n'

describe('numbers in messages are written the UI language’s way', () => {
  it('the over-limit import message: 100 000 and 5 000 in Norwegian, 100,000 and 5,000 in English', () => {
    const params = { rows: 100_000, max: 5_000 }
    expect(i18n.t('import.problem.tooManyRows', { ...params, lng: 'nb' }).replace(/\s/g, ' ')).toBe('Filen har 100 000 rader; én import tar høyst 5 000. Del den opp i mindre filer.')
    expect(i18n.t('import.problem.tooManyRows', { ...params, lng: 'en' })).toBe('The file has 100,000 rows; one import takes at most 5,000. Split it into smaller files.')
  })
})
