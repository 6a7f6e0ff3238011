import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CaseStatus } from '../../../schema/records/case';
import { exportBackup } from '../../data/backup';
import { useRecords } from '../../data/hooks';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup, type ChoiceOption } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { BackupSubmit, progressText, useBackupRun } from './backup-progress';
import { PassphrasePair, pairProblems } from '../../ui/passphrase-pair';
import { errorCode } from '../../data/errors';
import { backupErrorText } from './settings-errors';

const t = nl.settings.export;

type Scope = 'logbook' | 'cases';
type Protection = 'current' | 'transfer';

function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
}

/** The file is offered as a download; the link stays for a second try. */
function useDownload() {
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const current = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );
  function offer(bytes: Uint8Array<ArrayBuffer>, name: string) {
    if (current.current) URL.revokeObjectURL(current.current);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    current.current = url;
    setFile({ url, name });
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  }
  return { file, offer };
}

/** "Back-up maken": the whole logbook or some cases, under the current or a one-time passphrase. */
export function BackupExportForm() {
  const headingId = useId();
  const cases = useRecords('case');
  const [scope, setScope] = useState<Scope>('logbook');
  const [selected, setSelected] = useState<string[]>([]);
  const [protection, setProtection] = useState<Protection>('current');
  const [current, setCurrent] = useState('');
  const [transfer, setTransfer] = useState('');
  const [transferConfirm, setTransferConfirm] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const { busy, progress, error, run } = useBackupRun();
  const [result, setResult] = useState<string | null>(null);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const { file, offer } = useDownload();

  const caseOptions: ChoiceOption<string>[] = (cases ?? [])
    .flatMap((r) => (r.ok ? [r.record] : []))
    .sort((a, b) => b.reference.localeCompare(a.reference))
    .map((c) => ({
      value: c.id,
      label: t.caseLabel(c.reference),
      description: t.caseHint(formatDay(c.knownOn), t.caseStatus[c.status satisfies CaseStatus]),
    }));

  const problems = pairProblems(transfer, transferConfirm);
  const selectionError = scope === 'cases' && selected.length === 0 ? t.nothingSelected : null;
  const currentMissing = protection === 'current' && current === '' ? t.passphraseRequired : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const transferBad = protection === 'transfer' && (problems.value !== null || problems.confirm !== null);
    if (selectionError || currentMissing || transferBad) {
      setShowErrors(true);
      return;
    }
    setCurrentError(null);
    setResult(null);
    await run(
      async (onProgress) => {
        const made = await exportBackup(
          {
            protection: { kind: protection, passphrase: protection === 'current' ? current : transfer },
            caseIds: scope === 'cases' ? selected : undefined,
          },
          onProgress,
        );
        offer(made.bytes, made.fileName);
        setResult(
          [t.done(made.fileName, made.counts.cases), made.counts.damaged > 0 ? t.damaged(made.counts.damaged) : '']
            .filter(Boolean)
            .join(' '),
        );
        setCurrent('');
        setTransfer('');
        setTransferConfirm('');
        setShowErrors(false);
      },
      (caught) => {
        // A wrong passphrase is said next to its field, not in the form's alert.
        if (errorCode(caught) !== 'backup.wrongPassphrase') return backupErrorText(caught);
        setCurrentError(t.wrongPassphrase);
        return null;
      },
    );
  }

  return (
    <form className="card settings-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t.title}</h3>
      <RadioGroup<Scope>
        legend={t.scopeLegend}
        name="backup-scope"
        value={scope}
        onChange={setScope}
        options={[
          { value: 'logbook', label: t.scopeAll, description: t.scopeAllHint },
          { value: 'cases', label: t.scopeCases, description: t.scopeCasesHint },
        ]}
      />
      {scope === 'cases' ? (
        caseOptions.length > 0 ? (
          <CheckboxGroup
            legend={t.casesLegend}
            options={caseOptions}
            value={selected}
            onChange={setSelected}
            error={showErrors ? selectionError : null}
          />
        ) : (
          <p className="field__hint">{t.noCases}</p>
        )
      ) : null}
      <RadioGroup<Protection>
        legend={t.protectionLegend}
        name="backup-protection"
        value={protection}
        onChange={setProtection}
        options={[
          { value: 'current', label: t.protectionCurrent, description: t.protectionCurrentHint },
          { value: 'transfer', label: t.protectionTransfer, description: t.protectionTransferHint },
        ]}
      />
      {protection === 'current' ? (
        <TextField
          label={t.currentPassphrase}
          type="password"
          autoComplete="off"
          value={current}
          disabled={busy}
          onChange={(event) => setCurrent(event.target.value)}
          error={currentError ?? (showErrors ? currentMissing : null)}
          required
        />
      ) : (
        <PassphrasePair
          label={t.transferPassphrase}
          confirmLabel={t.transferConfirm}
          value={transfer}
          confirm={transferConfirm}
          onChange={setTransfer}
          onConfirmChange={setTransferConfirm}
          showErrors={showErrors}
          disabled={busy}
        />
      )}
      <BackupSubmit busy={busy} progress={progress} label={t.submit} busyLabel={t.busy} />
      <p role="status" className="settings-status">
        {busy && progress ? progressText(progress) : (result ?? '')}
      </p>
      {file && !busy ? (
        <p>
          <a href={file.url} download={file.name}>
            {t.downloadAgain(file.name)}
          </a>
        </p>
      ) : null}
      <p role="alert" className="field__error">
        {error ?? ''}
      </p>
    </form>
  );
}
