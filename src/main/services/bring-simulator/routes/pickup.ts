import { osloDate } from '@shared/domain/oslo-calendar'
import { z } from 'zod'
import type { SimApiModule, SimReply } from '../types'
import { addWorkingDays, isWorkingDay, nextWorkingDays } from '../calendar'

const pickupTypes = { PARCEL: ['NO'], CARGO: ['NO'], MAILBOX: ['NO'], PARCEL_INTERNATIONAL: ['SE', 'DK'] } as Record<string, string[]>
const windows: Record<string, [string, string]> = { PARCEL: ['08:00:00', '16:00:00'], PARCEL_INTERNATIONAL: ['09:00:00', '16:00:00'], CARGO: ['08:00:00', '15:00:00'], MAILBOX: ['08:00:00', '17:00:00'] }
const iso = (d: Date): string => d.toISOString().slice(0, 10)
const message = (status: number, text: string, code: string): SimReply => ({ status, body: { message: text, status: code } })

const count = z.object({ count: z.number().int().min(0), weightInGrams: z.number().int().positive('weightInGrams is required, and must be an integer larger than zero').optional(), volumeInDm3: z.number().positive().optional() })
const createSchema = z.object({
  service: z.enum(['PARCEL', 'CARGO']),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  customerInformation: z.object({ companyName: z.string().min(1, 'companyName is required'), customerNumber: z.string().min(1, 'customerNumber is required') }),
  pickupAddress: z.object({
    street: z.string().min(1, 'street is required').max(35),
    postalCode: z.string().min(1, 'postalCode is required'),
    city: z.string().min(1, 'city is required'),
    email: z.string().min(1, 'email is required').max(60, 'email can be at most 60 characters'),
    phoneNumber: z.string().min(1, 'phoneNumber is required'),
    contactName: z.string().optional(),
    message: z.string().optional(),
    deliveryInstruction: z.string().optional()
  }),
  pickupDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'pickupDate must be YYYY-MM-DD'),
  pickupDetails: z.object({ packages: count.optional(), pallets: count.optional(), postContainers: count.optional() }),
  pickupTimeZone: z.string().optional()
})

