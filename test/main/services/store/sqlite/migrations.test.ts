import { describe, expect, it } from 'vitest'
import { migrations } from '../../../../../src/main/services/store/sqlite/migrations'

describe('SQLite migrations', () => {
  it('are numbered by their position (a file records how many ran, so one inserted in the middle would be skipped on upgrade)', () => {
    expect(migrations.map((m) => Number(m.name.slice(0, 4)))).toEqual(migrations.map((_, i) => i + 1))
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length)
  })
})
