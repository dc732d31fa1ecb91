import { useFormContext, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { VasView } from '@shared/catalogue/additional-services'

/**
 * Additional services as checkboxes (form field `additionalServices`, booking ids). One that cannot
 * be combined with a chosen one is disabled, and the reason is written next to it (not only on hover).
 */
export function AdditionalServicesPicker({ services, productsNote }: { services: (VasView & { products?: string[] })[]; productsNote?(v: VasView & { products?: string[] }): string | undefined }) {
  const { t } = useTranslation()
  const { register, control } = useFormContext<{ additionalServices: string[] }>()
  const chosen: string[] = useWatch({ control, name: 'additionalServices' }) ?? []
  const names = new Map(services.map((v) => [v.code, v.name]))
  const conflicts = (v: VasView): string[] => services.filter((c) => chosen.includes(c.code) && c.code !== v.code && (c.incompatible.includes(v.code) || v.incompatible.includes(c.code))).map((c) => c.code)
  return (
    <div className="vas" role="group" aria-label={t('book.additionalServices')}>
      <span className="small-legend">{t('book.additionalServices')}</span>
      {services.map((v) => {
        const blockedBy = chosen.includes(v.code) ? [] : conflicts(v)
        const note = blockedBy.length > 0 ? t('book.vasConflict', { names: blockedBy.map((c) => names.get(c) ?? c).join(', ') }) : productsNote?.(v)
        const noteId = `vas-note-${v.code}`
        return (
          <label key={v.code} className="check inline" title={[v.description, note].filter(Boolean).join(' — ')}>
            <input type="checkbox" value={v.code} {...register('additionalServices')} disabled={blockedBy.length > 0} aria-describedby={note ? noteId : undefined} />
            {v.name}
            {note && (
              <small className="muted" id={noteId}>
                {' '}
                ({note})
              </small>
            )}
          </label>
        )
      })}
    </div>
  )
}
