// "Politie" (issue 15): a complaint considered, advised or made; by whom and
// when; and whether the young person or parents know what a complaint means
// (seed 004's wording, in the catalogue). Each stage shows its latest state.
import { z } from 'zod';
import {
  latestPolice,
  policeActorSchema,
  policeFormInput,
  policeStageSchema,
  type Police,
} from '../../../schema/records/police';
import type { CaseDetail } from '../../data/case-hooks';
import { useCaseJurisdiction } from '../../data/settings';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import { useOperationForm } from '../../ui/use-operation-form';
import { chosen, missing, oneBox, optionsOf, pastDates, ticked } from './form-values';
import { InitialsField, LatestPerKeySection, RecordForm, type RecordFormProps } from './record-section';

const t = nl.logbook.police;
const stageOptions = optionsOf(policeStageSchema.options, t.stages);
const actorOptions = optionsOf(policeActorSchema.options, t.actors);
const informedOptions = oneBox(t.informedOption);

export function PoliceSection({ detail }: { detail: CaseDetail }) {
  // Seed 004's explanation is Belgian law: a case in the Netherlands gets seed 000's step instead.
  const hint = useCaseJurisdiction(detail.case) === 'nederland' ? t.informedHintNl : t.informedHint;
  return (
    <LatestPerKeySection
      id="politie"
      t={t}
      form={(props) => <PoliceForm caseId={detail.case.id} hint={hint} {...props} />}
      keys={policeStageSchema.options}
      latest={latestPolice(detail.police)}
      records={detail.police}
      keyOf={(r) => r.stage}
      recordPrefix="police"
      heading={(stage) => t.stages[stage]}
      entryText={entryText}
    >
      {(current) => <p>{current.informed ? t.informedText : t.notInformedText}</p>}
    </LatestPerKeySection>
  );
}

function entryText(r: Police): string {
  return t.entry(t.actors[r.by], formatDate(r.on), r.byInitials);
}

// The form's values are strings and a one-box list; the operation's input schema checks them.
const policeForm = z
  .object({
    stage: chosen(policeStageSchema),
    by: chosen(policeActorSchema),
    on: z.string(),
    informed: ticked().optional(),
    byInitials: z.string(),
  })
  .pipe(policeFormInput);

function PoliceForm({ caseId, hint, onDone, onCancel }: RecordFormProps & { caseId: string; hint: string }) {
  const form = useOperationForm({
    initial: () => ({
      stage: '' as z.infer<typeof policeStageSchema> | '',
      by: '' as z.infer<typeof policeActorSchema> | '',
      on: todayIso(),
      informed: [] as Array<'ja'>,
      byInitials: '',
    }),
    schema: policeForm,
    check: (v) => ({
      ...missing(v, { stage: 'choose', by: 'choose', byInitials: 'required' }),
      ...pastDates(v, ['on']),
    }),
    run: (input) => runOperation('recordPoliceStep', { caseId, ...input }),
    onDone,
    fields: ['stage', 'by', 'on', 'informed', 'byInitials'],
  });
  return (
    <RecordForm form={form} label={t.formTitle} onCancel={onCancel}>
      <RadioGroup legend={t.stage} name={`police-stage-${caseId}`} options={stageOptions} {...form.choice('stage')} />
      <RadioGroup legend={t.by} name={`police-by-${caseId}`} options={actorOptions} {...form.choice('by')} />
      <TextField label={t.on} type="date" max={latestTodayIso()} {...form.text('on')} />
      <CheckboxGroup legend={t.informed} hint={hint} options={informedOptions} {...form.choice('informed')} />
      <InitialsField label={t.byInitials} hint={t.byInitialsHint} {...form.text('byInitials')} />
    </RecordForm>
  );
}
