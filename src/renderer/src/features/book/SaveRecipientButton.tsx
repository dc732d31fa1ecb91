import { useRef, useState } from 'react'
import { useFormContext } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { bookingPackageSchema, type BookingFormValues } from '@shared/domain/booking'
import { call, errorMessage } from '../../lib/ipc'
import { focusFirstInvalid } from '../../lib/focus'

/** "Save recipient": the recipient as typed, with this form's customer number, service and parcel. */
export function SaveRecipientButton() {
  const { t } = useTranslation()
  const { getValues, trigger } = useFormContext<BookingFormValues>()
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const tools = useRef<HTMLDivElement>(null)

  const save = async (): Promise<void> => {
    if (!(await trigger('recipient'))) {
      // The recipient's card is the one just above these tools.
      focusFirstInvalid(tools.current?.parentElement ?? null)
      return setStatus(null)
    }
    const v = getValues()
    const packages = bookingPackageSchema.array().max(99).safeParse(v.packages)
    try {
      await call('addressBook:save', {
        entry: { kind: 'recipient', party: v.recipient, preferred: { customerNumber: v.customerNumber, productId: v.productId, packages: packages.success ? packages.data : undefined, ...(v.pickupPointId ? { pickupPoint: { id: String(v.pickupPointId), name: String(v.pickupPointName || v.pickupPointId) } } : {}) } }
      })
      setStatus({ ok: true, text: t('book.recipientSaved') })
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) })
    }
  }

  return (
    <div className="party-tools" ref={tools}>
      <button type="button" className="link" onClick={() => void save()} data-testid="save-recipient">
        {t('book.saveRecipient')}
      </button>
      {status && (
        <span className={status.ok ? 'muted small' : 'error small'} role="status">
          {status.text}
        </span>
      )}
    </div>
  )
}
