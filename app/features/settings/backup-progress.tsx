// What the backup export and import forms show while they work (their state
// lives in useOperationForm: `busy`, `progress`) and when they are done.
import type { BackupProgress } from '../../data/backup';
import { nl } from '../../i18n/catalogue';
import { SubmitRow } from '../../ui/submit-row';

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
      <SubmitRow busy={busy} label={label} busyLabel={busyLabel} />
      {busy && progress ? <BackupProgressBar progress={progress} /> : null}
    </>
  );
}

/** The announced status: the phase while working, then the result's lines. */
export function BackupStatus({
  busy,
  progress,
  result,
}: {
  busy: boolean;
  progress: BackupProgress | null;
  result: readonly string[] | null;
}) {
  return (
    <div role="status" className="settings-status">
      {busy && progress ? <p>{progressText(progress)}</p> : null}
      {!busy && result ? result.map((line) => <p key={line}>{line}</p>) : null}
    </div>
  );
}
