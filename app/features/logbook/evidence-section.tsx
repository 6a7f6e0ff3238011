// "Bewijsmateriaal" (issue 15): whether screenshots, links or messages exist
// and who holds them, with its history and a form to note the current state.
// Only that evidence exists and where: never the evidence or a link to it.
import { z } from 'zod';
import {
  evidenceExistsSchema,
  evidenceFormSchema,
  evidenceHolderSchema,
  latestEvidence,
  evidenceFormInput,
  type Evidence,
} from '../../../schema/records/evidence';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import { useOperationForm } from '../../ui/use-operation-form';
import { chosen, missing, optionsOf, pastDates } from './form-values';
import { HistoryCard, InitialsField, RecordForm, type RecordFormProps, RecordSection } from './record-section';

const t = nl.logbook.evidence;
const existsOptions = optionsOf(evidenceExistsSchema.options, t.existsOptions);
const formOptions = optionsOf(evidenceFormSchema.options, t.formOptions);
const holderOptions = optionsOf(evidenceHolderSchema.options, t.holderOptions);

export function EvidenceSection({ detail }: { detail: CaseDetail }) {
  const current = latestEvidence(detail.evidence);
  const earlier = detail.evidence.filter((r) => r.id !== current?.id);
  return (
    <RecordSection
      id="bewijsmateriaal"
      t={t}
      empty={!current}
      form={(props) => <EvidenceForm caseId={detail.case.id} {...props} />}
    >
      {current ? (
        <HistoryCard
          record={current.id}
          heading={t.current}
          history={{ label: t.history, entries: earlier.map(entryText) }}
        >
          <EvidenceEntry record={current} />
        </HistoryCard>
      ) : null}
    </RecordSection>
  );
}

function entryText(r: Evidence): string {
  return t.entry(t.existsOptions[r.exists], formatDate(r.on), r.byInitials);
}

function EvidenceEntry({ record }: { record: Evidence }) {
  return (
    <>
      <p>{entryText(record)}</p>
      {record.forms.length > 0 ? <p>{t.formsText(record.forms.map((f) => t.formOptions[f]).join(', '))}</p> : null}
      {record.heldBy.length > 0 ? <p>{t.heldByText(record.heldBy.map((h) => t.holderOptions[h]).join(', '))}</p> : null}
    </>
  );
}

// The form's values are strings and string lists; the operation's input schema checks them.
const evidenceForm = z
  .object({
    exists: chosen(evidenceExistsSchema),
    forms: z.array(evidenceFormSchema).optional(),
    heldBy: z.array(evidenceHolderSchema).optional(),
    on: z.string(),
    byInitials: z.string(),
  })
  .pipe(evidenceFormInput);

function EvidenceForm({ caseId, onDone, onCancel }: RecordFormProps & { caseId: string }) {
  const form = useOperationForm({
    initial: () => ({
      exists: '' as z.input<typeof evidenceExistsSchema> | '',
      forms: [] as z.infer<typeof evidenceFormSchema>[],
      heldBy: [] as z.infer<typeof evidenceHolderSchema>[],
      on: todayIso(),
      byInitials: '',
    }),
    schema: evidenceForm,
    check: (v) => ({
      ...missing(v, {
        exists: 'choose',
        ...(v.exists === 'ja' ? { heldBy: 'chooseOne' } : {}),
        byInitials: 'required',
      }),
      ...pastDates(v, ['on']),
    }),
    run: (input) => runOperation('recordEvidence', { caseId, ...input }),
    onDone,
    fields: ['exists', 'forms', 'heldBy', 'on', 'byInitials'],
  });
  return (
    <RecordForm form={form} label={t.formTitle} onCancel={onCancel}>
      <RadioGroup
        legend={t.exists}
        name={`evidence-exists-${caseId}`}
        inline
        options={existsOptions}
        {...form.choice('exists')}
      />
      {form.values.exists === 'ja' ? (
        <>
          <CheckboxGroup legend={t.forms} options={formOptions} inline {...form.choice('forms')} />
          <CheckboxGroup legend={t.heldBy} options={holderOptions} {...form.choice('heldBy')} />
        </>
      ) : null}
      <TextField label={t.on} type="date" max={latestTodayIso()} {...form.text('on')} />
      <InitialsField label={t.byInitials} hint={t.byInitialsHint} {...form.text('byInitials')} />
    </RecordForm>
  );
}
