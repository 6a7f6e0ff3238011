// "Laten rusten tot": a follow-up date with a purpose (suggested +7 days),
// done or rescheduled with a reason (history kept). Also the case status:
// close with a retention date, reopen, erase after confirmation.
import { useRef } from 'react';
import { suggestFollowUpDate } from '../../../schema/case-rules';
import { closeCaseInput } from '../../../schema/records/case';
import { scheduleFollowUpInput, type FollowUp } from '../../../schema/records/follow-up';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { useSettings } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { navigate } from '../../shell/router';
import { TextField } from '../../ui/field';
import { useLinkWarnings } from '../../ui/link-warning';
import { RescheduleForm } from '../../ui/reschedule-form';
import { validateReschedule } from '../../ui/reschedule-check';
import { useOperationForm } from '../../ui/use-operation-form';
import { FOLLOW_UP_MAX_YEARS_AHEAD, keysSeenTwice, RETENTION_MAX_YEARS_AHEAD } from '../../../schema/follow-up';
import { notBeforeToday, notTooFarAhead, yearsAheadIso } from './form-values';
import { formatDate, plusMonths, planTodayIso, todayIso } from '../../ui/dates';
import { EraseCaseButton } from './erase-case';
import { nextDue } from './facts-section';
import { setFlash } from './flash';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { LiveText } from '../../ui/live-text';
import { useAction } from '../../ui/use-action';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';
import { statusText } from './status-text';
import { ItemList } from '../../ui/item-list';
import { useFocusAfterSwap } from '../../ui/focus';
import { Button } from '../../ui/button';

const t = nl.logbook.followUp;
const tc = nl.logbook.close;

