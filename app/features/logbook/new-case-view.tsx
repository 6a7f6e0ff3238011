// New incident in under a minute on a phone: five fields, defaults where they
// are safe (today), and the text kept as an encrypted draft while typing.
import { useState, type FormEvent } from 'react';
import { caseTypeSchema, knownViaSchema } from '../../../schema/records/case';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { navigate } from '../../shell/router';
import { Page } from '../../shell/page';
import { CaseFields, caseFieldNames, caseInput, validateCaseValues, type CaseValues } from './case-fields';
import { isIsoDate, todayIso } from '../../ui/dates';
import { setFlash } from './flash';
import type { DraftFields } from '../../data/drafts';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useFormErrors } from '../../ui/form-errors';
import { useFormDraft } from './use-form-draft';

const t = nl.logbook;
export const NEW_CASE_DRAFT = 'case-new';

function fromDraft(fields: DraftFields | null): CaseValues {
  const knownVia = knownViaSchema.safeParse(fields?.knownVia);
  const types = (fields?.types ?? '').split(',').flatMap((value) => {
    const parsed = caseTypeSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
  const schools = Object.keys(fields ?? {})
    .filter((key) => /^school\.\d+$/.test(key))
    .sort((a, b) => Number(a.slice(7)) - Number(b.slice(7)))
    .map((key) => fields?.[key] ?? '');
  return {
    knownOn: fields?.knownOn && isIsoDate(fields.knownOn) ? fields.knownOn : todayIso(),
    knownVia: knownVia.success ? knownVia.data : '',
    types,
    schools: schools.length > 0 ? schools : [''],
    description: fields?.description ?? '',
  };
}

function toDraft(values: CaseValues): DraftFields {
  const fields: DraftFields = {
    knownVia: values.knownVia,
    types: values.types.join(','),
    description: values.description,
  };
  // Today's date alone is no input worth keeping.
  if (values.knownOn !== todayIso()) fields.knownOn = values.knownOn;
  values.schools.forEach((school, i) => {
    fields[`school.${i}`] = school;
  });
  return fields;
}

export function NewCaseView() {
  const draft = useFormDraft(NEW_CASE_DRAFT);
  return (
    <Page title={t.newTitle}>
      <p className="lead">{t.newIntro}</p>
      {draft.initial === undefined ? (
        <p>{t.loading}</p>
      ) : (
        <NewCaseForm initial={draft.initial} onChange={draft.update} onDiscard={draft.discard} saved={draft.saved} />
      )}
    </Page>
  );
}

interface NewCaseFormProps {
  initial: DraftFields | null;
  onChange: (fields: DraftFields) => void;
  onDiscard: () => Promise<void>;
  saved: boolean;
}

function NewCaseForm({ initial, onChange, onDiscard, saved }: NewCaseFormProps) {
  const [values, setValues] = useState<CaseValues>(() => fromDraft(initial));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(caseFieldNames);

  function change(patch: Partial<CaseValues>) {
    const next = { ...values, ...patch };
    setValues(next);
    onChange(toDraft(next));
  }

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
      const created = await runOperation('createCase', caseInput({ ...values, knownVia }));
      await onDiscard();
      setFlash(t.created(created.reference));
      navigate(`/dossier/${created.id}`);
    } catch (error) {
      errors.failWith(error);
      setBusy(false);
    }
  }

  async function discard() {
    await onDiscard();
    navigate('/');
  }

  return (
    <form ref={errors.form} onSubmit={submit} noValidate className="card logbook-form">
      {initial ? <p className="callout">{t.draftRestored}</p> : null}
      <CaseFields
        values={values}
        onChange={change}
        error={errors.error}
        setFieldError={errors.setField}
        idPrefix="new-case"
      />
      <p className="draft-status">{saved ? t.draftSaved : '\u00a0'}</p>
      <FormError message={errors.general} />
      <FormButtons
        busy={busy}
        saveLabel={t.save}
        extra={
          <button type="button" className="button button--danger" onClick={() => void discard()} disabled={busy}>
            {t.discardDraft}
          </button>
        }
      />
    </form>
  );
}
