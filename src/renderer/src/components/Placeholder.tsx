import { useTranslation } from 'react-i18next'

/** For screens whose issue is not done: says so plainly instead of pretending. */
export function Placeholder({ screen, issue }: { screen: string; issue: number }) {
  const { t } = useTranslation()
  const name = t(`nav.${screen}`)
  return (
    <section className="screen" data-testid={`screen-${screen}`}>
      <h1>{name}</h1>
      <div className="placeholder">
        <h2>{t('placeholder.title')}</h2>
        <p>{t('placeholder.body', { screen: name, issue })}</p>
      </div>
    </section>
  )
}
