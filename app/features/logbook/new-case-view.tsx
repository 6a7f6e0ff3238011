// New incident in under a minute on a phone: five fields, defaults where they
// are safe (today), and the text kept as an encrypted draft while typing.
import { caseTypeSchema, knownViaSchema } from '../../../schema/records/case';
import { jurisdictionSchema, type Jurisdiction } from '../../../schema/settings';
import { useStoredSettings } from '../../data/settings';
import { runOperation } from '../../data/operations';
import { nl } from '../../i18n/catalogue';
import { caseHref } from '../../shell/case-url';
import { navigate } from '../../shell/router';
import { Page } from '../../shell/page';
import { CaseFields, caseFormOptions, caseInput, useCaseLinks, type CaseValues } from './case-fields';
import { isIsoDate, todayIso } from '../../ui/dates';
import { setFlash } from './flash';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useOperationForm } from '../../ui/use-operation-form';
import type { DraftFields } from '../../data/drafts';
import { useFormDraft } from './use-form-draft';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useState } from 'react';

const t = nl.logbook;
export const NEW_CASE_DRAFT = 'case-new';

export function fromDraft(fields: DraftFields | null, deviceJurisdiction: Jurisdiction): CaseValues {
  const knownVia = knownViaSchema.safeParse(fields?.knownVia);
  const jurisdiction = jurisdictionSchema.safeParse(fields?.jurisdiction);
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
    jurisdiction: jurisdiction.success ? jurisdiction.data : deviceJurisdiction,
  };
}

export function toDraft(values: CaseValues, deviceJurisdiction: Jurisdiction): DraftFields {
  const fields: DraftFields = {
    knownVia: values.knownVia,
    types: values.types.join(','),
    description: values.description,
  };
  // Like today's date, the device's Rechtsgebied alone is no input worth keeping.
  if (values.jurisdiction !== deviceJurisdiction) fields.jurisdiction = values.jurisdiction;
  values.schools.forEach((school, i) => {
    fields[`school.${i}`] = school;
  });
  // Today's date alone is no input worth keeping; with other input it is kept as it stood, so a draft
  // restored on a later day keeps the day it was typed (a review: it moved to the day of the restore).
  const typed = Object.values(fields).some((value) => value.trim() !== '');
  if (typed || values.knownOn !== todayIso()) fields.knownOn = values.knownOn;
  return fields;
}

export function NewCaseView() {
  const draft = useFormDraft(NEW_CASE_DRAFT);
  // The device's Rechtsgebied is the form's start: waited for, never guessed.
  const jurisdiction = useStoredSettings()?.jurisdiction;
  return (
    <Page title={t.newTitle}>
      <p className="lead">{t.newIntro}</p>
      {draft.initial === undefined || jurisdiction === undefined ? (
        <p>{t.loading}</p>
      ) : (
        <NewCaseForm
          initial={draft.initial}
          jurisdiction={jurisdiction}
          onChange={draft.update}
          onDiscard={draft.discard}
          saved={draft.saved}
        />
      )}
    </Page>
  );
}

interface NewCaseFormProps {
  initial: DraftFields | null;
  /** The device's Rechtsgebied (Instellingen), proposed for the new case. */
  jurisdiction: Jurisdiction;
  onChange: (fields: DraftFields) => void;
  onDiscard: () => Promise<void>;
  saved: boolean;
}

function NewCaseForm({ initial, jurisdiction, onChange, onDiscard, saved }: NewCaseFormProps) {
  const links = useCaseLinks();
  const form = useOperationForm({
    initial: () => fromDraft(initial, jurisdiction),
    ...caseFormOptions(links),
    onChange: (values) => onChange(toDraft(values, jurisdiction)),
    run: async (input) => {
      const created = await runOperation('createCase', caseInput(input));
      await onDiscard();
      return created;
    },
    onDone: (created) => {
      setFlash(t.created(created.reference));
      // The saved case takes the new-incident form's place: Back goes to where the form was opened from.
      navigate(caseHref(created.id), { replace: true });
    },
  });
  const busy = form.busy;
  // Throwing away typed text is asked first: one tap next to Bewaren must not lose it.
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  async function discard() {
    setConfirmDiscard(false);
    await onDiscard();
    navigate('/');
  }

  return (
    <form {...form.formProps} className="card logbook-form">
      {initial ? <p className="callout">{t.draftRestored}</p> : null}
      <CaseFields form={form} idPrefix="new-case" links={links} />
      <p className="draft-status">{saved ? t.draftSaved : '\u00a0'}</p>
      <FormError message={form.general} />
      <FormButtons
        busy={busy}
        saveLabel={t.save}
        extra={
          <Button
            type="button"
            className="button button--danger"
            onClick={() => setConfirmDiscard(true)}
            disabled={busy}
          >
            {t.discardDraft}
          </Button>
        }
      />
      <ConfirmDialog
        open={confirmDiscard}
        title={t.discardDraftTitle}
        confirmLabel={t.discardDraftConfirm}
        cancelLabel={t.discardDraftCancel}
        danger
        onConfirm={() => void discard()}
        onCancel={() => setConfirmDiscard(false)}
      >
        <p>{t.discardDraftBody}</p>
      </ConfirmDialog>
    </form>
  );
}
