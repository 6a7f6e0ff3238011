import { OwnFileInput } from '../../ui/own-file-input';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { backupLimits } from '../../../schema/backup';
import { importBackup, useHasCases, type ImportMode, type ImportSummary } from '../../data/backup';
import { nl } from '../../i18n/catalogue';
import { Link } from '../../shell/link';
import { RadioGroup } from '../../ui/choice-group';
import { FieldFrame, TextField } from '../../ui/field';
import { BackupSubmit, progressText, useBackupRun } from './backup-progress';
import { restoredInWords } from './restore-words';

const t = nl.settings.import;

/** Checked before a single byte is read: Baken's own extension and the size limit. */
function fileProblem(file: File | null): string | null {
  if (!file) return t.fileRequired;
  if (!file.name.toLowerCase().endsWith('.baken')) return t.fileWrongType;
  if (file.size > backupLimits.maxFileBytes) return nl.dataErrors['backup.tooLarge'];
  return null;
}

export function summaryText(summary: ImportSummary): string[] {
  if (summary.mode === 'restore') {
    const chain = summary.auditChain;
    return [
      summary.restoredKinds ? restoredInWords(summary.restoredKinds) : t.restored(summary.casesAdded, summary.recordsAdded),
      chain.status === 'broken'
        ? t.auditChainBroken(chain.firstBrokenSeq)
        : chain.status === 'intact'
          ? t.auditChainIntact
          : '',
    ].filter(Boolean);
  }
  return [
    t.merged(summary.casesAdded, summary.casesUpdated),
    t.mergedRecords(summary.recordsAdded, summary.recordsUpdated, summary.recordsSkipped),
    summary.recordsKept > 0 ? t.kept(summary.recordsKept) : '',
    summary.mergeNotes > 0 ? t.mergeNotes(summary.mergeNotes) : '',
  ].filter(Boolean);
}

/** "Back-up inlezen": restore into an empty logbook, or merge into this one. All or nothing. */
export function BackupImportForm() {
  const headingId = useId();
  const hasCases = useHasCases();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [chosenMode, setMode] = useState<ImportMode | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const { busy, progress, error, run, clearError } = useBackupRun();
  const [result, setResult] = useState<string[] | null>(null);
  const mode: ImportMode = chosenMode ?? (hasCases === false ? 'restore' : 'merge');

  const problem = fileProblem(file);
  const passphraseMissing = passphrase === '' ? t.passphraseRequired : null;

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setResult(null);
    clearError();
    setShowErrors(chosen !== null && fileProblem(chosen) !== null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (problem || passphraseMissing || !file) {
      setShowErrors(true);
      return;
    }
    setResult(null);
    await run(async (onProgress) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const summary = await importBackup(bytes, passphrase, { mode }, onProgress);
      setResult(summaryText(summary));
      setPassphrase('');
      setFile(null);
      setInputKey((k) => k + 1);
      setShowErrors(false);
    });
  }

  return (
    <form className="card settings-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t.title}</h3>
      <p>{t.intro}</p>
      <FieldFrame label={t.fileLabel} hint={t.fileHint} error={showErrors ? problem : null}>
        {({ inputId, describedBy }) => (
          <OwnFileInput
            accept=".baken"
            key={inputKey}
            id={inputId}
            className="field__input settings-file"
            aria-describedby={describedBy}
            aria-invalid={showErrors && problem ? true : undefined}
            disabled={busy}
            onChange={chooseFile}
          />
        )}
      </FieldFrame>
      <RadioGroup<ImportMode>
        legend={t.modeLegend}
        name="import-mode"
        value={mode}
        onChange={setMode}
        options={[
          { value: 'merge', label: t.modeMerge, description: t.modeMergeHint },
          { value: 'restore', label: t.modeRestore, description: t.modeRestoreHint },
        ]}
      />
      <TextField
        label={t.passphrase}
        hint={t.passphraseHint}
        type="password"
        autoComplete="off"
        value={passphrase}
        disabled={busy}
        onChange={(event) => setPassphrase(event.target.value)}
        error={showErrors ? passphraseMissing : null}
        required
      />
      <BackupSubmit busy={busy} progress={progress} label={t.submit} busyLabel={t.busy} />
      <div role="status" className="settings-status">
        {busy && progress ? <p>{progressText(progress)}</p> : null}
        {!busy && result ? result.map((line) => <p key={line}>{line}</p>) : null}
      </div>
      {!busy && result ? (
        <p>
          <Link href="/">{nl.shell.notFound.back}</Link>
        </p>
      ) : null}
      <p role="alert" className="field__error">
        {error ?? ''}
      </p>
    </form>
  );
}
