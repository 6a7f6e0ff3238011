// "Instellingen": back-up (maken, inlezen, herinnering), beveiliging
// (wachtwoordzin, vergrendelen, opslag), herstelcode and the other device settings.
// Renders only while unlocked (LockGate). On a fresh device the lock screen
// first creates a vault; the restore path is then the import form here.
import { lazy, Suspense, useId, useRef } from 'react';
import { useSectionFocus } from '../../shell/use-section-focus';
import { useStoredSettings } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { Page } from '../../shell/page';
import { BackupExportForm } from './backup-export-form';
import { BackupImportForm } from './backup-import-form';
import { ChangePassphraseForm } from './change-passphrase-form';
import { GeneralSettings } from './general-settings';
import { LockSettings } from './lock-settings';
import { RecoveryCodeSection } from './recovery-code-section';
import { NumberSetting, SettingStatus } from './setting-fields';
import { StorageInfo } from './storage-info';
import { useSettingSaver } from './use-setting-saver';
import './settings.css';

const t = nl.settings;
// Sync settings (issue 20) are their own chunk: most workers never set sync up.
const SyncSection = lazy(() => import('./sync-section').then((m) => ({ default: m.SyncSection })));
// Team settings (issue 21) likewise: their own chunk, loaded with this screen only.
const TeamSection = lazy(() => import('./team-section').then((m) => ({ default: m.TeamSection })));
const reminderOptions = [7, 14, 30, 60, 90] as const;
const dateTime = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeStyle: 'short' });

function BackupSection() {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The backup reminder's "Back-up maken" lands here (router.ts requestSectionFocus).
  useSectionFocus('back-up', heading);
  const saver = useSettingSaver();
  const settings = saver.values;
  const last = settings.lastBackupAt === undefined ? null : new Date(settings.lastBackupAt);
  return (
    <section id="back-up" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t.backup.title}
      </h2>
      <div className="card">
        <p>{t.backup.intro}</p>
        <p className="settings-last-backup">
          {last && !Number.isNaN(last.getTime()) ? t.backup.lastBackup(dateTime.format(last)) : t.backup.never}
        </p>
        <NumberSetting
          saver={saver}
          name="backupReminderDays"
          options={reminderOptions}
          text={t.backup.reminderDays}
          label={t.backup.reminderLabel}
        />
        <SettingStatus message={saver.message} />
      </div>
      <BackupExportForm />
      <BackupImportForm />
    </section>
  );
}

function SecuritySection() {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.security.title}</h2>
      <ChangePassphraseForm />
      <LockSettings />
      <StorageInfo />
    </section>
  );
}

export function SettingsScreen() {
  // Until this page has read the settings, the sections wait: a default (say "no backup yet")
  // shown for a moment would be wrong. After the first read (at unlock) this is at once.
  const stored = useStoredSettings();
  if (stored === undefined) return <Page title={t.title}>{null}</Page>;
  return (
    <Page title={t.title}>
      <BackupSection />
      <SecuritySection />
      <RecoveryCodeSection />
      <Suspense fallback={null}>
        <SyncSection />
      </Suspense>
      <Suspense fallback={null}>
        <TeamSection />
      </Suspense>
      <GeneralSettings />
    </Page>
  );
}
