// "Politie" (issue 15): a complaint considered, advised or made; by whom and
// when; and whether the young person or parents know what a complaint means
// (seed 004's wording, in the catalogue; "aangifte" for a case in the
// Netherlands). Each stage shows its latest state.
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

// The section's words: a case in the Netherlands says "aangifte" where Flanders says "klacht", and gets
// seed 000's step as the hint instead of seed 004's explanation of Belgian law.
function textsOf(inNl: boolean) {
  const words = inNl ? { ...t, ...nl.logbook.policeNl, informedHint: t.informedHintNl } : t;
  return {
    ...words,
    stageOptions: optionsOf(policeStageSchema.options, words.stages),
    informedOptions: oneBox(words.informedOption),
    // No CLB in the Netherlands (a Dutch care team's review); a stored "CLB" still reads as such.
    actorOptions: optionsOf(policeActorSchema.options, t.actors).filter((o) => !inNl || o.value !== 'clb'),
  };
}
type PoliceTexts = ReturnType<typeof textsOf>;
const texts = { vlaanderen: textsOf(false), nederland: textsOf(true) };

export function PoliceSection({ detail }: { detail: CaseDetail }) {
  const tj = texts[useCaseJurisdiction(detail.case)];
  return (
    <LatestPerKeySection
      id="politie"
      t={tj}
      form={(props) => <PoliceForm caseId={detail.case.id} tj={tj} {...props} />}
      keys={policeStageSchema.options}
      latest={latestPolice(detail.police)}
      records={detail.police}
      keyOf={(r) => r.stage}
      recordPrefix="police"
      heading={(stage) => tj.stages[stage]}
      entryText={entryText}
    >
      {(current) => <p>{current.informed ? tj.informedText : tj.notInformedText}</p>}
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

function PoliceForm({ caseId, tj, onDone, onCancel }: RecordFormProps & { caseId: string; tj: PoliceTexts }) {
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
    <RecordForm form={form} label={tj.formTitle} onCancel={onCancel}>
      <RadioGroup
        legend={t.stage}
        name={`police-stage-${caseId}`}
        options={tj.stageOptions}
        {...form.choice('stage')}
      />
      <RadioGroup legend={t.by} name={`police-by-${caseId}`} options={tj.actorOptions} {...form.choice('by')} />
      <TextField label={t.on} type="date" max={latestTodayIso()} {...form.text('on')} />
      <CheckboxGroup
        legend={t.informed}
        hint={tj.informedHint}
        options={tj.informedOptions}
        {...form.choice('informed')}
      />
      <InitialsField label={t.byInitials} hint={t.byInitialsHint} {...form.text('byInitials')} />
    </RecordForm>
  );
}