/** Pickup API: options, create (business ad hoc), modify and cancel (C2C mailbox pickups only). */
export const pickupRoutes: SimApiModule = ({ state }) => [
  {
    id: 'pickup.options',
    api: 'pickup',
    method: 'GET',
    path: '/pickup/api/pickup-options',
    handle: ({ url, now }) => {
      const q = Object.fromEntries(url.searchParams)
      const errors: { code: string; field: string; message: string }[] = []
      if (!q.type || !pickupTypes[q.type]) errors.push({ code: 'INVALID_TYPE', field: 'type', message: 'type must be PARCEL, PARCEL_INTERNATIONAL, CARGO or MAILBOX' })
      else if (!pickupTypes[q.type].includes(q.countryCode)) errors.push({ code: 'INVALID_COUNTRY', field: 'countryCode', message: `${q.type} pickup is not available in ${q.countryCode || 'that country'}` })
      if (!q.postalCode || (q.countryCode === 'NO' && !/^\d{4}$/.test(q.postalCode))) errors.push({ code: 'INVALID_POSTAL_CODE', field: 'postalCode', message: `Invalid postal code ${q.postalCode ?? ''}` })
      if (!/^\d{4}-\d{2}-\d{2}$/.test(q.shippingDate ?? '')) errors.push({ code: 'INVALID_DATE', field: 'shippingDate', message: 'shippingDate must be YYYY-MM-DD' })
      if (errors.length) return { status: 400, body: { errors } }
      let first = new Date(`${q.shippingDate}T00:00:00Z`)
      // Bring's calendar is Oslo's: at 23:30 UTC it is already tomorrow there.
      const today = new Date(`${osloDate(now)}T00:00:00Z`)
      if (first < today) first = today
      if (!isWorkingDay(first)) first = addWorkingDays(first, 1)
      const dates = [first, ...nextWorkingDays(first, Math.min(10, Number(q.numberOfAlternativePickupDates ?? 0)))]
      const [from, to] = windows[q.type]
      return {
        status: 200,
        body: {
          pickupOptions: dates.map((d) => ({ date: iso(d), from, to })),
          ...(q.customerNumber && q.type !== 'MAILBOX' ? { price: q.type === 'CARGO' ? { amountWithVAT: 750, amountWithoutVAT: 600, vat: 150 } : { amountWithVAT: 535, amountWithoutVAT: 428, vat: 107 } } : {})
        }
      }
    }
  },
  {
    id: 'pickup.create',
    api: 'pickup',
    method: 'POST',
    path: '/pickup/api/create',
    handle: ({ body, headers, account, now }) => {
      const fail = (errors: string[]): SimReply => ({ status: 400, body: { errors, pickupConfirmation: null } })
      const test = headers.get('x-bring-test-indicator')
      if (test !== 'true' && test !== 'false') return fail(['X-Bring-Test-Indicator header must be true or false'])
      const parsed = createSchema.safeParse(body)
      if (!parsed.success) return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
      const r = parsed.data
      const errors: string[] = []
      if (!account.customers.some((c) => c.customerNumber === r.customerInformation.customerNumber)) errors.push('This customer number cannot be used to order Pickup')
      if (r.service === 'CARGO' && r.countryCode !== 'NO') errors.push('CARGO pickup is only available in Norway')
      if (r.service === 'PARCEL' && !['NO', 'SE', 'DK'].includes(r.countryCode)) errors.push('PARCEL pickup is available in Norway, Sweden and Denmark')
      if (r.countryCode === 'NO' && !/^\d{4}$/.test(r.pickupAddress.postalCode)) errors.push(`Invalid postal code ${r.pickupAddress.postalCode}`)
      const date = new Date(`${r.pickupDate}T00:00:00Z`)
      if (iso(date) < osloDate(now)) errors.push('pickupDate cannot be in the past')
      else if (!isWorkingDay(date)) errors.push('Bring does not pick up on weekends or public holidays')
      const d = r.pickupDetails
      if (!((d.packages?.count ?? 0) + (d.pallets?.count ?? 0) + (d.postContainers?.count ?? 0))) errors.push('Give at least one package, pallet or post container')
      if (r.service === 'CARGO' && (!d.packages?.weightInGrams || !d.packages?.volumeInDm3)) errors.push('weightInGrams and volumeInDm3 are required for cargo pickup')
      if (errors.length) return fail(errors)
      const packageNumber = `7${String(Math.floor(Math.random() * 1e17)).padStart(17, '0')}`
      state.pickups.set(packageNumber, { kind: 'business', date: r.pickupDate, cancelled: false, customerNumber: r.customerInformation.customerNumber })
      const [from, to] = windows[r.service]
      return {
        status: 200,
        body: {
          errors: null,
          pickupConfirmation: {
            status: 'OK',
            packageNumber,
            isoFormattedEarliestPickupDateTime: `${r.pickupDate}T${from}.000+00:00`,
            isoFormattedLatestPickupDateTime: `${r.pickupDate}T${to}.000+00:00`,
            url: `https://www.mybring.com/order-pickup/receipt/${packageNumber}`
          }
        }
      }
    }
  },
  {
    id: 'pickup.modify',
    api: 'pickup',
    method: 'PUT',
    path: '/pickup/api/modify/:shipmentNumber',
    handle: ({ params, body, now }) => {
      const p = state.pickups.get(params.shipmentNumber)
      if (!p || p.cancelled) return message(404, `No pickup found for shipment number ${params.shipmentNumber}`, 'NOT_FOUND')
      if (p.kind !== 'mailbox') return message(400, 'Only mailbox pickups (VAS 1073) can be modified', 'BAD_REQUEST')
      const date = (body as { date?: unknown })?.date
      if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return message(400, 'date must be YYYY-MM-DD', 'BAD_REQUEST')
      if (date < osloDate(now)) return message(400, 'date cannot be in the past', 'BAD_REQUEST')
      if (!isWorkingDay(new Date(`${date}T00:00:00Z`))) return message(400, 'No pickups on weekends or public holidays', 'BAD_REQUEST')
      p.date = date
      return { status: 200, body: { status: 'ACCEPTED', message: `Pickup moved to ${date}` } }
    }
  },
  {
    id: 'pickup.cancel',
    api: 'pickup',
    method: 'DELETE',
    path: '/pickup/api/cancel/:shipmentNumber',
    handle: ({ params }) => {
      const p = state.pickups.get(params.shipmentNumber)
      if (!p || p.cancelled) return message(404, `No pickup found for shipment number ${params.shipmentNumber}`, 'NOT_FOUND')
      if (p.kind !== 'mailbox') return message(400, 'Only mailbox pickups (VAS 1073) can be cancelled', 'BAD_REQUEST')
      p.cancelled = true
      return { status: 200, body: { status: 'ACCEPTED', message: 'Pickup cancelled' } }
    }
  }
]
