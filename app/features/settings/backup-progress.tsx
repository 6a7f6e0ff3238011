import type { BackupProgress } from '../../data/backup';
import { nl } from '../../i18n/catalogue';

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
