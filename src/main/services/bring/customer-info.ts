import { z } from 'zod'
import { customerSchema, type Customer } from '@shared/domain/customers'
import type { BringHttp } from './bring-http'

const customersResponse = z.object({ customers: z.array(customerSchema) })

/** GET /customer-info/customers: every customer number the API user may use, with its products. */
export async function listCustomers(http: BringHttp): Promise<Customer[]> {
  const res = await http({
    api: 'customerInfo',
    method: 'GET',
    path: '/customer-info/customers',
    schema: customersResponse,
    idempotent: true
  })
  return res.customers
}
