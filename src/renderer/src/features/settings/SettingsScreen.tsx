import { useTranslation } from 'react-i18next'
import { CredentialsForm } from './CredentialsForm'
import { ModeChooser } from './ModeChooser'
import { ConnectionCheck } from './ConnectionCheck'
import { GeneralSettings } from './GeneralSettings'
import { SenderSettings } from './SenderSettings'
import { SupportSettings } from './SupportSettings'
import { BackupSettings } from './BackupSettings'
import { ReceiverSettings } from './ReceiverSettings'
import { SharedDatabaseSettings } from './SharedDatabaseSettings'
import { PrintingSettings } from './PrintingSettings'

export function SettingsScreen() {
  const { t } = useTranslation()
  return (
    <section className="screen settings" data-testid="screen-settings">
      <h1>{t('settings.title')}</h1>
      <div className="cards">
        <div className="card">
          <h2>{t('settings.connection')}</h2>
          <CredentialsForm />
          <ConnectionCheck />
        </div>
        <div className="card">
          <ModeChooser />
        </div>
        <div className="card">
          <h2>{t('settings.general')}</h2>
          <GeneralSettings />
        </div>
        <div className="card">
          <h2>{t('settings.sender')}</h2>
          <p className="muted small">{t('settings.senderHelp')}</p>
          <SenderSettings />
        </div>
        <div className="card">
          <h2>{t('printing.title')}</h2>
          <PrintingSettings />
        </div>
        <div className="card">
          <h2>{t('receiver.title')}</h2>
          <ReceiverSettings />
        </div>
        <div className="card">
          <h2>{t('sharedDb.title')}</h2>
          <SharedDatabaseSettings />
        </div>
        <div className="card">
          <h2>{t('settings.backups')}</h2>
          <BackupSettings />
        </div>
        <div className="card">
          <h2>{t('settings.support')}</h2>
          <SupportSettings />
        </div>
      </div>
    </section>
  )
}
