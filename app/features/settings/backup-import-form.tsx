import { useId, useState, type ChangeEvent } from 'react';
import { z } from 'zod';
import { backupLimits } from '../../../schema/backup';
import { importBackup, useHasCases, type BackupProgress, type ImportMode, type ImportSummary } from '../../data/backup';
import { errorCode } from '../../data/errors';
import { nl } from '../../i18n/catalogue';
import { Link } from '../../shell/link';
import { RadioGroup } from '../../ui/choice-group';
import { FieldFrame, controlProps } from '../../ui/field';
import { PassphraseField } from '../../ui/passphrase-pair';
import type { FieldErrors } from '../../ui/form-errors';
import { LiveText } from '../../ui/live-text';
import { OwnFileInput } from '../../ui/own-file-input';
import { useOperationForm } from '../../ui/use-operation-form';
import { BackupStatus, BackupSubmit } from './backup-progress';
import { backupErrorText } from './settings-errors';
import { restoredInWords } from './restore-words';

const t = nl.settings.import;

interface Values {
  file: File | null;
  /** Null until the worker chooses: the default follows whether this logbook has cases. */
  mode: ImportMode | null;
  passphrase: string;
}

// The file's contents are checked by importBackup; this only fixes what the form hands over.
const backupImportForm = z.object({
  file: z.custom<File>((value) => value instanceof File),
  mode: z.enum(['restore', 'merge']),
  passphrase: z.string().min(1),
});

/** Checked before a single byte is read: Baken's own extension and the size limit. */
function fileProblem(file: File | null): string | null {
  if (!file) return t.fileRequired;
  if (!file.name.toLowerCase().endsWith('.baken')) return t.fileWrongType;
  if (file.size > backupLimits.maxFileBytes) return nl.dataErrors['backup.tooLarge'];
  return null;
}

function checkImport(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  const problem = fileProblem(values.file);
  if (problem) errors.file = problem;
  if (values.passphrase === '') errors.passphrase = t.passphraseRequired;
  return errors;
}

export function summaryText(summary: ImportSummary): string[] {
  if (summary.mode === 'restore') {
    const chain = summary.auditChain;
    return [
      summary.restoredKinds
        ? restoredInWords(summary.restoredKinds)
        : t.restored(summary.casesAdded, summary.recordsAdded),
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
    ...(summary.renumbered ?? []).map((r) => t.renumbered(r.from, r.to)),
    summary.mergeNotes > 0 ? t.mergeNotes(summary.mergeNotes) : '',
  ].filter(Boolean);
}

/** "Back-up inlezen": restore into an empty logbook, or merge into this one. All or nothing. */
export function BackupImportForm() {
  const headingId = useId();
  const hasCases = useHasCases();
  const [result, setResult] = useState<string[] | null>(null);
  const defaultMode: ImportMode = hasCases === false ? 'restore' : 'merge';
  const form = useOperationForm({
    initial: { file: null, mode: null, passphrase: '' } as Values,
    schema: backupImportForm,
    toInput: (values: Values) => ({ ...values, mode: values.mode ?? defaultMode }),
    check: checkImport,
    // A chosen file is judged at once; choosing none is only an error on submit.
    liveCheck: { file: (file) => (file ? fileProblem(file) : null) },
    fields: ['file', 'mode', 'passphrase'],
    refusedText: t.refused,
    // A new attempt: the last one's result goes, so it never stands next to this one's errors.
    onSubmitStart: () => setResult(null),
    run: async (input, _values, report: (progress: BackupProgress) => void) => {
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      return importBackup(bytes, input.passphrase, { mode: input.mode }, report);
    },
    // A refusal belongs to the field it is about (marked, focused, announced once): the passphrase
    // that does not open the file, the file whose content is refused, restore into a logbook that
    // is not empty; anything else (storage, a locked vault) is the form's.
    describe: (caught): { fields: FieldErrors; general: string | null } => {
      const code = errorCode(caught);
      const field =
        code === 'backup.wrongPassphrase'
          ? 'passphrase'
          : code === 'backup.notEmpty'
            ? 'mode'
            : // Every other backup refusal is about what is in the chosen file.
              code?.startsWith('backup.')
              ? 'file'
              : undefined;
      return field
        ? { fields: { [field]: backupErrorText(caught) }, general: null }
        : { fields: {}, general: backupErrorText(caught) };
    },
    onDone: (summary) => {
      setResult(summaryText(summary));
      form.reset({ file: null, passphrase: '' });
    },
  });
  const { busy } = form;
  const fileInput = form.file('file');

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    setResult(null);
    form.clear();
    fileInput.onChange(event);
  }

  return (
    <form {...form.formProps} className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.title}</h3>
      <p>{t.intro}</p>
      <FieldFrame id={fileInput.id} label={t.fileLabel} hint={t.fileHint} error={fileInput.error}>
        {(ids) => (
          <OwnFileInput
            accept=".baken"
            key={fileInput.key}
            {...controlProps(ids, fileInput.error)}
            className="field__input settings-file"
            disabled={busy}
            onChange={chooseFile}
          />
        )}
      </FieldFrame>
      <RadioGroup<ImportMode>
        legend={t.modeLegend}
        name="import-mode"
        {...form.choice('mode')}
        value={form.values.mode ?? defaultMode}
        options={[
          { value: 'merge', label: t.modeMerge, description: t.modeMergeHint },
          { value: 'restore', label: t.modeRestore, description: t.modeRestoreHint },
        ]}
      />
      <PassphraseField label={t.passphrase} hint={t.passphraseHint} disabled={busy} {...form.text('passphrase')} />
      <BackupSubmit busy={busy} progress={form.progress} label={t.submit} busyLabel={t.busy} />
      <BackupStatus busy={busy} progress={form.progress} result={result} />
      {!busy && result ? (
        <p>
          <Link href="/">{nl.shell.notFound.back}</Link>
        </p>
      ) : null}
      <LiveText role="alert" className="field__error" message={form.general} />
    </form>
  );
}
