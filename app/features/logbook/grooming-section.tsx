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
import { formatDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useOperationForm } from '../../ui/use-operation-form';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';

const t = nl.logbook.grooming;
const phaseOptions = groomingPhaseIdSchema.options.map((value) => ({ value, label: t.phaseLabels[value] }));

function phasesText(r: Grooming): string {
  return r.phases.length === 0 ? t.nothingObserved : r.phases.map((p) => t.phaseLabels[p]).join(', ');
}

export function GroomingSection({ detail }: { detail: CaseDetail }) {
  const [saved, setSaved] = useSavedMessage();
  const current = latestGrooming(detail.grooming);
  const earlier = detail.grooming.filter((r) => r.id !== current?.id);
  return (
    <CaseSection id="grooming" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <SavedStatus message={saved} />
      {current ? (
        <div className="record-card" data-record={current.id}>
          <h3>{t.current}</h3>
          {current.phases.length === 0 ? (
            <p>{t.nothingObserved}</p>
          ) : (
            <ul>
              {current.phases.map((p) => (
                <li key={p}>{t.phaseLabels[p]}</li>
              ))}
            </ul>
          )}
          <p className="record-card__meta">{t.entry(formatDate(current.observedOn), current.byInitials)}</p>
          {earlier.length > 0 ? (
            <p className="record-card__meta">
              {t.history}: {earlier.map((r) => `${formatDate(r.observedOn)}: ${phasesText(r)}`).join('; ')}
            </p>
          ) : null}
        </div>
      ) : (
        <p>{t.none}</p>
      )}
      <Expander label={t.add}>
        {(close) => (
          <GroomingForm
            caseId={detail.case.id}
            start={current?.phases ?? []}
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

const groomingForm = z
  .object({ phases: z.array(groomingPhaseIdSchema).optional(), observedOn: z.string(), byInitials: z.string() })
  .pipe(groomingFormInput);

function GroomingForm({
  caseId,
  start,
  onDone,
  onCancel,
}: {
  caseId: string;
  /** The current set, so a change starts from what is already noted. */
  start: readonly GroomingPhaseId[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useOperationForm({
    initial: () => ({ phases: [...start], observedOn: todayIso(), byInitials: '' }),
    schema: groomingForm,
    check: (v) => ({ ...(v.byInitials.trim() === '' ? { byInitials: nl.logbook.errors.required } : {}) }),
    run: (input) => runOperation('recordGroomingObservation', { caseId, ...input }),
    onDone,
    fields: ['phases', 'observedOn', 'byInitials'],
  });
  return (
    <form {...form.formProps} className="card logbook-form" aria-label={t.formTitle}>
      <CheckboxGroup legend={t.phases} hint={t.phasesHint} options={phaseOptions} {...form.choice('phases')} />
      <TextField label={t.observedOn} type="date" {...form.text('observedOn')} />
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
