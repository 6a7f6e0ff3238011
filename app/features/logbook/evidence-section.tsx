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
import { formatDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useOperationForm } from '../../ui/use-operation-form';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';

const t = nl.logbook.evidence;
const existsOptions = evidenceExistsSchema.options.map((value) => ({ value, label: t.existsOptions[value] }));
const formOptions = evidenceFormSchema.options.map((value) => ({ value, label: t.formOptions[value] }));
const holderOptions = evidenceHolderSchema.options.map((value) => ({ value, label: t.holderOptions[value] }));

export function EvidenceSection({ detail }: { detail: CaseDetail }) {
  const [saved, setSaved] = useSavedMessage();
  const current = latestEvidence(detail.evidence);
  const earlier = detail.evidence.filter((r) => r.id !== current?.id);
  return (
    <CaseSection id="bewijsmateriaal" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <SavedStatus message={saved} />
      {current ? (
        <div className="record-card" data-record={current.id}>
          <h3>{t.current}</h3>
          <EvidenceEntry record={current} />
          {earlier.length > 0 ? (
            <p className="record-card__meta">
              {t.history}: {earlier.map((r) => entryText(r)).join('; ')}
            </p>
          ) : null}
        </div>
      ) : (
        <p>{t.none}</p>
      )}
      <Expander label={t.add}>
        {(close) => (
          <EvidenceForm
            caseId={detail.case.id}
            onDone={() => {
              setSaved(t.saved);
              close();
            }}
            onCancel={close}
          />
        )}
      </Expander>
    </CaseSection>
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
    exists: z.union([z.literal(''), evidenceExistsSchema]).pipe(evidenceExistsSchema),
    forms: z.array(evidenceFormSchema).optional(),
    heldBy: z.array(evidenceHolderSchema).optional(),
    on: z.string(),
    byInitials: z.string(),
  })
  .pipe(evidenceFormInput);

function EvidenceForm({ caseId, onDone, onCancel }: { caseId: string; onDone: () => void; onCancel: () => void }) {
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
      ...(v.exists === '' ? { exists: nl.logbook.errors.choose } : {}),
      ...(v.exists === 'ja' && v.heldBy.length === 0 ? { heldBy: nl.logbook.errors.chooseOne } : {}),
      ...(v.byInitials.trim() === '' ? { byInitials: nl.logbook.errors.required } : {}),
    }),
    run: (input) => runOperation('recordEvidence', { caseId, ...input }),
    onDone,
    fields: ['exists', 'forms', 'heldBy', 'on', 'byInitials'],
  });
  return (
    <form {...form.formProps} className="card logbook-form" aria-label={t.formTitle}>
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
      <TextField label={t.on} type="date" {...form.text('on')} />
      <TextField
        label={t.byInitials}
        hint={t.byInitialsHint}
        autoComplete="off"
        maxLength={5}
        {...form.text('byInitials')}
      />
      <FormError message={form.general} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