export function FollowUpSection({ detail }: { detail: CaseDetail }) {
  const [saved, setSaved] = useSavedMessage();
  const current = detail.case;
  const closed = current.status === 'afgesloten';
  const open = detail.followUps
    .filter((followUp) => followUp.doneOn === undefined)
    .sort((a, b) => a.due.localeCompare(b.due));
  const done = detail.followUps.filter((followUp) => followUp.doneOn !== undefined);
  // Two follow-ups of one list on the same day: their buttons' names also say what each is for, so a
  // screen reader's list of buttons tells them apart (a review). One per day keeps the short names.
  const openShared = keysSeenTwice(open, (f) => f.due);
  const doneShared = keysSeenTwice(done, (f) => f.due);
  // Closing swaps the close form for "Dossier heropenen", reopening swaps back: focus goes to the new button.
  const closeArea = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfterSwap(closed);
  const focusCloseArea = () =>
    focusAfter(
      () => closeArea.current?.querySelector('button'),
      () => closeArea.current,
    );

  return (
    <CaseSection id="opvolging" title={t.title}>
      <p>
        {nl.logbook.facts.status}: <strong>{statusText(current.status, nextDue(detail))}</strong>
      </p>
      {closed ? <p>{t.noneClosed}</p> : <p className="field__hint">{t.intro}</p>}
      {open.length === 0 && !closed ? <p>{t.none}</p> : null}
      <ItemList className="record-list" items={open} itemKey={(followUp) => followUp.id} markRecords>
        {(followUp) => (
          <FollowUpCard
            followUp={followUp}
            heading="h3"
            withPurpose={openShared.has(followUp.due)}
            onSaved={setSaved}
          />
        )}
      </ItemList>
      <SavedStatus message={saved} />
      {closed ? null : (
        <Expander label={t.add} onSaved={setSaved}>
          {(close, saved) => <ScheduleForm caseId={current.id} onDone={() => saved(t.saved)} onCancel={close} />}
        </Expander>
      )}
      {done.length > 0 ? (
        <>
          <h3>{t.past}</h3>
          <ul className="record-list">
            {done.map((followUp) => (
              <li key={followUp.id} data-record={followUp.id}>
                <FollowUpCard
                  followUp={followUp}
                  heading="h4"
                  canUndo={!closed}
                  withPurpose={doneShared.has(followUp.due)}
                  onSaved={setSaved}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{closed ? tc.titleClosed : tc.title}</h3>
      <div ref={closeArea}>
        {closed ? (
          <ReopenButton
            caseId={current.id}
            onSaved={(message) => {
              focusCloseArea();
              setSaved(message);
            }}
          />
        ) : (
          <>
            {open.length > 0 ? <p className="field__hint">{nl.errors['case.openFollowUps']}</p> : null}
            <Expander label={tc.button} onSaved={setSaved}>
              {(close, saved) => (
                <CloseForm
                  caseId={current.id}
                  onDone={() => {
                    focusCloseArea();
                    saved(tc.closedDone);
                  }}
                  onCancel={close}
                />
              )}
            </Expander>
          </>
        )}
      </div>
      <div className="erase-row">
        <EraseCaseButton
          caseId={current.id}
          reference={current.reference}
          onErased={(message) => {
            setFlash(message);
            navigate('/');
          }}
        />
      </div>
    </CaseSection>
  );
}

function FollowUpCard({
  followUp,
  heading: Heading,
  canUndo = false,
  withPurpose = false,
  onSaved,
}: {
  followUp: FollowUp;
  /** h3 right under the section's h2, h4 under "Eerdere opvolging". */
  heading: 'h3' | 'h4';
  /** A done follow-up of an open case can be opened again ("Klaar" by mistake). */
  canUndo?: boolean;
  /** Another follow-up in the same list falls on the same day: the buttons' names add the purpose. */
  withPurpose?: boolean;
  onSaved: (message: string) => void;
}) {
  const { busy, error, run } = useAction();
  const dueDate = formatDate(followUp.due);
  // What the buttons' names call this follow-up: its date, with its purpose when the date is shared.
  const due = withPurpose ? t.dateAndPurpose(dueDate, followUp.purpose) : dueDate;

  function markDone() {
    return run(
      () => runOperation('completeFollowUp', { id: followUp.id, doneOn: todayIso() }),
      () => onSaved(t.done),
    );
  }

  function undoDone() {
    return run(
      () => runOperation('undoFollowUpDone', { id: followUp.id }),
      () => onSaved(t.undone),
    );
  }

  return (
    <article className="record-card" aria-labelledby={`followup-${followUp.id}`}>
      <Heading id={`followup-${followUp.id}`} className="record-card__title">
        {t.entry(dueDate, followUp.purpose)}
      </Heading>
      {followUp.doneOn ? <p className="badge badge--ok">{t.doneOn(formatDate(followUp.doneOn))}</p> : null}
      {followUp.doneOn && canUndo ? (
        <div className="button-row">
          <Button
            type="button"
            className="button"
            aria-label={t.undoLabel(due)}
            disabled={busy}
            onClick={() => void undoDone()}
          >
            {t.undo}
          </Button>
        </div>
      ) : null}
      {followUp.history.length > 0 ? (
        <ul className="history">
          {followUp.history.map((change) => (
            <li key={change.at}>{t.history(formatDate(change.from), formatDate(change.to), change.reason)}</li>
          ))}
        </ul>
      ) : null}
      {followUp.doneOn ? null : (
        <div className="button-row">
          <Button
            type="button"
            className="button"
            aria-label={t.markDoneLabel(due)}
            disabled={busy}
            onClick={() => void markDone()}
          >
            {t.markDone}
          </Button>
        </div>
      )}
      <Expander
        label={t.reschedule}
        buttonLabel={t.rescheduleLabel(due)}
        onSaved={onSaved}
        changed={followUp.doneOn ? nl.logbook.changedMeanwhile.followUp : undefined}
      >
        {(close, saved) => (
          <RescheduleForm
            name={t.rescheduleLabel(due)}
            initialTo={followUp.due}
            min={planTodayIso()}
            texts={{ to: t.rescheduleTo, reason: t.rescheduleReason, save: t.saveReschedule }}
            check={(values) => validateReschedule({ ...values, current: followUp.due, today: planTodayIso() })}
            summary
            className="logbook-form"
            run={(input) => runOperation('rescheduleFollowUp', { id: followUp.id, ...input })}
            onDone={() => saved(t.rescheduled)}
            onCancel={close}
          />
        )}
      </Expander>
      <LiveText role="alert" className="field__error" message={error} />
    </article>
  );
}

const scheduleForm = scheduleFollowUpInput.omit({ caseId: true });

function ScheduleForm({ caseId, onDone, onCancel }: { caseId: string; onDone: () => void; onCancel: () => void }) {
  const links = useLinkWarnings<'purpose'>({ purpose: 'images' });
  const form = useOperationForm({
    initial: () => ({ due: suggestFollowUpDate(planTodayIso()), purpose: '' }),
    schema: scheduleForm,
    check: (values) => ({
      ...links.check(values),
      ...notBeforeToday('due', values.due),
      ...notTooFarAhead('due', values.due, FOLLOW_UP_MAX_YEARS_AHEAD),
    }),
    run: (input) => runOperation('scheduleFollowUp', { caseId, due: input.due, purpose: input.purpose.trim() }),
    onDone,
    fields: ['due', 'purpose'],
    liveImageCheck: ['purpose'],
  });

  return (
    <form {...form.formProps} className="card logbook-form" aria-label={t.add}>
      <TextField
        label={t.due}
        hint={t.dueHint}
        type="date"
        min={planTodayIso()}
        max={yearsAheadIso(FOLLOW_UP_MAX_YEARS_AHEAD)}
        {...form.text('due')}
      />
      <TextField label={t.purpose} maxLength={500} required {...form.text('purpose')} />
      {links.notice('purpose', form.values.purpose, t.purpose)}
      <FormError message={form.general} />
      <FormButtons busy={form.busy} saveLabel={t.save} onCancel={onCancel} />
    </form>
  );
}

// The close form sets the retention date; the case id is added when saving.
const closeForm = closeCaseInput.omit({ id: true });

function CloseForm({ caseId, onDone, onCancel }: { caseId: string; onDone: () => void; onCancel: () => void }) {
  const { retentionMonths } = useSettings();
  // Until the worker picks a date, the default follows the settings (they may load after the form opens).
  const fallback = plusMonths(planTodayIso(), retentionMonths);
  const form = useOperationForm({
    initial: { retentionUntil: null as string | null },
    schema: closeForm,
    toInput: (values) => ({ retentionUntil: values.retentionUntil ?? fallback }),
    run: (input) => runOperation('closeCase', { id: caseId, ...input }),
    onDone,
    fields: ['retentionUntil'],
  });

  return (
    <form {...form.formProps} className="card logbook-form" aria-label={tc.title}>
      <TextField
        label={tc.retentionUntil}
        hint={tc.retentionHint(retentionMonths)}
        type="date"
        value={form.values.retentionUntil ?? fallback}
        min={planTodayIso()}
        max={yearsAheadIso(RETENTION_MAX_YEARS_AHEAD)}
        error={form.error('retentionUntil')}
        onChange={(event) => form.set('retentionUntil', event.target.value)}
      />
      <FormError message={form.general} />
      <FormButtons busy={form.busy} saveLabel={tc.confirm} onCancel={onCancel} />
    </form>
  );
}

function ReopenButton({ caseId, onSaved }: { caseId: string; onSaved: (message: string) => void }) {
  const { busy, error, run } = useAction();
  const reopen = () =>
    run(
      () => runOperation('reopenCase', { id: caseId }),
      () => onSaved(tc.reopened),
    );
  return (
    <>
      <Button type="button" className="button" disabled={busy} onClick={() => void reopen()}>
        {tc.reopen}
      </Button>
      <LiveText role="alert" className="field__error" message={error} />
    </>
  );
}
