import { describeProduct, isBookable } from '@shared/catalogue/products'
import type { Customer } from '@shared/domain/customers'

/** The services a customer number can book, named in the UI language. */
export const bookableProducts = (customer: Customer | undefined, lang: string) => (customer?.products ?? []).filter(isBookable).map((id) => describeProduct(id, lang === 'nb' ? 'nb' : 'en'))

/** The <option>s of a service select: "Pickup parcel (5800)". */
export function ProductOptions({ products }: { products: { id: string; name: string }[] }) {
  return (
    <>
      <option value="">—</option>
      {products.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} ({p.id})
        </option>
      ))}
    </>
  )
}
