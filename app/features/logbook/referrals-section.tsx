import { useState, type FormEvent } from 'react';
import type { ReferralEntry } from '../../../schema/content';
import type { CaseDetail } from '../../data/case-hooks';
import { runOperation } from '../../data/operations';
import { useContent } from '../../content/load-content';
import { nl } from '../../i18n/catalogue';
import { TextField } from '../../ui/field';
import { SelectField } from '../../ui/select-field';
import { formatDate, isIsoDate, todayIso } from '../../ui/dates';
import { FormButtons, FormError } from '../../ui/form-errors-view';
import { useFormErrors, type FieldErrors } from '../../ui/form-errors';
import { CaseSection, Expander, SavedStatus } from './section';

const t = nl.logbook.referrals;

export function ReferralsSection({ detail }: { detail: CaseDetail }) {
  const content = useContent('verwijzingen.json');
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <CaseSection id="doorverwijzingen" title={t.title}>
      {detail.referrals.length === 0 ? <p>{t.none}</p> : null}
      <ul className="record-list">
        {detail.referrals.map((referral) => (
          <li key={referral.id} className="record-card">
            {t.entry(referral.organisationName, formatDate(referral.referredOn), referral.byInitials)}
          </li>
        ))}
      </ul>
      <SavedStatus message={saved} />
      {content.status === 'ready' ? (
        <Expander label={t.add}>
          {(close) => (
            <ReferralForm
              caseId={detail.case.id}
              entries={content.data.entries}
              onDone={() => {
                setSaved(t.saved);
                close();
              }}
              onCancel={close}
            />
          )}
        </Expander>
      ) : content.status === 'loading' ? (
        <p>{t.loading}</p>
      ) : (
        <p className="callout">
          {nl.knowledge.content.errorBody}{' '}
          <button type="button" className="link-button" onClick={content.retry}>
            {nl.knowledge.content.retry}
          </button>
        </p>
      )}
    </CaseSection>
  );
}

function ReferralForm({
  caseId,
  entries,
  onDone,
  onCancel,
}: {
  caseId: string;
  entries: readonly ReferralEntry[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const [organisationId, setOrganisationId] = useState('');
  const [referredOn, setReferredOn] = useState(todayIso());
  const [byInitials, setByInitials] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['organisationId', 'referredOn', 'byInitials']);
  const groups = (['vlaanderen', 'nederland', 'beide'] as const)
    .map((region) => ({
      label: nl.knowledge.regions[region],
      options: entries
        .filter((entry) => entry.region === region)
        .map((entry) => ({ value: entry.id, label: entry.name })),
    }))
    .filter((group) => group.options.length > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    const entry = entries.find((candidate) => candidate.id === organisationId);
    if (!entry) problems.organisationId = nl.logbook.errors.choose;
    if (!isIsoDate(referredOn)) problems.referredOn = nl.logbook.errors.invalidDate;
    if (byInitials.trim() === '') problems.byInitials = nl.logbook.errors.required;
    if (Object.keys(problems).length > 0 || !entry) {
      errors.fail(problems, nl.logbook.errors.checkFields);
      return;
    }
    setBusy(true);
    try {
      await runOperation('recordReferral', {
        caseId,
        organisationId: entry.id,
        organisationName: entry.name,
        referredOn,
        byInitials: byInitials.trim(),
      });
      onDone();
    } catch (error) {
      errors.failWith(error);
      setBusy(false);
    }
  }

  return (
    <form ref={errors.form} onSubmit={submit} noValidate className="card logbook-form" aria-label={t.add}>
      <SelectField
        label={t.organisation}
        value={organisationId}
        options={groups}
        placeholder={t.chooseOrganisation}
        error={errors.error('organisationId')}
        onChange={(event) => setOrganisationId(event.target.value)}
      />
      <TextField
        label={t.referredOn}
        type="date"
        value={referredOn}
        error={errors.error('referredOn')}
        onChange={(event) => setReferredOn(event.target.value)}
      />
      <TextField
        label={t.byInitials}
        hint={t.byInitialsHint}
        value={byInitials}
        maxLength={5}
        autoComplete="off"
        error={errors.error('byInitials')}
        onChange={(event) => setByInitials(event.target.value)}
      />
      <FormError message={errors.general} />
      <FormButtons busy={busy} onCancel={onCancel} />
    </form>
  );
}
