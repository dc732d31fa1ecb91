import type { Customer } from '@shared/domain/customers'

/** Customers 5 and 6 exactly as in Bring's Customer Info example; 7 is a cargo customer added for pickups. */
export const demoCustomers: Customer[] = [
  {
    countryCode: 'NO',
    customerNumber: '5',
    name: 'Demo customer (00000000005)',
    products: [
      '3570', '3584', '4850', '5000', '5600', '5800', '9000', '9300', '9600', '9650',
      'BUSINESS_HALFPALLET', 'BUSINESS_PALLET', 'BUSINESS_PARCEL', 'BUSINESS_PARCEL_BULK',
      'BUSINESS_QUARTERPALLET', 'EXPRESS_NORDIC_0900', 'EXPRESS_NORDIC_0900_BULK',
      'HOME_DELIVERY_PARCEL', 'PICKUP_PARCEL', 'PICKUP_PARCEL_BULK', '0344'
    ]
  },
  {
    countryCode: 'SE',
    customerNumber: '6',
    name: 'Demo customer (00000000006)',
    products: [
      '0345', 'BUSINESS_HALFPALLET', 'BUSINESS_PALLET', 'BUSINESS_PARCEL', 'BUSINESS_PARCEL_BULK',
      'BUSINESS_QUARTERPALLET', 'EXPRESS_NORDIC_0900', 'EXPRESS_NORDIC_0900_BULK',
      'HOME_DELIVERY_PARCEL', 'PICKUP_PARCEL', 'PICKUP_PARCEL_BULK', '0344'
    ]
  },
  {
    countryCode: 'NO',
    customerNumber: '7',
    name: 'Demo cargo customer (00000000007)',
    products: ['5100', '5400', '5200', '5300', '9100', '3584', '5800', '5900']
  }
]

/** Credentials the built-in sandbox uses; they open only the simulator, never Bring. */
export const sandboxAccount = {
  apiUid: 'sandbox@fraktdesk.local',
  apiKey: 'fraktdesk-sandbox-key',
  customers: demoCustomers
}
