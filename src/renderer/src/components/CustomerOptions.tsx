import type { Customer } from '@shared/domain/customers'

/** The <option>s of a customer-number select: "5 · Demo customer (00000000005)". */
export function CustomerOptions({ customers }: { customers: Customer[] }) {
  return (
    <>
      {customers.map((c) => (
        <option key={c.customerNumber} value={c.customerNumber}>
          {c.customerNumber} · {c.name}
        </option>
      ))}
    </>
  )
}
