import { useFieldArray, useFormContext } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { BookingFormValues } from '@shared/domain/booking'
import { ActionsHeader, RemoveRowButton } from '../../components/TableParts'

export function PackagesFields({ cargo }: { cargo: boolean }) {
  const { t } = useTranslation()
  const { register, control, formState } = useFormContext<BookingFormValues>()
  const { fields, append, remove } = useFieldArray({ control, name: 'packages' })
  const errors = formState.errors.packages
  const cols: { name: 'weightInKg' | 'lengthInCm' | 'widthInCm' | 'heightInCm' | 'volumeInDm3' | 'goodsDescription'; label: string; wide?: boolean }[] = [
    { name: 'weightInKg', label: t('book.weightKg') },
    { name: 'lengthInCm', label: t('book.lengthCm') },
    { name: 'widthInCm', label: t('book.widthCm') },
    { name: 'heightInCm', label: t('book.heightCm') },
    ...(cargo ? [{ name: 'volumeInDm3' as const, label: t('book.volumeDm3') }] : []),
    { name: 'goodsDescription', label: t('book.goodsDescription'), wide: true }
  ]
  return (
    <fieldset className="card">
      <legend>{t('book.packages')}</legend>
      <table className="table packages">
        <thead>
          <tr>
            <th>#</th>
            {cols.map((c) => (
              <th key={c.name}>{c.label}</th>
            ))}
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {fields.map((f, i) => (
            <tr key={f.id}>
              <td>{i + 1}</td>
              {cols.map((c) => {
                const e = errors?.[i]?.[c.name]
                return (
                  <td key={c.name}>
                    <input className={c.wide ? 'wide' : undefined} aria-label={`${c.label}, ${t('book.package')} ${i + 1}`} {...register(`packages.${i}.${c.name}`)} aria-invalid={Boolean(e)} />
                    {e && <small className="error" role="alert">{e.message}</small>}
                  </td>
                )
              })}
              <td>
                {fields.length > 1 && (
                  <RemoveRowButton onRemove={() => remove(i)} label={t('quote.removePackage', { n: i + 1 })} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors?.message && <p className="error" role="alert">{errors.message}</p>}
      <button type="button" onClick={() => append({ weightInKg: '' })}>
        {t('quote.addPackage')}
      </button>
    </fieldset>
  )
}
