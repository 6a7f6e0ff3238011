// "Signalen van grooming" (issue 15): the phases of seed 001 the worker
// observes, as tags (not a sequence). The latest set is shown, earlier ones
// stay as history.
import { z } from 'zod';
import {
  groomingFormInput,
  groomingPhaseIdSchema,
  latestGrooming,
  type Grooming,
  type GroomingPhaseId,
} from '../../../schema/records/grooming';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import { useOperationForm } from '../../ui/use-operation-form';
import { missing, optionsOf, pastDates } from './form-values';
import { HistoryCard, InitialsField, RecordForm, type RecordFormProps, RecordSection } from './record-section';

const t = nl.logbook.grooming;
const phaseOptions = optionsOf(groomingPhaseIdSchema.options, t.phaseLabels);

/** The phase names are the source's own words (one is "Slachtofferselectie"), so they are shown as quotes. */
function phasesText(r: Grooming): string {
  return r.phases.length === 0 ? t.nothingObserved : r.phases.map((p) => `‘${t.phaseLabels[p]}’`).join(', ');
}

export function GroomingSection({ detail }: { detail: CaseDetail }) {
  const current = latestGrooming(detail.grooming);
  const earlier = detail.grooming.filter((r) => r.id !== current?.id);
  return (
    <RecordSection
      id="grooming"
      t={t}
      empty={!current}
      form={(props) => <GroomingForm caseId={detail.case.id} start={current?.phases ?? []} {...props} />}
    >
      {current ? (
        <HistoryCard
          record={current.id}
          heading={t.current}
          history={{ label: t.history, entries: earlier.map((r) => `${formatDate(r.observedOn)}: ${phasesText(r)}`) }}
        >
          {current.phases.length === 0 ? (
            <p>{t.nothingObserved}</p>
          ) : (
            <ul>
              {current.phases.map((p) => (
                <li key={p}>
                  <q>{t.phaseLabels[p]}</q>
                </li>
              ))}
            </ul>
          )}
          <p className="record-card__meta">{t.entry(formatDate(current.observedOn), current.byInitials)}</p>
        </HistoryCard>
      ) : null}
    </RecordSection>
  );
}

const groomingForm = z
  .object({ phases: z.array(groomingPhaseIdSchema).optional(), observedOn: z.string(), byInitials: z.string() })
  .pipe(groomingFormInput);

function GroomingForm({
  caseId,
  start,
  onDone,
  onCancel,
}: RecordFormProps & {
  caseId: string;
  /** The current set, so a change starts from what is already noted. */
  start: readonly GroomingPhaseId[];
}) {
  const form = useOperationForm({
    initial: () => ({ phases: [...start], observedOn: todayIso(), byInitials: '' }),
    schema: groomingForm,
    check: (v) => ({ ...missing(v, { byInitials: 'required' }), ...pastDates(v, ['observedOn']) }),
    run: (input) => runOperation('recordGroomingObservation', { caseId, ...input }),
    onDone,
    fields: ['phases', 'observedOn', 'byInitials'],
  });
  return (
    <RecordForm form={form} label={t.formTitle} onCancel={onCancel}>
      <CheckboxGroup legend={t.phases} hint={t.phasesHint} options={phaseOptions} {...form.choice('phases')} />
      <TextField label={t.observedOn} type="date" max={latestTodayIso()} {...form.text('observedOn')} />
      <InitialsField label={t.byInitials} hint={t.byInitialsHint} {...form.text('byInitials')} />
    </RecordForm>
  );
}
