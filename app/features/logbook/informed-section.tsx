// "Andere scholen en CLB's" (issue 15, seed 004): which other school or CLB
// was told, when, on what basis, and whether the pupils knew first.
import { z } from 'zod';
import {
  informedBasisSchema,
  informedFormInput,
  institutionKindSchema,
  type Informed,
} from '../../../schema/records/informed';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useOperationForm } from '../../ui/use-operation-form';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';

const t = nl.logbook.informed;
const kindOptions = institutionKindSchema.options.map((value) => ({ value, label: t.institutionKinds[value] }));
const basisOptions = informedBasisSchema.options.map((value) => ({ value, label: t.bases[value] }));
const toldOptions = [{ value: 'ja' as const, label: t.pupilsToldFirstOption }];

export function InformedSection({ detail }: { detail: CaseDetail }) {
  const [saved, setSaved] = useSavedMessage();
  return (
    <CaseSection id="andere-scholen" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <SavedStatus message={saved} />
      {detail.informed.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="record-list">
          {detail.informed.map((r) => (
            <li key={r.id} className="record-card" data-record={r.id}>
              <h3>{r.institution}</h3>
              <p>{entryText(r)}</p>
              <p>{r.pupilsToldFirst ? t.toldFirst : t.notToldFirst}</p>
            </li>
          ))}
        </ul>
      )}
      <Expander label={t.add}>
        {(close) => (
          <InformedForm
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

function entryText(r: Informed): string {
  return t.entry(t.institutionKinds[r.institutionKind], formatDate(r.on), t.bases[r.basis], r.byInitials);
}

// The form's values are strings and a one-box list; the operation's input schema checks them.
const informedForm = z
  .object({
    institutionKind: z.union([z.literal(''), institutionKindSchema]).pipe(institutionKindSchema),
    institution: z.string(),
    on: z.string(),
    basis: z.union([z.literal(''), informedBasisSchema]).pipe(informedBasisSchema),
    pupilsToldFirst: z
      .array(z.literal('ja'))
      .transform((list) => list.length > 0)
      .optional(),
    byInitials: z.string(),
  })
  .pipe(informedFormInput);

function InformedForm({ caseId, onDone, onCancel }: { caseId: string; onDone: () => void; onCancel: () => void }) {
  const form = useOperationForm({
    initial: () => ({
      institutionKind: '' as z.infer<typeof institutionKindSchema> | '',
      institution: '',
      on: todayIso(),
      basis: '' as z.infer<typeof informedBasisSchema> | '',
      pupilsToldFirst: [] as Array<'ja'>,
      byInitials: '',
    }),
    schema: informedForm,
    check: (v) => ({
      ...(v.institutionKind === '' ? { institutionKind: nl.logbook.errors.choose } : {}),
      ...(v.basis === '' ? { basis: nl.logbook.errors.choose } : {}),
      ...(v.byInitials.trim() === '' ? { byInitials: nl.logbook.errors.required } : {}),
    }),
    run: (input) => runOperation('recordInstitutionInformed', { caseId, ...input }),
    onDone,
    fields: ['institutionKind', 'institution', 'on', 'basis', 'pupilsToldFirst', 'byInitials'],
    liveImageCheck: ['institution'],
  });
  return (
    <form {...form.formProps} className="card logbook-form" aria-label={t.formTitle}>
      <RadioGroup
        legend={t.institutionKind}
        name={`informed-kind-${caseId}`}
        inline
        options={kindOptions}
        {...form.choice('institutionKind')}
      />
      <TextField
        label={t.institution}
        hint={t.institutionHint}
        autoComplete="off"
        maxLength={120}
        {...form.text('institution')}
      />
      <TextField label={t.on} type="date" {...form.text('on')} />
      <RadioGroup
        legend={t.basis}
        hint={t.basisHint}
        name={`informed-basis-${caseId}`}
        options={basisOptions}
        {...form.choice('basis')}
      />
      <CheckboxGroup legend={t.pupilsToldFirst} options={toldOptions} {...form.choice('pupilsToldFirst')} />
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
