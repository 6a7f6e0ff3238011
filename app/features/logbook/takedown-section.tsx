// "Materiaal offline halen" (issue 15, seed 004): the current status of each
// step to get the material offline, its history, and a form to note a step.
// Only that a step was taken, when and by whom: never the material or a link.
// The helpline that helps remove images is Child Focus in Flanders and
// Helpwanted.nl in the Netherlands (DOMAIN.md): the form offers the case's own.
import {
  latestTakedowns,
  takedownFormInput,
  takedownStatusSchema,
  takedownStepSchema,
  type Takedown,
} from '../../../schema/records/takedown';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { useCaseJurisdiction } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import { useOperationForm } from '../../ui/use-operation-form';
import { chosen, missing, optionsOf, pastDates } from './form-values';
import { InitialsField, LatestPerKeySection, RecordForm, type RecordFormProps } from './record-section';

const t = nl.logbook.takedown;
const allSteps = optionsOf(takedownStepSchema.options, t.steps);
const stepOptions = {
  vlaanderen: allSteps.filter((o) => o.value !== 'helpwanted'),
  nederland: allSteps.filter((o) => o.value !== 'child-focus'),
};
const statusOptions = optionsOf(takedownStatusSchema.options, t.statuses);

export function TakedownSection({ detail }: { detail: CaseDetail }) {
  const jurisdiction = useCaseJurisdiction(detail.case);
  return (
    <LatestPerKeySection
      id="offline-halen"
      t={t}
      form={(props) => <TakedownForm caseId={detail.case.id} options={stepOptions[jurisdiction]} {...props} />}
      keys={takedownStepSchema.options}
      latest={latestTakedowns(detail.takedowns)}
      records={detail.takedowns}
      keyOf={(r) => r.step}
      recordPrefix="takedown"
      heading={(step) => t.steps[step]}
      entryText={entryText}
    />
  );
}

function entryText(r: Takedown): string {
  return t.entry(t.statuses[r.status], formatDate(r.on), r.byInitials);
}

// The form's values are strings; the operation's input schema checks them.
const takedownForm = takedownFormInput.extend({
  step: chosen(takedownStepSchema),
  status: chosen(takedownStatusSchema),
});

function TakedownForm({
  caseId,
  options,
  onDone,
  onCancel,
}: RecordFormProps & { caseId: string; options: typeof allSteps }) {
  const form = useOperationForm({
    initial: () => ({ step: '', status: 'gedaan', on: todayIso(), byInitials: '' }),
    schema: takedownForm,
    check: (v) => ({ ...missing(v, { step: 'choose', byInitials: 'required' }), ...pastDates(v, ['on']) }),
    run: (input) => runOperation('recordTakedownStep', { caseId, ...input }),
    onDone,
    fields: ['step', 'status', 'on', 'byInitials'],
  });
  return (
    <RecordForm form={form} label={t.formTitle} onCancel={onCancel}>
      <RadioGroup legend={t.step} name={`takedown-step-${caseId}`} options={options} {...form.choice('step')} />
      <RadioGroup
        legend={t.status}
        name={`takedown-status-${caseId}`}
        inline
        options={statusOptions}
        {...form.choice('status')}
      />
      <TextField label={t.on} type="date" max={latestTodayIso()} {...form.text('on')} />
      <InitialsField label={t.byInitials} hint={t.byInitialsHint} {...form.text('byInitials')} />
    </RecordForm>
  );
}
