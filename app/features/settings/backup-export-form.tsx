import { useId, useState } from 'react';
import { backupExportForm } from '../../../schema/backup';
import type { CaseStatus } from '../../../schema/records/case';
import { exportBackup, type BackupProgress } from '../../data/backup';
import { errorCode } from '../../data/errors';
import { useRecords } from '../../data/hooks';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup, type ChoiceOption } from '../../ui/choice-group';
import type { FieldErrors } from '../../ui/form-errors';
import { LiveText } from '../../ui/live-text';
import { PassphraseField, PassphrasePair, pairProblems } from '../../ui/passphrase-pair';
import { useOperationForm } from '../../ui/use-operation-form';
import { BackupStatus, BackupSubmit } from './backup-progress';
import { backupErrorText } from './settings-errors';
import { formPair } from './setting-fields';
import { useDownloadAgain } from '../../ui/download';

const t = nl.settings.export;

interface Values {
  scope: 'logbook' | 'cases';
  selected: string[];
  protection: 'current' | 'transfer';
  current: string;
  transfer: string;
  transferConfirm: string;
}

const initial: Values = {
  scope: 'logbook',
  selected: [],
  protection: 'current',
  current: '',
  transfer: '',
  transferConfirm: '',
};

const scopeOptions: ChoiceOption<Values['scope']>[] = [
  { value: 'logbook', label: t.scopeAll, description: t.scopeAllHint },
  { value: 'cases', label: t.scopeCases, description: t.scopeCasesHint },
];
const protectionOptions: ChoiceOption<Values['protection']>[] = [
  { value: 'current', label: t.protectionCurrent, description: t.protectionCurrentHint },
  { value: 'transfer', label: t.protectionTransfer, description: t.protectionTransferHint },
];

function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
}

/** The form's own Dutch texts: what is missing for the chosen scope and protection. */
function checkExport(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (values.scope === 'cases' && values.selected.length === 0) errors.selected = t.nothingSelected;
  if (values.protection === 'current') {
    if (values.current === '') errors.current = t.passphraseRequired;
  } else {
    const problems = pairProblems(values.transfer, values.transferConfirm);
    if (problems.value) errors.transfer = problems.value;
    if (problems.confirm) errors.transferConfirm = problems.confirm;
  }
  return errors;
}

function toInput(values: Values) {
  return {
    protection: {
      kind: values.protection,
      passphrase: values.protection === 'current' ? values.current : values.transfer,
    },
    caseIds: values.scope === 'cases' ? values.selected : undefined,
  };
}

/** A wrong passphrase is said next to its field, not in the form's alert. */
function describeExportFailure(caught: unknown): { fields: FieldErrors; general: string | null } {
  if (errorCode(caught) === 'backup.wrongPassphrase') return { fields: { current: t.wrongPassphrase }, general: null };
  return { fields: {}, general: backupErrorText(caught) };
}

/** "Back-up maken": the whole logbook or some cases, under the current or a one-time passphrase. */
export function BackupExportForm() {
  const headingId = useId();
  const cases = useRecords('case');
  const [result, setResult] = useState<string | null>(null);
  const download = useDownloadAgain();
  const form = useOperationForm({
    initial,
    schema: backupExportForm,
    toInput,
    check: checkExport,
    fields: ['selected', 'current', 'transfer', 'transferConfirm'],
    refusedText: t.refused,
    // A new attempt: the last one's result goes, so it never stands next to this one's errors.
    onSubmitStart: () => setResult(null),
    run: (input, _values, report: (progress: BackupProgress) => void) => exportBackup(input, report),
    describe: describeExportFailure,
    onDone: (made) => {
      download.offer(made.bytes, made.fileName);
      setResult(
        [t.done(made.fileName, made.counts.cases), made.counts.damaged > 0 ? t.damaged(made.counts.damaged) : '']
          .filter(Boolean)
          .join(' '),
      );
      form.patch({ current: '', transfer: '', transferConfirm: '' });
    },
  });
  const { values, busy } = form;

  const caseOptions: ChoiceOption<string>[] = (cases ?? [])
    .flatMap((r) => (r.ok ? [r.record] : []))
    .sort((a, b) => b.reference.localeCompare(a.reference))
    .map((c) => ({
      value: c.id,
      label: t.caseLabel(c.reference),
      description: t.caseHint(formatDay(c.knownOn), t.caseStatus[c.status satisfies CaseStatus]),
    }));

  return (
    <form {...form.formProps} className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.title}</h3>
      <RadioGroup legend={t.scopeLegend} name="backup-scope" {...form.choice('scope')} options={scopeOptions} />
      {values.scope === 'cases' ? (
        caseOptions.length > 0 ? (
          <CheckboxGroup legend={t.casesLegend} options={caseOptions} {...form.choice('selected')} />
        ) : (
          <p className="field__hint">{t.noCases}</p>
        )
      ) : null}
      <RadioGroup
        legend={t.protectionLegend}
        name="backup-protection"
        {...form.choice('protection')}
        options={protectionOptions}
      />
      {values.protection === 'current' ? (
        <PassphraseField label={t.currentPassphrase} disabled={busy} {...form.text('current')} />
      ) : (
        <PassphrasePair
          label={t.transferPassphrase}
          confirmLabel={t.transferConfirm}
          {...formPair(form, 'transfer', 'transferConfirm')}
          disabled={busy}
        />
      )}
      <BackupSubmit busy={busy} progress={form.progress} label={t.submit} busyLabel={t.busy} />
      <BackupStatus busy={busy} progress={form.progress} result={result === null ? null : [result]} />
      {download.file && !busy ? (
        <p>
          <a href={download.file.url} download={download.file.name}>
            {t.downloadAgain(download.file.name)}
          </a>
        </p>
      ) : null}
      <LiveText role="alert" className="field__error" message={form.general} />
    </form>
  );
}
