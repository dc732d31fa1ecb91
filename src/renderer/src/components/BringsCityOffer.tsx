import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CityFromPostalCode } from './usePostalCodeCity'

/** ↓ in a city field takes Bring's city for the postal code (one key), like taking a suggestion. */
export function takeBringsCityOnArrowDown(postal: CityFromPostalCode) {
  return (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' && postal.differs) {
      e.preventDefault()
      postal.useBringsCity()
    }
  }
}

/** "Bring says BERGEN: use it (↓)" under a city Bring does not know for the postal code. */
export function BringsCityOffer({ postal, testId }: { postal: CityFromPostalCode; testId: string }) {
  const { t } = useTranslation()
  if (!postal.differs || !postal.found) return null
  return (
    <button type="button" className="link small" onClick={postal.useBringsCity} data-testid={testId}>
      {t('book.useBringsCity', { city: postal.found.city })}
    </button>
  )
}
