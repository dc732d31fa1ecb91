import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract } from '../../src/shared/ipc/contract'
import { channels } from '../../src/shared/ipc/channels'

// The window must never name a file for main to open or read: main chooses files in its own picker
// and keeps them (backups, the receiver's certificate and key, the shared database's CA file). This
// walks every channel's input schema, leaf by leaf, and fails on any field that takes a file's path.

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType }
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def

/** Every string leaf of a schema, by its path ("form.recipient.name"). */
function stringLeaves(schema: z.ZodType, at: string[] = [], open = new Set<z.ZodType>()): string[] {
  // Only a schema that contains itself is cut short; one used in two places (sender and recipient) is walked in both.
  if (open.has(schema)) return []
  open.add(schema)
  try {
    return leavesOf(schema, at, open)
  } finally {
    open.delete(schema)
  }
}

function leavesOf(schema: z.ZodType, at: string[], seen: Set<z.ZodType>): string[] {
  const d = defOf(schema)
  const inner = (s: z.ZodType | undefined, key?: string): string[] => (s ? stringLeaves(s, key === undefined ? at : [...at, key], seen) : [])
  switch (d.type) {
    case 'string':
      return [at.join('.')]
    case 'object':
      return Object.entries(d.shape ?? {}).flatMap(([k, v]) => inner(v, k))
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(d.innerType)
    case 'pipe':
      return [...inner(d.in), ...inner(d.out)]
    case 'array':
      return inner(d.element, '[]')
    case 'record':
      return inner(d.valueType, '*')
    case 'union':
      return (d.options ?? []).flatMap((o) => inner(o))
    case 'intersection':
      return [...inner(d.left), ...inner(d.right)]
    default:
      return []
  }
}

/** A field whose name says it holds a file, folder or path. */
const pathLike = /(^|\.)([a-z]*(file|path|dir|directory|folder)s?)$/i

describe('no IPC input names a file for main to read', () => {
  it('walks every channel: no input field is a file, folder or path', () => {
    const leaves = channels.flatMap((c) => stringLeaves(contract[c].input as z.ZodType).map((leaf) => `${c} ${leaf}`))
    // The walk reaches into the contract (a broken walker would find nothing and pass).
    expect(leaves).toContain('booking:submit form.recipient.name')
    expect(leaves.length).toBeGreaterThan(150)
    expect(leaves.filter((l) => pathLike.test(l.split(' ')[1]))).toEqual([])
  })

  it('the channels that deal with files take none: the receiver’s certificate and key, the CA file, a backup are main’s choice', () => {
    const absolute = ['/etc/shadow', '/proc/self/environ', 'C:\\Windows\\win.ini', '../../etc/passwd']
    for (const p of absolute) {
      expect(contract['receiver:configure'].input.safeParse({ enabled: true, certFile: p, keyFile: p }).success).toBe(false)
      expect(contract['sharedDb:test'].input.safeParse({ url: 'postgres://u@h:5432/d', tls: true, caFile: p }).success).toBe(false)
      expect(contract['sharedDb:save'].input.safeParse({ url: 'postgres://u@h:5432/d', tls: true, caFile: p }).success).toBe(false)
    }
  })
})
