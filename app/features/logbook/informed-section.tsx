// "Andere scholen en CLB's" (issue 15, seed 004): which other school or CLB
// was told, when, on what basis, and whether the pupils knew first.
import { z } from 'zod';
import {
  informedBasisSchema,
  informedFormInput,
  institutionKindSchema,
  type Informed,
} from '../../../schema/records/informed';
import { informedBasisDocumented } from '../../../schema/share-rules';
import type { Party } from '../../../schema/records/party';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import { useOperationForm } from '../../ui/use-operation-form';
import { chosen, missing, oneBox, optionsOf, pastDates, ticked } from './form-values';
import { InitialsField, RecordForm, type RecordFormProps, RecordSection } from './record-section';
import { NameWarning } from './name-warning';

const t = nl.logbook.informed;
const kindOptions = optionsOf(institutionKindSchema.options, t.institutionKinds);
const basisOptions = optionsOf(informedBasisSchema.options, t.bases);
const toldOptions = oneBox(t.pupilsToldFirstOption);

export function InformedSection({ detail }: { detail: CaseDetail }) {
  return (
    <RecordSection
      id="andere-scholen"
      t={t}
      empty={detail.informed.length === 0}
      form={(props) => <InformedForm caseId={detail.case.id} parties={detail.parties} {...props} />}
    >
      <ul className="record-list">
        {detail.informed.map((r) => (
          <li key={r.id} className="record-card" data-record={r.id}>
            <h3>{r.institution}</h3>
            <p>{entryText(r)}</p>
            <p>{r.pupilsToldFirst ? t.toldFirst : t.notToldFirst}</p>
            {informedBasisDocumented(r, detail.consents) ? null : <p className="callout">{t.basisMissing[r.basis]}</p>}
          </li>
        ))}
      </ul>
    </RecordSection>
  );
}

function entryText(r: Informed): string {
  return t.entry(t.institutionKinds[r.institutionKind], formatDate(r.on), t.bases[r.basis], r.byInitials);
}

// The form's values are strings and a one-box list; the operation's input schema checks them.
const informedForm = z
  .object({
    institutionKind: chosen(institutionKindSchema),
    institution: z.string(),
    on: z.string(),
    basis: chosen(informedBasisSchema),
    pupilsToldFirst: ticked().optional(),
    byInitials: z.string(),
  })
  .pipe(informedFormInput);

function InformedForm({
  caseId,
  parties,
  onDone,
  onCancel,
}: RecordFormProps & { caseId: string; parties: readonly Party[] }) {
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
      ...missing(v, { institutionKind: 'choose', basis: 'choose', byInitials: 'required' }),
      ...pastDates(v, ['on']),
    }),
    run: (input) => runOperation('recordInstitutionInformed', { caseId, ...input }),
    onDone,
    fields: ['institutionKind', 'institution', 'on', 'basis', 'pupilsToldFirst', 'byInitials'],
    liveImageCheck: ['institution'],
  });
  return (
    <RecordForm form={form} label={t.formTitle} onCancel={onCancel}>
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
      {/* The institution's name, never a person's (a review typed "juf van Milan" here unwarned). */}
      <NameWarning
        text={form.values.institution}
        parties={parties}
        where={nl.logbook.names.inInstitution}
        onReplace={(institution) => form.patch({ institution })}
      />
      <TextField label={t.on} type="date" max={latestTodayIso()} {...form.text('on')} />
      <RadioGroup
        legend={t.basis}
        hint={t.basisHint}
        name={`informed-basis-${caseId}`}
        options={basisOptions}
        {...form.choice('basis')}
      />
      <CheckboxGroup legend={t.pupilsToldFirst} options={toldOptions} {...form.choice('pupilsToldFirst')} />
      <InitialsField label={t.byInitials} hint={t.byInitialsHint} {...form.text('byInitials')} />
    </RecordForm>
  );
}
