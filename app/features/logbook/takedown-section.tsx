// "Materiaal offline halen" (issue 15, seed 004): the current status of each
// step to get the material offline, its history, and a form to note a step.
// Only that a step was taken, when and by whom: never the material or a link.
import { z } from 'zod';
import {
  latestTakedowns,
  recordTakedownInput,
  takedownStatusSchema,
  takedownStepSchema,
  type Takedown,
} from '../../../schema/records/takedown';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { RadioGroup } from '../../ui/choice-group';
import { TextField } from '../../ui/field';
import { formatDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useOperationForm } from '../../ui/use-operation-form';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';

const t = nl.logbook.takedown;
const stepOptions = takedownStepSchema.options.map((value) => ({ value, label: t.steps[value] }));
const statusOptions = takedownStatusSchema.options.map((value) => ({ value, label: t.statuses[value] }));

export function TakedownSection({ detail }: { detail: CaseDetail }) {
  const [saved, setSaved] = useSavedMessage();
  const latest = latestTakedowns(detail.takedowns);
  return (
    <CaseSection id="offline-halen" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      <SavedStatus message={saved} />
      {latest.size === 0 ? <p>{t.none}</p> : null}
      {latest.size > 0 ? (
        <ul className="record-list">
          {takedownStepSchema.options.flatMap((step) => {
            const current = latest.get(step);
            if (!current) return [];
            const earlier = detail.takedowns.filter((r) => r.step === step && r.id !== current.id);
            return [
              <li key={step} className="record-card" data-record={`takedown-${step}`}>
                <h3>{t.steps[step]}</h3>
                <p>{entryText(current)}</p>
                {earlier.length > 0 ? (
                  <p className="record-card__meta">
                    {t.history}: {earlier.map(entryText).join('; ')}
                  </p>
                ) : null}
              </li>,
            ];
          })}
        </ul>
      ) : null}
      <Expander label={t.add}>
        {(close) => (
          <TakedownForm
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

function entryText(r: Takedown): string {
  return t.entry(t.statuses[r.status], formatDate(r.on), r.byInitials);
}

// The form's values are strings; the operation's input schema checks them.
const takedownForm = recordTakedownInput.omit({ caseId: true }).extend({
  step: z.union([z.literal(''), takedownStepSchema]).pipe(takedownStepSchema),
  status: z.union([z.literal(''), takedownStatusSchema]).pipe(takedownStatusSchema),
});

function TakedownForm({ caseId, onDone, onCancel }: { caseId: string; onDone: () => void; onCancel: () => void }) {
  const form = useOperationForm({
    initial: () => ({ step: '', status: 'gedaan', on: todayIso(), byInitials: '' }),
    schema: takedownForm,
    check: (v) => ({
      ...(v.step === '' ? { step: nl.logbook.errors.choose } : {}),
      ...(v.byInitials.trim() === '' ? { byInitials: nl.logbook.errors.required } : {}),
    }),
    run: (input) => runOperation('recordTakedownStep', { caseId, ...input }),
    onDone,
    fields: ['step', 'status', 'on', 'byInitials'],
  });
  return (
    <form {...form.formProps} className="card logbook-form" aria-label={t.formTitle}>
      <RadioGroup legend={t.step} name={`takedown-step-${caseId}`} options={stepOptions} {...form.choice('step')} />
      <RadioGroup
        legend={t.status}
        name={`takedown-status-${caseId}`}
        inline
        options={statusOptions}
        {...form.choice('status')}
      />
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
