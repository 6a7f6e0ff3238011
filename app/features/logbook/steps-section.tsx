// The step plans of the Rechtsgebied that fit the case types (plansForCase;
// a type without one is shown as a gap), as a checklist with a date and a
// short note per step. A step the source lacks is shown as missing, never
// filled in. Reminders (never promise secrecy, never view images) sit at the
// steps the content marks.
import { useEffect, useId, useState } from 'react';
import type { Plan, PresentStep, Step } from '../../../schema/content';
import type { IncidentType } from '../../../schema/content-base';
import { setStepCheckInput, type StepCheck } from '../../../schema/records/step';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/catalogue';
import { Link } from '../../shell/link';
import { plansForCase } from '../../../schema/knowledge-rules';
import { useCaseJurisdiction } from '../../data/settings';
import { PlanGapNotice } from '../../ui/knowledge/plan-gap-notice';
import { TextField } from '../../ui/field';
import { formatDate, latestTodayIso, todayIso } from '../../ui/dates';
import { pastDates } from './form-values';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { describeFailure, imageDataError, type FieldErrors } from '../../ui/form-errors';
import { useOperationForm } from '../../ui/use-operation-form';
import { useLinkWarnings } from '../../ui/link-warning';
import { firstControl, useFocusAfterSwap } from '../../ui/focus';
import { CaseSection, SavedStatus, useSavedMessage } from './section';
import { ContentError } from '../../ui/knowledge/content-error';
import { Button } from '../../ui/button';

const t = nl.logbook.steps;
const ts = nl.casePage.steps;

export function StepsSection({ detail }: { detail: CaseDetail }) {
  const content = useContent('stappenplan.json');
  const jurisdiction = useCaseJurisdiction(detail.case);
  const [saved, setSaved] = useSavedMessage();
  // Only the Rechtsgebied's plans; a type without one there is shown as a gap, never another jurisdiction's plan.
  const forCase =
    content.status === 'ready'
      ? plansForCase(content.data.plans, content.data.gaps, jurisdiction, detail.case.types)
      : undefined;
  const plans = forCase?.plans ?? [];
  const checks = new Map(detail.steps.map((check) => [`${check.planId}/${check.stepId}`, check]));
  const others = new Map<string, string[]>();
  for (const other of detail.stepOthers) {
    const key = `${other.planId}/${other.stepId}`;
    if (other.note !== undefined) others.set(key, [...(others.get(key) ?? []), other.note]);
  }

  return (
    <CaseSection id="stappenplan" title={t.title}>
      <p className="field__hint">{t.intro}</p>
      {content.status === 'loading' ? <p role="status">{t.loading}</p> : null}
      {content.status === 'error' ? <ContentError retry={content.retry} /> : null}
      {forCase && plans.length === 0 && forCase.gapTypes.length === 0 ? <p>{t.none}</p> : null}
      <SavedStatus message={saved} />
      {plans.map((plan) => (
        <PlanChecklist
          key={plan.id}
          plan={plan}
          caseTypes={detail.case.types}
          caseId={detail.case.id}
          checks={checks}
          others={others}
          onSaved={setSaved}
        />
      ))}
      {content.status === 'ready' && forCase ? (
        <PlanGapNotice
          gap={forCase.gap}
          types={forCase.gapTypes}
          jurisdiction={jurisdiction}
          plans={content.data.plans}
        />
      ) : null}
    </CaseSection>
  );
}

