import { useRef, useState } from 'react';
import type { Case, FactsVersion } from '../../../schema/records/case';
import type { Party } from '../../../schema/records/party';
import { changesFrom } from '../../../schema/edit-base';
import type { Jurisdiction } from '../../../schema/settings';
import type { CaseDetail } from '../../data/case-hooks';
import { InvalidRecordError } from '../../data/errors';
import { runOperation } from '../../data/operations';
import { useCaseJurisdiction } from '../../data/settings';
import { nl } from '../../i18n/catalogue';
import { CaseFields, caseFormOptions, caseInput, knownViaLabel, useCaseLinks, type CaseValues } from './case-fields';
import { formatDate } from '../../ui/dates';
import { TextAreaField } from '../../ui/field';
import { imageDataError } from '../../ui/form-errors';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useOperationForm } from '../../ui/use-operation-form';
import { NameWarning } from './name-warning';
import type { RecordFormProps } from './record-section';
import { CaseSection, Expander, SavedStatus, useSavedMessage } from './section';
import { statusText } from './status-text';
import { Disclosure } from '../../ui/disclosure';

const t = nl.logbook;

/** The first open follow-up date (earliest), for the status line. */
export function nextDue(detail: CaseDetail): string | undefined {
  return detail.followUps
    .filter((followUp) => followUp.doneOn === undefined)
    .map((followUp) => followUp.due)
    .sort()[0];
}

export function FactsSection({ detail }: { detail: CaseDetail }) {
  const current = detail.case;
  const jurisdiction = useCaseJurisdiction(current);
  const [saved, setSaved] = useSavedMessage();
  return (
    <CaseSection id="incident" title={t.facts.title}>
      <dl className="facts">
        <div>
          <dt>{t.facts.status}</dt>
          <dd>
            <strong>{statusText(current.status, nextDue(detail))}</strong>
            {current.status === 'afgesloten' && current.retentionUntil
              ? ` — ${t.close.closed(formatDate(current.retentionUntil))}`
              : ''}
          </dd>
        </div>
        <div>
          <dt>{t.facts.knownOn}</dt>
          <dd>{formatDate(current.knownOn)}</dd>
        </div>
        <div>
          <dt>{t.facts.knownVia}</dt>
          <dd>{knownViaLabel(current.knownVia, jurisdiction)}</dd>
        </div>
        <div>
          <dt>{t.facts.types}</dt>
          <dd>{current.types.map((type) => t.typeLabels[type]).join(', ')}</dd>
        </div>
        <div>
          <dt>{t.facts.schools}</dt>
          <dd>{current.schools.length > 0 ? current.schools.join(', ') : t.facts.noSchools}</dd>
        </div>
        <div>
          <dt>{t.facts.jurisdiction}</dt>
          <dd>{t.facts.jurisdictions[jurisdiction]}</dd>
        </div>
        <div>
          <dt>{t.facts.description}</dt>
          <dd className="preserve-lines">{current.description}</dd>
        </div>
      </dl>
      <FactsHistory versions={current.factsHistory ?? []} />
      <SavedStatus message={saved} />
      {current.status === 'afgesloten' ? null : (
        <Expander label={t.facts.edit} onSaved={setSaved}>
          {(close, saved) => (
            <EditFactsForm
              current={current}
              jurisdiction={jurisdiction}
              parties={detail.parties}
              onDone={() => saved(nl.logbook.saved)}
              onCancel={close}
            />
          )}
        </Expander>
      )}
    </CaseSection>
  );
}

/** Earlier versions of the description, newest first, each with when and why it was replaced. */
function FactsHistory({ versions }: { versions: readonly FactsVersion[] }) {
  if (versions.length === 0) return null;
  return (
    <Disclosure className="facts-history" summary={t.facts.history(versions.length)}>
      <ol reversed>
        {[...versions].reverse().map((version) => (
          <li key={version.replacedAt}>
            <p>{t.facts.historyEntry(formatDate(version.replacedAt), version.reason)}</p>
            <p className="preserve-lines">{version.text}</p>
          </li>
        ))}
      </ol>
    </Disclosure>
  );
}

function EditFactsForm({
  current,
  jurisdiction,
  parties,
  onDone,
  onCancel,
}: RecordFormProps & {
  current: Case;
  /** The case's Rechtsgebied as it applies now (its own, or the setting's when it has none). */
  jurisdiction: Jurisdiction;
  parties: readonly Party[];
}) {
  // The reason lives beside the case fields: only a changed description needs one (like a note correction).
  const [reason, setReason] = useState('');
  // The case as the form opened it: only what the worker changed is sent (schema/edit-base.ts), so a
  // change saved meanwhile in another tab or on another device is kept, or, on the same field, not overwritten.
  // As stored: a case made before cases carried a Rechtsgebied has none, and saving stamps the one shown.
  // A ref, so "Toch mijn versie bewaren" can move it to the case as now stored and submit in one press.
  const base = useRef(current);
  // The save was refused because a field the worker changed was saved meanwhile elsewhere.
  const [meanwhile, setMeanwhile] = useState(false);
  const links = useCaseLinks();
  const options = caseFormOptions(links, base.current.knownOn);
  const changed = (description: string): boolean => description.trim() !== base.current.description;
  const form = useOperationForm({
    initial: (): CaseValues => ({
      knownOn: current.knownOn,
      knownVia: current.knownVia,
      types: [...current.types],
      schools: current.schools.length > 0 ? [...current.schools] : [''],
      description: current.description,
      jurisdiction,
    }),
    ...options,
    fields: [...options.fields, 'factsReason'],
    check: (values) => ({
      ...options.check(values),
      ...(changed(values.description) && reason.trim() === ''
        ? { factsReason: nl.errors['case.factsReasonRequired'] }
        : {}),
    }),
    run: async (input) => {
      const { patch, expected } = changesFrom(base.current, caseInput(input));
      setMeanwhile(false);
      try {
        return await runOperation('updateCase', {
          id: base.current.id,
          ...patch,
          expected,
          ...(changed(input.description) ? { factsReason: reason.trim() } : {}),
        });
      } catch (error) {
        if (isChangedMeanwhile(error)) setMeanwhile(true);
        throw error;
      }
    },
    onDone,
  });

  return (
    <form {...form.formProps} className="card logbook-form" aria-label={t.facts.editTitle}>
      <CaseFields form={form} idPrefix="edit-case" links={links} storedKnownOn={base.current.knownOn} />
      <NameWarning
        text={form.values.description}
        parties={parties}
        onReplace={(description) => form.patch({ description })}
      />
      {changed(form.values.description) ? (
        <TextAreaField
          label={t.facts.reason}
          hint={t.facts.reasonHint}
          maxLength={500}
          required
          value={reason}
          error={form.error('factsReason')}
          onChange={(event) => {
            form.setFieldError('factsReason', imageDataError(event.target.value));
            setReason(event.target.value);
          }}
        />
      ) : null}
      <FormError message={form.general} />
      {meanwhile ? (
        <div className="card">
          <p>{t.facts.meanwhileChoice}</p>
          <button
            type="button"
            className="button"
            onClick={(event) => {
              // What is stored now (`current` follows the database) becomes the base: the worker's fields
              // replace it, nothing else changes.
              base.current = current;
              event.currentTarget.form?.requestSubmit();
            }}
          >
            {t.facts.keepMine}
          </button>
        </div>
      ) : null}
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

function isChangedMeanwhile(error: unknown): boolean {
  return (
    error instanceof InvalidRecordError && error.issues.some((issue) => issue.message === 'record.changedMeanwhile')
  );
}
