import { useState, type FormEvent } from 'react';
import type { Case } from '../../../schema/records/case';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { CaseFields, caseFieldNames, caseInput, validateCaseValues, type CaseValues } from './case-fields';
import { formatDate } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useFormErrors } from '../../ui/form-errors';
import { CaseSection, Expander, SavedStatus } from './section';
import { statusText } from './status-text';

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
  const [saved, setSaved] = useState<string | null>(null);
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
          <dd>{t.knownViaOptions[current.knownVia]}</dd>
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
          <dt>{t.facts.description}</dt>
          <dd className="preserve-lines">{current.description}</dd>
        </div>
      </dl>
      <SavedStatus message={saved} />
      {current.status === 'afgesloten' ? null : (
        <Expander label={t.facts.edit}>
          {(close) => (
            <EditFactsForm
              current={current}
              onDone={() => {
                setSaved(nl.logbook.saved);
                close();
              }}
              onCancel={close}
            />
          )}
        </Expander>
      )}
    </CaseSection>
  );
}

function EditFactsForm({ current, onDone, onCancel }: { current: Case; onDone: () => void; onCancel: () => void }) {
  const [values, setValues] = useState<CaseValues>(() => ({
    knownOn: current.knownOn,
    knownVia: current.knownVia,
    types: [...current.types],
    schools: current.schools.length > 0 ? [...current.schools] : [''],
    description: current.description,
  }));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(caseFieldNames);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateCaseValues(values);
    const { knownVia } = values;
    if (Object.keys(problems).length > 0 || knownVia === '') {
      errors.fail(problems, t.errors.checkFields);
      return;
    }
    setBusy(true);
    try {
      await runOperation('updateCase', { id: current.id, ...caseInput({ ...values, knownVia }) });
      onDone();
    } catch (error) {
      errors.failWith(error);
      setBusy(false);
    }
  }

  return (
    <form ref={errors.form} onSubmit={submit} noValidate className="card logbook-form" aria-label={t.facts.editTitle}>
      <CaseFields
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        error={errors.error}
        setFieldError={errors.setField}
        idPrefix="edit-case"
      />
      <FormError message={errors.general} />
      <FormButtons busy={busy} onCancel={onCancel} />
    </form>
  );
}