function PlanChecklist({
  plan,
  caseTypes,
  caseId,
  checks,
  others,
  onSaved,
}: {
  plan: Plan;
  caseTypes: readonly IncidentType[];
  caseId: string;
  checks: ReadonlyMap<string, StepCheck>;
  others: ReadonlyMap<string, string[]>;
  onSaved: (message: string) => void;
}) {
  // A case type this plan covers by Baken's choice, not its source's (a review: the reading screen said so,
  // the case page did not).
  const byChoice = (plan.appliesToByChoice ?? []).filter((type) => caseTypes.includes(type));
  return (
    <div className="plan-checklist">
      <h3>
        <Link href={`/stappenplan?plan=${encodeURIComponent(plan.id)}`}>{plan.title}</Link>
      </h3>
      <p className="record-card__meta">{t.planRegion(nl.knowledge.regions[plan.region])}</p>
      {byChoice.length > 0 ? (
        <p className="callout">
          {nl.knowledge.stappenplan.appliesToByChoice(
            byChoice.map((type) => nl.knowledge.incidentTypes[type]).join(', '),
          )}
        </p>
      ) : null}
      <ol className="step-list">
        {plan.steps.map((step) => (
          <li key={step.id} data-record={`${plan.id}/${step.id}`}>
            <StepItem
              step={step}
              plan={plan}
              caseId={caseId}
              check={checks.get(`${plan.id}/${step.id}`)}
              otherNotes={others.get(`${plan.id}/${step.id}`) ?? []}
              onSaved={onSaved}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}

function StepItem({
  step,
  plan,
  caseId,
  check,
  otherNotes,
  onSaved,
}: {
  step: Step;
  plan: Plan;
  caseId: string;
  check: StepCheck | undefined;
  otherNotes: string[];
  onSaved: (message: string) => void;
}) {
  if (step.missing === true) {
    return (
      <div className="step step--missing">
        <h4 className="step__title">{t.missing(step.number)}</h4>
        <p>{step.note}</p>
      </div>
    );
  }
  return (
    <PresentStepItem step={step} plan={plan} caseId={caseId} check={check} otherNotes={otherNotes} onSaved={onSaved} />
  );
}

function PresentStepItem({
  step,
  plan,
  caseId,
  check,
  otherNotes,
  onSaved,
}: {
  step: PresentStep;
  plan: Plan;
  caseId: string;
  check: StepCheck | undefined;
  otherNotes: string[];
  onSaved: (message: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  // The note button and its form take each other's place: focus goes along.
  const focusAfter = useFocusAfterSwap(editing);
  const formId = useId();
  const noteButtonId = `${formId}-button`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = check?.doneOn !== undefined;
  // The tap shows at once; the stored state takes over when the live read brings it.
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  useEffect(() => setOptimistic(null), [done]);
  const title = t.step(step.number, step.title);
  const where = ts.where(step.number, plan.title);

  async function save(change: { doneOn: string | null; remind?: boolean }, message: string) {
    setBusy(true);
    setError(null);
    try {
      await runOperation('setStepCheck', {
        caseId,
        planId: plan.id,
        stepId: step.id,
        ...change,
      });
      onSaved(message);
    } catch (failure) {
      setOptimistic(null);
      setError(describeFailure(failure, []).general);
    } finally {
      setBusy(false);
    }
  }

  // One tap: done today, or no longer done. The checkbox is the state and the action at once.
  function toggleDone() {
    // Waiting for the previous save: the box stays focusable (aria-disabled), the press does nothing.
    if (busy) return;
    setOptimistic(!done);
    if (done) void save({ doneOn: null }, ts.undone(step.number));
    else void save({ doneOn: todayIso() }, ts.doneSaved(step.number));
  }

  return (
    <div className={done ? 'step step--done' : 'step'}>
      <h4 className="step__title">{title}</h4>
      {step.reminders ? (
        <ul className="step__reminders" aria-label={t.remindersLabel}>
          {step.reminders.map((reminder) => (
            <li key={reminder}>{t.reminders[reminder]}</li>
          ))}
        </ul>
      ) : null}
      <label className="step__toggle">
        <input
          type="checkbox"
          autoComplete="off"
          checked={optimistic ?? done}
          aria-disabled={busy || undefined}
          onChange={toggleDone}
        />
        <span>
          {ts.doneToggle}
          <span className="visually-hidden"> — {where}</span>
        </span>
      </label>
      <p className="step__state">
        {done && check?.doneOn ? <strong>{t.done(formatDate(check.doneOn))}</strong> : t.notDone}
        {check?.note ? ` — ${check.note}` : ''}
      </p>
      {!done && check?.remind ? <p className="step__state">{t.reminded}</p> : null}
      {otherNotes.map((note) => (
        <p key={note} className="step__state">
          {ts.otherNote(note)}
        </p>
      ))}
      {otherNotes.length > 0 && !editing ? <p className="field__hint">{ts.otherNoteHint}</p> : null}
      {editing ? (
        <StepForm
          caseId={caseId}
          planId={plan.id}
          stepId={step.id}
          title={ts.noteFormLabel(where)}
          check={check}
          otherNotes={otherNotes}
          onDone={() => {
            setEditing(false);
            onSaved(nl.logbook.saved);
          }}
          onCancel={() => {
            focusAfter(() => document.getElementById(noteButtonId));
            setEditing(false);
          }}
          id={formId}
        />
      ) : (
        <div className="button-row">
          <button
            id={noteButtonId}
            type="button"
            className="button"
            aria-label={ts.noteLabel(where)}
            onClick={() => {
              focusAfter(() => firstControl(document.getElementById(formId)));
              setEditing(true);
            }}
          >
            {ts.noteButton}
          </button>
          {done ? null : (
            <Button
              type="button"
              className="button"
              aria-label={ts.remindLabelIn(where)}
              aria-pressed={check?.remind === true}
              disabled={busy}
              onClick={() => {
                const remind = check?.remind !== true;
                void save({ doneOn: null, remind }, remind ? ts.remindOn(step.number) : ts.remindOff(step.number));
              }}
            >
              {t.remind}
            </Button>
          )}
        </div>
      )}
      <p role="alert" className="field__error">
        {error ?? ''}
      </p>
    </div>
  );
}

// The step form checks a step on a date: the operation's input without case, plan and step.
const stepForm = setStepCheckInput.pick({ doneOn: true, note: true }).required({ note: true });

function StepForm({
  caseId,
  planId,
  stepId,
  title,
  check,
  otherNotes,
  onDone,
  onCancel,
  id,
}: {
  caseId: string;
  planId: string;
  stepId: string;
  title: string;
  check: StepCheck | undefined;
  /** Notes of the same step from another device's record: offered in the field, to be saved as one. */
  otherNotes: string[];
  onDone: () => void;
  onCancel: () => void;
  id: string;
}) {
  const links = useLinkWarnings<'note'>({ note: 'images' });
  const form = useOperationForm({
    // A note on a step not done yet leaves it open: the date is filled in only when it was done.
    initial: {
      doneOn: check?.doneOn ?? '',
      note: [check?.note, ...otherNotes].filter((note) => note !== undefined).join(' / '),
    },
    schema: stepForm,
    toInput: (values: { doneOn: string; note: string }) => ({
      ...values,
      doneOn: values.doneOn === '' ? null : values.doneOn,
    }),
    // The operation takes any note text; the never-images rule is the record's, shown here before saving.
    check: ({ note, doneOn }): FieldErrors => {
      const problem = imageDataError(note);
      return { ...links.check({ note }), ...(problem ? { note: problem } : {}), ...pastDates({ doneOn }, ['doneOn']) };
    },
    run: (input) => {
      const trimmed = (input.note ?? '').trim();
      return runOperation('setStepCheck', {
        caseId,
        planId,
        stepId,
        doneOn: input.doneOn,
        ...(trimmed === '' ? {} : { note: trimmed }),
      });
    },
    onDone,
    fields: ['doneOn', 'note'],
    liveImageCheck: ['note'],
  });

  return (
    <form {...form.formProps} id={id} className="logbook-form step-form" aria-label={title}>
      <TextField label={t.doneOn} hint={t.doneOnHint} type="date" max={latestTodayIso()} {...form.text('doneOn')} />
      <TextField label={t.note} maxLength={500} {...form.text('note')} />
      {links.notice('note', form.values.note, t.note)}
      <FormError message={form.general} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
