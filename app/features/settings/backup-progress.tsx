import { useState } from 'react';
import type { BackupProgress } from '../../data/backup';
import { nl } from '../../i18n/catalogue';
import { backupErrorText } from './settings-errors';

const t = nl.settings.progress;

export function progressText(progress: BackupProgress): string {
  switch (progress.phase) {
    case 'validating':
      return progress.total > 0 ? t.validating(progress.done, progress.total) : t.validatingStart;
    default:
      return t[progress.phase];
  }
}

/** A progress bar for long backup work; indeterminate while the amount is unknown. */
export function BackupProgressBar({ progress }: { progress: BackupProgress }) {
  const measurable = progress.total > 0 && progress.phase === 'validating';
  return measurable ? (
    <progress className="backup-progress" aria-label={t.label} max={progress.total} value={progress.done} />
  ) : (
    <progress className="backup-progress" aria-label={t.label} />
  );
}

/**
 * The busy / progress / error wiring the backup export and import forms share.
 * `run` clears the error, reports progress while `work` runs, and shows a
 * failure through `describe` (null: the form showed it elsewhere).
 */
export function useBackupRun() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(
    work: (onProgress: (progress: BackupProgress) => void) => Promise<void>,
    describe: (caught: unknown) => string | null = backupErrorText,
  ) {
    setBusy(true);
    setError(null);
    try {
      await work(setProgress);
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  return { busy, progress, error, run, clearError: () => setError(null) };
}

/** The submit button and, while working, the progress bar. */
export function BackupSubmit({
  busy,
  progress,
  label,
  busyLabel,
}: {
  busy: boolean;
  progress: BackupProgress | null;
  label: string;
  busyLabel: string;
}) {
  return (
    <>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? busyLabel : label}
        </button>
      </div>
      {busy && progress ? <BackupProgressBar progress={progress} /> : null}
    </>
  );
}
