import { useEffect, useState, type KeyboardEvent } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { BookingFormValues } from '@shared/domain/booking'
import { completePostalCode, lockerMisfit, type PickupPoint, type PickupPointsAnswer } from '@shared/domain/addresses'
import { pickupPointServiceFor } from '@shared/catalogue/additional-services'
import { call } from '../../lib/ipc'
import { pickupPointValues } from './form-values'

/** "Storgata 12B" → street and number, as Bring recommends sending them. */
function streetAndNumber(addressLine: string): { street?: string; streetNumber?: string } {
  const m = /^(.*\D)\s+(\d+\s?[A-Za-z]?)$/.exec(addressLine.trim())
  return m ? { street: m[1].trim(), streetNumber: m[2].replace(/\s/g, '') } : addressLine.trim() ? { street: addressLine.trim() } : {}
}

/**
 * For a service that delivers to a pickup point: the ten nearest to the recipient, nearest first, with
 * "Bring chooses" as the default. ↑/↓ and Enter choose; a locker the packages do not fit is shown but
 * cannot be chosen, with the reason. The choice is Bring's "Optional pickup point" service and its id.
 */
export function PickupPointPicker() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'nb' ? 'nb' : 'en'
  const { control, setValue, getValues, register, formState } = useFormContext<BookingFormValues>()
  const [productId, countryCode, postalCode, addressLine, packages, chosenId] = useWatch({
    control,
    name: ['productId', 'recipient.countryCode', 'recipient.postalCode', 'recipient.addressLine', 'packages', 'pickupPointId']
  })
  const service = productId ? pickupPointServiceFor(productId) : undefined
  const code = completePostalCode(countryCode ?? 'NO', postalCode ?? '')
  const [answer, setAnswer] = useState<PickupPointsAnswer | null>(null)
  const [active, setActive] = useState(0)

  useEffect(() => {
    if (!service || !code) return setAnswer(null)
    let current = true
    void call('addresses:pickupPoints', { countryCode: countryCode ?? 'NO', postalCode: code, ...streetAndNumber(addressLine ?? '') })
      .then((a) => current && setAnswer(a))
      .catch(() => current && setAnswer({ status: 'unavailable' }))
    return () => {
      current = false
    }
  }, [service, code, countryCode, addressLine])

  if (!service) return null
  const points = answer?.status === 'found' ? answer.points : []
  const misfit = (p: PickupPoint) => (p.kind === 'locker' ? lockerMisfit(p.maxParcelDimensions, (packages ?? []) as { lengthInCm?: number; widthInCm?: number; heightInCm?: number }[]) : null)
  const options: (PickupPoint | null)[] = [null, ...points]

  const listed = (p: PickupPoint) => ({ id: p.id, name: `${p.name}, ${p.visitingAddress}, ${p.visitingPostalCode} ${p.visitingCity}` })
  /** A listed point is kept by its name and visiting address; an id typed while Bring could not be asked, by the id. */
  const choose = (p: { id: string; name: string } | null): void => {
    const v = pickupPointValues(productId, getValues('additionalServices') ?? [], p)
    setValue('additionalServices', v.additionalServices, { shouldDirty: true })
    setValue('pickupPointId', v.pickupPointId, { shouldDirty: true, shouldValidate: formState.isSubmitted })
    setValue('pickupPointName', v.pickupPointName, { shouldDirty: true })
  }
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))))
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      const p = options[active]
      if (!p || !misfit(p)) choose(p && listed(p))
    }
  }
  const optionId = (i: number) => `pickup-point-option-${i}`
  const chosenIndex = chosenId ? options.findIndex((p) => p?.id === chosenId) : 0

  return (
    <fieldset className="card pickup-point-picker" data-testid="pickup-point-picker">
      <legend>{t('book.pickupPointPicker.title')}</legend>
      {answer === null && code && <p className="muted small">{t('book.pickupPointPicker.loading')}</p>}
      {!code && <p className="muted small">{t('book.pickupPointPicker.needPostalCode')}</p>}
      {answer?.status === 'none' && <p className="muted small">{t('book.pickupPointPicker.none')}</p>}
      {answer?.status === 'unavailable' && (
        <div className="field">
          <p className="muted small">{t('book.pickupPointPicker.unavailable')}</p>
          <label htmlFor="pickupPointId">{t('book.pickupPoint')}</label>
          <input id="pickupPointId" maxLength={20} {...register('pickupPointId')} onChange={(e) => choose(e.target.value ? { id: e.target.value, name: e.target.value } : null)} />
        </div>
      )}
      {(answer?.status === 'found' || chosenIndex > 0) && (
        <ul role="listbox" tabIndex={0} aria-label={t('book.pickupPointPicker.title')} aria-activedescendant={optionId(active)} onKeyDown={onKeyDown} className="pickup-points">
          {options.map((p, i) => {
            const reason = p ? misfit(p) : null
            return (
              <li
                key={p?.id ?? 'bring'}
                id={optionId(i)}
                role="option"
                aria-selected={i === (chosenIndex < 0 ? 0 : chosenIndex)}
                aria-disabled={reason ? true : undefined}
                className={[i === active ? 'active' : '', reason ? 'disabled' : ''].filter(Boolean).join(' ')}
                onClick={() => {
                  setActive(i)
                  if (!reason) choose(p && listed(p))
                }}
                data-testid="pickup-point-option"
              >
                {p ? (
                  <>
                    <strong>{p.name}</strong> <span className="badge">{t(`book.pickupPointPicker.${p.kind}`)}</span>
                    {p.distanceKm !== null && <span className="muted"> · {t('book.pickupPointPicker.distance', { km: p.distanceKm.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB') })}</span>}
                    <div className="small muted">
                      {p.visitingAddress}, {p.visitingPostalCode} {p.visitingCity} · {p.openingHours[lang]}
                    </div>
                    {reason && <div className="small">{t('book.pickupPointPicker.tooBig', { package: reason.package, sides: reason.sides.join(' × '), max: reason.max.join(' × ') })}</div>}
                  </>
                ) : (
                  <strong>{t('book.pickupPointPicker.bringChooses')}</strong>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {formState.errors.pickupPointId?.message && <p className="error" role="alert">{formState.errors.pickupPointId.message}</p>}
    </fieldset>
  )
}
