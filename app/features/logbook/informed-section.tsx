// "Andere scholen en CLB's" (issue 15, seed 004): which other school or CLB
// was told, when, on what basis, and whether the pupils knew first. A case in
// the Netherlands says "Andere scholen" and asks for a school only (no CLBs there).
import { z } from 'zod';
import {
  informedBasisSchema,
  informedFormInput,
  institutionKindSchema,
  type Informed,
} from '../../../schema/records/informed';
import { informedBasisDocumented } from '../../../schema/share-rules';
import { releasesAnything } from '../../../schema/consent-validity';
import type { Party } from '../../../schema/records/party';
import type { ConsentGiven } from '../../../schema/records/consent';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import { useCaseJurisdiction } from '../../data/settings';
import { useOperationForm } from '../../ui/use-operation-form';
import { chosen, missing, oneBox, optionsOf, pastDates, ticked } from './form-values';
import { InitialsField, RecordForm, type RecordFormProps, RecordSection } from './record-section';
import { NameWarning } from './name-warning';

const t = nl.logbook.informed;
type InformedTexts = { [K in keyof typeof t]: (typeof t)[K] extends string ? string : (typeof t)[K] } & {
  nameWhere: string;
};
const texts: Record<'vlaanderen' | 'nederland', InformedTexts> = {
  vlaanderen: { ...t, nameWhere: nl.logbook.names.inInstitution },
  nederland: { ...t, ...nl.logbook.informedNl },
};
const kindOptions = optionsOf(institutionKindSchema.options, t.institutionKinds);
const basisOptions = optionsOf(informedBasisSchema.options, t.bases);
const toldOptions = oneBox(t.pupilsToldFirstOption);

export function InformedSection({ detail }: { detail: CaseDetail }) {
  const jurisdiction = useCaseJurisdiction(detail.case);
  // "met toestemming" counts only on a consent that was enough that day, under the case's rules.
  const ctx = { jurisdiction, knownOn: detail.case.knownOn };
  const releases = (consent: ConsentGiven, onDate: string) =>
    releasesAnything(consent, detail.parties, detail.consents, ctx, onDate);
  return (
    <RecordSection
      id="andere-scholen"
      t={texts[jurisdiction]}
      empty={detail.informed.length === 0}
      form={(props) => (
        <InformedForm
          caseId={detail.case.id}
          parties={detail.parties}
          tj={texts[jurisdiction]}
          schoolOnly={jurisdiction === 'nederland'}
          {...props}
        />
      )}
    >
      <ul className="record-list">
        {detail.informed.map((r) => (
          <li key={r.id} className="record-card" data-record={r.id}>
            <h3>{r.institution}</h3>
            <p>{entryText(r)}</p>
            <p>{r.pupilsToldFirst ? t.toldFirst : t.notToldFirst}</p>
            {informedBasisDocumented(r, detail.consents, releases) ? null : (
              <p className="callout">{t.basisMissing[r.basis]}</p>
            )}
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
  tj,
  schoolOnly,
  onDone,
  onCancel,
}: RecordFormProps & { caseId: string; parties: readonly Party[]; tj: InformedTexts; schoolOnly: boolean }) {
  const form = useOperationForm({
    initial: () => ({
      // In the Netherlands the only kind is a school: no question with one answer.
      institutionKind: (schoolOnly ? 'school' : '') as z.infer<typeof institutionKindSchema> | '',
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
    <RecordForm form={form} label={tj.formTitle} onCancel={onCancel}>
      {schoolOnly ? null : (
        <RadioGroup
          legend={t.institutionKind}
          name={`informed-kind-${caseId}`}
          inline
          options={kindOptions}
          {...form.choice('institutionKind')}
        />
      )}
      <TextField
        label={tj.institution}
        hint={tj.institutionHint}
        autoComplete="off"
        maxLength={120}
        {...form.text('institution')}
      />
      {/* The institution's name, never a person's (a review typed "juf van Milan" here unwarned). */}
      <NameWarning
        text={form.values.institution}
        parties={parties}
        where={tj.nameWhere}
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
