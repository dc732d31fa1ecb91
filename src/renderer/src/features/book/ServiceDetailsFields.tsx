import { useEffect } from 'react'
import { useFieldArray, useFormContext, useWatch, type FieldErrors } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { BookingFormValues } from '@shared/domain/booking'
import type { ServiceDetails } from '@shared/domain/service-details'
import { bookingServiceRule, DANGEROUS_GOODS_MAX, limitedQuantitiesByBoat, SERVICE_MESSAGE_MAX, type ServiceField } from '@shared/catalogue/booking-services'
import { vasName } from '@shared/catalogue/additional-services'
import type { Language } from '@shared/domain/settings'
import { Field } from '../../components/Field'

const messageFields = ['deliveryIndoorMessage', 'unattendedDeliveryMessage', 'desktopDeliveryMessage'] as const
const emptyDangerousGoodsLine = { unNumber: '', commodity: '', weightInGrams: '' as unknown as number, packingGroup: undefined, dangerClass: '', safetyMarkCode: '', tunnelRestrictionCode: '', containerId: '' }

/**
 * The values the chosen additional services carry (see catalogue/booking-services.ts), each field shown
 * only while a service that needs it is chosen, and cleared when none is: nothing hidden is checked or sent.
 */
export function ServiceDetailsFields() {
  const { t, i18n } = useTranslation()
  const lang = (i18n.language === 'nb' ? 'nb' : 'en') as Language
  const { register, control, setValue, formState } = useFormContext<BookingFormValues>()
  const [chosen, senderCountry, recipientCountry] = useWatch({ control, name: ['additionalServices', 'sender.countryCode', 'recipient.countryCode'] })
  const byField = new Map<ServiceField, string[]>()
  for (const id of chosen ?? []) {
    const field = bookingServiceRule(id)?.field
    if (field) byField.set(field, [...(byField.get(field) ?? []), id])
  }
  const shown = (field: ServiceField): boolean => byField.has(field)
  const names = (field: ServiceField): string => (byField.get(field) ?? []).map((id) => vasName(id, lang)).join(', ')
  const errors = (formState.errors.serviceDetails ?? {}) as FieldErrors<ServiceDetails>

  // A field no chosen service needs is emptied: its old value is neither checked nor sent.
  const shownKey = [...byField.keys()].sort().join(',')
  useEffect(() => {
    const shownSet = new Set(shownKey.split(','))
    const opts = { shouldValidate: false }
    for (const f of messageFields) if (!shownSet.has(f)) setValue(`serviceDetails.${f}`, undefined, opts)
    if (!shownSet.has('notificationContact')) {
      setValue('serviceDetails.notificationEmail', undefined, opts)
      setValue('serviceDetails.notificationMobile', undefined, opts)
    }
    if (!shownSet.has('limitedQuantitiesGrossWeightG')) setValue('serviceDetails.limitedQuantitiesGrossWeightG', undefined, opts)
    if (!shownSet.has('deliveryDateTime')) setValue('serviceDetails.deliveryDateTime', undefined, opts)
    if (!shownSet.has('itemCount')) setValue('serviceDetails.itemCount', undefined, opts)
    if (!shownSet.has('dangerousGoods')) setValue('serviceDetails.dangerousGoods', [], opts)
    if (!shownSet.has('installationDetails')) setValue('serviceDetails.installationDetails', [], opts)
    if (!shownSet.has('pickupPoint')) {
      setValue('pickupPointId', '', opts)
      setValue('pickupPointName', '', opts)
    }
  }, [shownKey, setValue])

  // Cash on delivery has its own fields, the pickup point its picker.
  if ([...byField.keys()].every((f) => f === 'cashOnDelivery' || f === 'pickupPoint')) return null
  return (
    <fieldset className="service-details" aria-label={t('book.details.title')} data-testid="service-details">
      <span className="small-legend">{t('book.details.title')}</span>
      {messageFields.filter(shown).map((f) => (
        <Field key={f} id={`sd-${f}`} label={t('book.details.message', { service: names(f) })} help={t('book.details.messageHelp', { max: SERVICE_MESSAGE_MAX })} error={errors[f]?.message}>
          <input id={`sd-${f}`} maxLength={SERVICE_MESSAGE_MAX} {...register(`serviceDetails.${f}`)} />
        </Field>
      ))}
      {shown('notificationContact') && (
        <div className="row">
          <Field id="sd-notificationEmail" label={t('book.details.notifyEmail')} help={t('book.details.notifyHelp')} error={errors.notificationEmail?.message}>
            <input id="sd-notificationEmail" type="email" maxLength={60} {...register('serviceDetails.notificationEmail')} />
          </Field>
          <Field id="sd-notificationMobile" label={t('book.details.notifyMobile')} error={errors.notificationMobile?.message}>
            <input id="sd-notificationMobile" inputMode="tel" maxLength={20} {...register('serviceDetails.notificationMobile')} />
          </Field>
        </div>
      )}
      {shown('deliveryDateTime') && (
        <Field id="sd-deliveryDateTime" label={t('book.details.deliveryDateTime', { service: names('deliveryDateTime') })} error={errors.deliveryDateTime?.message}>
          <input id="sd-deliveryDateTime" type="datetime-local" {...register('serviceDetails.deliveryDateTime')} />
        </Field>
      )}
      {shown('limitedQuantitiesGrossWeightG') && (
        <Field
          id="sd-lqWeight"
          label={t('book.details.lqWeight')}
          help={limitedQuantitiesByBoat(senderCountry ?? '', recipientCountry ?? '') ? t('book.details.lqByBoat') : t('book.details.lqOptional')}
          error={errors.limitedQuantitiesGrossWeightG?.message}
        >
          <input id="sd-lqWeight" inputMode="numeric" {...register('serviceDetails.limitedQuantitiesGrossWeightG')} />
        </Field>
      )}
      {shown('itemCount') && (
        <Field id="sd-itemCount" label={t('book.details.itemCount', { service: names('itemCount') })} error={errors.itemCount?.message}>
          <input id="sd-itemCount" inputMode="numeric" {...register('serviceDetails.itemCount')} />
        </Field>
      )}
      {shown('installationDetails') && <InstallationLines />}
      {shown('dangerousGoods') && <DangerousGoodsLines />}
    </fieldset>
  )
}

