import type { SimApiModule } from '../types'

/** GET /customer-info/customers — the customers of the calling API user. */
export const customerInfoRoutes: SimApiModule = () => [
  {
    id: 'customer-info.customers',
    api: 'customerInfo',
    method: 'GET',
    path: '/customer-info/customers',
    handle: ({ account }) => ({ status: 200, body: { customers: account.customers } })
  }
]
