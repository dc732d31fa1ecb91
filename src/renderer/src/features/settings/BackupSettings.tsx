import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '@shared/ipc/contract'
import { call, errorMessage } from '../../lib/ipc'
import { useActionStatus } from '../../lib/useActionStatus'
import { formatDateTime, formatNumber } from '../../lib/format'
import { ConfirmDialog } from '../../components/ConfirmDialog'

type Backup = ChannelOutput<'backups:list'>['items'][number]

/** Daily backups (kept 7 days + 4 weeks), "Back up now" to a folder of your choice, and restore. */
export function BackupSettings() {
  const { t, i18n } = useTranslation()
  const [list, setList] = useState<ChannelOutput<'backups:list'> | null>(null)
  const { run, Status, fail } = useActionStatus()
  const [confirm, setConfirm] = useState<Backup | null>(null)
  useEffect(() => void call('backups:list').then(setList, (err) => fail(errorMessage(err))), [fail])
  const n = (v: number): string => formatNumber(v, i18n.language)

  return (
    <div data-testid="backup-settings">
      <p className="muted small">{t('settings.backupHelp', { folder: list?.folder ?? '' })}</p>
      {list && list.items.length > 0 ? (
        <ul className="backup-list">
          {list.items.map((b) => (
            <li key={b.name}>
              <span>
                {formatDateTime(b.createdAt, i18n.language)} · {b.shipments >= 0 ? t('settings.backupShipments', { count: b.shipments, n: n(b.shipments) }) : t('settings.backupDamaged')}
              </span>
              <button type="button" className="link" disabled={b.shipments < 0} onClick={() => setConfirm(b)}>
                {t('settings.restore')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('settings.noBackups')}</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void run(async () => {
          const r = await call('backups:now')
          return r.saved ? t('settings.backupSaved', { file: r.file, count: r.shipments ?? 0 }) : null
        })}>
          {t('settings.backupNow')}
        </button>
        <button type="button" onClick={() => void run(async () => {
          const r = await call('backups:pick')
          if (r.picked && r.backup) setConfirm(r.backup)
          return null
        })}>
          {t('settings.restoreFromFile')}
        </button>
      </div>
      <Status />
      {confirm && (
        <ConfirmDialog
          title={t('settings.restoreTitle')}
          body={t('settings.restoreBody', { name: confirm.name, count: confirm.shipments, n: n(confirm.shipments) })}
          confirmLabel={t('settings.restoreConfirm')}
          onConfirm={() => {
            const chosen = confirm
            setConfirm(null)
            void run(async () => (await call('backups:restore', { name: chosen.name }), t('settings.restoring')))
          }}
          onCancel={() => setConfirm(null)}
          testId="restore-confirm"
        />
      )}
    </div>
  )
}