/** A list of lines a service carries (dangerous goods, installation details): never empty while it is shown. */
function useServiceLines<N extends 'dangerousGoods' | 'installationDetails'>(name: N, emptyLine: ServiceDetails[N][number]) {
  const { register, control, formState } = useFormContext<BookingFormValues>()
  const lines = useFieldArray({ control, name: `serviceDetails.${name}` as 'serviceDetails.dangerousGoods' })
  const errors = (formState.errors.serviceDetails as FieldErrors<ServiceDetails> | undefined)?.[name]
  const { fields, append } = lines
  useEffect(() => {
    if (fields.length === 0) append(emptyLine as never, { shouldFocus: false })
  }, [fields.length, append, emptyLine])
  return { register, ...lines, append: () => append(emptyLine as never), errors }
}

const emptyInstallationLine = { numberOfItems: 1, code: '' }

function DangerousGoodsLines() {
  const { t } = useTranslation()
  const { register, fields, append, remove, errors: lineErrors } = useServiceLines('dangerousGoods', emptyDangerousGoodsLine as ServiceDetails['dangerousGoods'][number])
  const errors = lineErrors as FieldErrors<ServiceDetails>['dangerousGoods']
  return (
    <div className="dg-lines" role="group" aria-label={t('book.details.dangerousGoods')}>
      <span className="small-legend">{t('book.details.dangerousGoods')}</span>
      {errors?.message && <p className="error" role="alert">{errors.message}</p>}
      {fields.map((line, i) => {
        const e = errors?.[i]
        const at = (f: string) => `sd-dg-${i}-${f}`
        return (
          <div className="row" key={line.id} data-testid="dg-line">
            <Field id={at('un')} label={t('book.details.unNumber')} error={e?.unNumber?.message}>
              <input id={at('un')} inputMode="numeric" maxLength={4} {...register(`serviceDetails.dangerousGoods.${i}.unNumber`)} />
            </Field>
            <Field id={at('commodity')} label={t('book.details.commodity')} error={e?.commodity?.message}>
              <input id={at('commodity')} maxLength={100} {...register(`serviceDetails.dangerousGoods.${i}.commodity`)} />
            </Field>
            <Field id={at('weight')} label={t('book.details.dgWeight')} error={e?.weightInGrams?.message}>
              <input id={at('weight')} inputMode="numeric" {...register(`serviceDetails.dangerousGoods.${i}.weightInGrams`)} />
            </Field>
            <Field id={at('class')} label={t('book.details.dangerClass')} error={e?.dangerClass?.message}>
              <input id={at('class')} maxLength={10} {...register(`serviceDetails.dangerousGoods.${i}.dangerClass`)} />
            </Field>
            <Field id={at('pg')} label={t('book.details.packingGroup')} error={e?.packingGroup?.message}>
              <select id={at('pg')} {...register(`serviceDetails.dangerousGoods.${i}.packingGroup`)}>
                <option value="">—</option>
                <option value="I">I</option>
                <option value="II">II</option>
                <option value="III">III</option>
              </select>
            </Field>
            <Field id={at('mark')} label={t('book.details.safetyMark')} error={e?.safetyMarkCode?.message}>
              <input id={at('mark')} maxLength={10} {...register(`serviceDetails.dangerousGoods.${i}.safetyMarkCode`)} />
            </Field>
            <Field id={at('tunnel')} label={t('book.details.tunnelCode')} error={e?.tunnelRestrictionCode?.message}>
              <input id={at('tunnel')} maxLength={10} {...register(`serviceDetails.dangerousGoods.${i}.tunnelRestrictionCode`)} />
            </Field>
            {fields.length > 1 && <RemoveLine onRemove={() => remove(i)} />}
          </div>
        )
      })}
      {fields.length < DANGEROUS_GOODS_MAX && (
        <button type="button" onClick={append}>
          {t('book.details.addDangerousGoods')}
        </button>
      )}
    </div>
  )
}

