import { describe, expect, it } from 'vitest'
import { migrations } from '../../../../../src/main/services/store/sqlite/migrations'

describe('SQLite migrations', () => {
  it('are numbered by their position (a file records how many ran, so one inserted in the middle would be skipped on upgrade)', () => {
    expect(migrations.map((m) => Number(m.name.slice(0, 4)))).toEqual(migrations.map((_, i) => i + 1))
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length)
  })
})

describe('0016_rows_held on a file with batches from before it', () => {
  it('marks why each row is held: not, only to check an unusual value, or a problem to fix', async () => {
    const { default: Database } = await import('better-sqlite3')
    const { registerSearchTokens } = await import('../../../../../src/main/services/store/sqlite/search-tokens')
    const db = new Database(':memory:')
    registerSearchTokens(db)
    const at = migrations.findIndex((m) => m.name === '0016_rows_held')
    for (const m of migrations.slice(0, at)) db.exec(m.sql)
    db.prepare(`INSERT INTO batches (id, created_at, updated_at, name, mode, run_state, defaults_json) VALUES ('b', 'x', 'x', 'B', 'test', 'idle', '{}')`).run()
    const problems = [null, { 'check:weightKg': ['Far heavier'] }, { 'check:weightKg': ['Far heavier'], postalCode: ['Four digits'] }, { postalCode: ['Four digits'] }, {}]
    problems.forEach((p, i) => db.prepare(`INSERT INTO batch_rows (id, batch_id, row_no, client_request_id, values_json, problems_json, updated_at) VALUES (?, 'b', ?, ?, '{}', ?, 'x')`).run(`r${i}`, i + 1, `c${i}`, p ? JSON.stringify(p) : null))
    db.exec(migrations[at].sql)
    expect(db.prepare('SELECT id, held FROM batch_rows ORDER BY row_no').all()).toEqual([
      { id: 'r0', held: 0 },
      { id: 'r1', held: 1 },
      { id: 'r2', held: 2 },
      { id: 'r3', held: 2 },
      { id: 'r4', held: 2 }
    ])
  })
})
