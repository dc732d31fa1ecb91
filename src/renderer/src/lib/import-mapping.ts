import type { RowField } from '@shared/domain/batches'
import { call } from './ipc'

/** The column mapping remembered per CSV header set, for every CSV import (address book, batches). */
export const importMapping = {
  load: (headers: string[]) => call('imports:mappingGet', { headers }),
  save: async (headers: string[], mapping: (RowField | null)[]): Promise<void> => void (await call('imports:mappingSet', { headers, mapping }))
}