function InstallationLines() {
  const { t } = useTranslation()
  const { register, fields, append, remove, errors: lineErrors } = useServiceLines('installationDetails', emptyInstallationLine)
  const errors = lineErrors as FieldErrors<ServiceDetails>['installationDetails']
  return (
    <div role="group" aria-label={t('book.details.installation')}>
      <span className="small-legend">{t('book.details.installation')}</span>
      {errors?.message && <p className="error" role="alert">{errors.message}</p>}
      {fields.map((line, i) => (
        <div className="row" key={line.id}>
          <Field id={`sd-inst-${i}-n`} label={t('book.details.itemCountShort')} error={errors?.[i]?.numberOfItems?.message}>
            <input id={`sd-inst-${i}-n`} inputMode="numeric" {...register(`serviceDetails.installationDetails.${i}.numberOfItems`)} />
          </Field>
          <Field id={`sd-inst-${i}-code`} label={t('book.details.installationCode')} error={errors?.[i]?.code?.message}>
            <input id={`sd-inst-${i}-code`} maxLength={20} {...register(`serviceDetails.installationDetails.${i}.code`)} />
          </Field>
          {fields.length > 1 && <RemoveLine onRemove={() => remove(i)} />}
        </div>
      ))}
      <button type="button" onClick={append}>
        {t('book.details.addLine')}
      </button>
    </div>
  )
}

function RemoveLine({ onRemove }: { onRemove(): void }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="link" onClick={onRemove}>
      {t('book.details.removeLine')}
    </button>
  )
}
