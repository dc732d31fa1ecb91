import { describe, expect, it } from 'vitest'
import { unusualRows } from '../../../src/shared/domain/plausibility'
import type { BatchDefaults, RowValues } from '../../../src/shared/domain/batches'

const defaults: BatchDefaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: '2026-12-08', weightKg: '', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' }
const rows = (values: RowValues[]) => values.map((v, i) => ({ key: String(i + 1), values: v }))

describe('unusual values in a batch ("check this")', () => {
  it('flags 60 packages to one recipient, and a weight far from the file’s usual; leaves the usual rows alone', () => {
    const file = rows([...Array.from({ length: 20 }, (_, i) => ({ weightKg: String(1 + (i % 4) * 0.5) })), { weightKg: '1,5', packageCount: '60' }, { weightKg: '276' }, { weightKg: '0,01' }])
    const flags = unusualRows(file, defaults)
    expect([...flags.keys()]).toEqual(['21', '22', '23'])
    expect(flags.get('21')).toEqual({ 'check:packageCount': ['Check this: 60 packages to one recipient'] })
    expect(flags.get('22')).toEqual({ 'check:weightKg': ["Check this: 276 kg a package, far more than this file's usual 1.5 kg"] })
    expect(flags.get('23')).toEqual({ 'check:weightKg': ["Check this: 0.01 kg a package, far less than this file's usual 1.5 kg"] })
  })

  it('a whole weight column in grams read as kilograms: every heavy row is flagged, though nothing stands out from the others', () => {
    const flags = unusualRows(rows(['1844', '976', '276', '2300', '650', '1200'].map((w) => ({ weightKg: w }))), defaults)
    expect(flags.size).toBe(6)
    expect(flags.get('3')).toEqual({ 'check:weightKg': ["Check this: 276 kg a package, and this file's weights look like grams"] })
  })

  it('a size far from the others; too few rows to compare: only the absolute rule', () => {
    const sizes = unusualRows(rows([...Array.from({ length: 8 }, () => ({ weightKg: '2' })), { weightKg: '2', lengthCm: '300' }]), defaults)
    expect(sizes.get('9')).toEqual({ 'check:lengthCm': ["Check this: 300 cm, far more than this file's usual 30 cm"] })
    expect(unusualRows(rows([{ weightKg: '2' }, { weightKg: '40' }]), defaults).size).toBe(0)
  })
})
