import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

// The house rule for the renderer, checked the way CI checks it: through the project's own ESLint config.
const eslint = new ESLint({ cwd: process.cwd() })

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message)
}

describe('renderer feature boundaries (lint)', () => {
  it('fails when one feature imports another feature', async () => {
    const errors = await boundaryErrors('src/renderer/src/features/book/Cross.tsx', "import { useQuoteStore } from '../quote/useQuoteStore'\nexport const x = useQuoteStore\n")
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('features/book must not import another feature')
  })

  it('fails when shared components or app state import a feature, also through the alias', async () => {
    const fromComponent = await boundaryErrors('src/renderer/src/components/Cross.tsx', "import { fromShipment } from '@renderer/features/book/form-values'\nexport const x = fromShipment\n")
    const fromState = await boundaryErrors('src/renderer/src/state/cross.ts', "import { usePickupsStore } from '../features/pickups/usePickupsStore'\nexport const x = usePickupsStore\n")
    expect(fromComponent).toHaveLength(1)
    expect(fromState).toHaveLength(1)
  })

  it('allows a feature its own files, app state, shared components and lib', async () => {
    const errors = await boundaryErrors(
      'src/renderer/src/features/book/Fine.tsx',
      [
        "import { fromShipment } from './form-values'",
        "import { useSettingsStore } from '../../state/useSettingsStore'",
        "import { ShipmentCard } from '../../components/ShipmentCard'",
        "import { call } from '../../lib/ipc'",
        'export const x = [fromShipment, useSettingsStore, ShipmentCard, call]'
      ].join('\n')
    )
    expect(errors).toEqual([])
  })
})

describe('main store boundaries (lint)', () => {
  it('fails when the PostgreSQL engine or a store interface imports the SQLite engine', async () => {
    const fromPostgres = await boundaryErrors('src/main/services/store/postgres/cross.ts', "import { summaryColumns } from '../sqlite/shipments-repo'\nexport const x = summaryColumns\n")
    const fromPort = await boundaryErrors('src/main/services/store/shipments.ts', "import type { Db } from './sqlite/db'\nexport type X = Db\n")
    expect(fromPostgres).toEqual([expect.stringContaining('PostgreSQL engine must not import the SQLite engine')])
    expect(fromPort).toEqual([expect.stringContaining('store interface must not import an engine')])
  })

  it('allows either engine the store interfaces', async () => {
    const errors = await boundaryErrors('src/main/services/store/postgres/fine.ts', "import { summaryFields } from '../shipments'\nimport { TOTAL_CAP } from '../engine'\nexport const x = [summaryFields, TOTAL_CAP]\n")
    expect(errors).toEqual([])
  })
})
