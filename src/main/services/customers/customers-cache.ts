import path from 'node:path'
import { z } from 'zod'
import { customerSchema, type Customer } from '@shared/domain/customers'
import { writeFileAtomic } from '../fs/atomic-write'
import { readJsonFile } from '../fs/json-file'

const cacheSchema = z.object({ key: z.string(), fetchedAt: z.string(), customers: z.array(customerSchema) })
export type CustomersCacheEntry = z.infer<typeof cacheSchema>

/** Last Customer Info answer per mode + API user, so the Customers screen opens instantly offline. */
export function createCustomersCache(userDataDir: string) {
  const file = path.join(userDataDir, 'customers-cache.json')
  return {
    async read(key: string): Promise<CustomersCacheEntry | null> {
      // A missing or unreadable cache only means one more network call.
      const entry = await readJsonFile(file, cacheSchema).catch(() => null)
      return entry && entry !== 'corrupt' && entry.key === key ? entry : null
    },
    async write(key: string, customers: Customer[], fetchedAt: string): Promise<void> {
      await writeFileAtomic(file, JSON.stringify({ key, fetchedAt, customers }))
    }
  }
}
export type CustomersCache = ReturnType<typeof createCustomersCache>
